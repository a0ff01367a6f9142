import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { eventLocator, resolveEventId } from '../common/locators';
import { getGuest } from './guestFields';

const properties: INodeProperties[] = [
	eventLocator(),
	{
		displayName: 'Guest',
		name: 'guestId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'gst-..., g-..., a ticket key, or ada@example.com',
		description: 'The guest ID (gst-...), guest key (g-...), a ticket key, or the email the guest registered with',
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['guest'], operation: ['get'] } }, properties);

/** GET /v1/events/guests/get?event_id&id (id: guest ID, guest key, ticket key or email). */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const eventId = await resolveEventId.call(this, itemIndex);
	const id = String(this.getNodeParameter('guestId', itemIndex, '')).trim();
	if (!id) throw new NodeOperationError(this.getNode(), 'Guest is required', { itemIndex });
	return await getGuest.call(this, itemIndex, eventId, id);
}
