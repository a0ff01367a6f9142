import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { pick } from '../../../shared/objects';
import { lumaApiRequest } from '../../../shared/transport';
import { checkEmail } from '../common/contactInput';
import { requireChanges } from '../common/inputs';
import { eventIdOf, eventLocator, readEventRef } from '../common/locators';
import { accessLevelField, visibleField } from './hostFields';

const properties: INodeProperties[] = [
	eventLocator(),
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', required: true, default: '', description: 'Email of the host to change' },
	{ displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, options: [accessLevelField, visibleField] },
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['host'], operation: ['update'] } }, properties);

/** The body of the update (an event link is looked up: a read). */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const ref = readEventRef.call(this, itemIndex);
	const email = checkEmail.call(this, itemIndex, this.getNodeParameter('email', itemIndex, ''), 'Email');
	const fields = pick(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, ['access_level', 'is_visible']);
	requireChanges(this, itemIndex, fields);
	return { event_id: await eventIdOf.call(this, itemIndex, ref), email, ...fields };
}

/** POST /v1/events/hosts/update (the event's creator cannot be changed). */
export async function execute(this: IExecuteFunctions, itemIndex: number, body: IDataObject) {
	await lumaApiRequest(this, 'events', { method: 'POST', path: '/v1/events/hosts/update', body, itemIndex, idempotent: true });
	return { ...body, updated: true };
}
