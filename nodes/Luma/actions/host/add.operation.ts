import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { pick } from '../../../shared/objects';
import { lumaApiRequest } from '../../../shared/transport';
import { checkEmail } from '../common/contactInput';
import { eventLocator, resolveEventId } from '../common/locators';
import { accessLevelField, visibleField } from './hostFields';

const properties: INodeProperties[] = [
	eventLocator(),
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', required: true, default: '' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [accessLevelField, { displayName: 'Name', name: 'name', type: 'string', default: '' }, visibleField],
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['host'], operation: ['add'] } }, properties);

/** POST /v1/events/hosts/add. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const eventId = await resolveEventId.call(this, itemIndex);
	const email = checkEmail.call(this, itemIndex, this.getNodeParameter('email', itemIndex, ''), 'Email');
	const fields = pick(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject, ['access_level', 'name', 'is_visible']);
	await lumaApiRequest(this, 'events', { method: 'POST', path: '/v1/events/hosts/add', body: { event_id: eventId, email, ...fields }, itemIndex });
	return { event_id: eventId, email, ...fields, added: true };
}
