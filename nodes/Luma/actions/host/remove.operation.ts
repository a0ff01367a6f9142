import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { checkEmail } from '../common/contactInput';
import { eventIdOf, eventLocator, readEventRef } from '../common/locators';

const properties: INodeProperties[] = [
	eventLocator(),
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', required: true, default: '', description: 'Email of the host to remove' },
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['host'], operation: ['remove'] } }, properties);

/** POST /v1/events/hosts/remove (the event's creator cannot be removed). */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const ref = readEventRef.call(this, itemIndex);
	const email = checkEmail.call(this, itemIndex, this.getNodeParameter('email', itemIndex, ''), 'Email');
	const eventId = await eventIdOf.call(this, itemIndex, ref);
	await lumaApiRequest(this, 'events', {
		method: 'POST',
		path: '/v1/events/hosts/remove',
		body: { event_id: eventId, email },
		itemIndex,
		whatToCheck: `Check the hosts of ${eventId} (Event → Get) for ${email}`,
	});
	return { event_id: eventId, email, removed: true };
}
