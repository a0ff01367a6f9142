import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { checkEmail } from '../common/contactInput';
import { eventIdOf, eventLocator, readEventRef } from '../common/locators';
import { hostWhatToCheck } from './hostFields';

const properties: INodeProperties[] = [
	eventLocator(),
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', required: true, default: '', description: 'Email of the host to remove' },
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['host'], operation: ['remove'] } }, properties);

/** The body of the removal (an event link is looked up: a read). */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const ref = readEventRef.call(this, itemIndex);
	const email = checkEmail.call(this, itemIndex, this.getNodeParameter('email', itemIndex, ''), 'Email');
	return { event_id: await eventIdOf.call(this, itemIndex, ref), email };
}

/** POST /v1/events/hosts/remove (the event's creator cannot be removed). */
export async function execute(this: IExecuteFunctions, itemIndex: number, body: IDataObject) {
	await lumaApiRequest(this, 'events', {
		method: 'POST',
		path: '/v1/events/hosts/remove',
		body,
		itemIndex,
		whatToCheck: hostWhatToCheck(body),
	});
	return { ...body, removed: true };
}
