import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { eventIdOf, eventLocator, readEventRef } from '../common/locators';
import { getGuest, readGuestRef } from './guestFields';

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
	const ref = readEventRef.call(this, itemIndex);
	const id = readGuestRef.call(this, itemIndex, 'Guest');
	return await getGuest.call(this, itemIndex, await eventIdOf.call(this, itemIndex, ref), id);
}
