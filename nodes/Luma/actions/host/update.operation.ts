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

/** POST /v1/events/hosts/update (the event's creator cannot be changed). */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const ref = readEventRef.call(this, itemIndex);
	const email = checkEmail.call(this, itemIndex, this.getNodeParameter('email', itemIndex, ''), 'Email');
	const fields = pick(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, ['access_level', 'is_visible']);
	requireChanges(this, itemIndex, fields);
	const eventId = await eventIdOf.call(this, itemIndex, ref);
	await lumaApiRequest(this, 'events', { method: 'POST', path: '/v1/events/hosts/update', body: { event_id: eventId, email, ...fields }, itemIndex, idempotent: true });
	return { event_id: eventId, email, ...fields, updated: true };
}
