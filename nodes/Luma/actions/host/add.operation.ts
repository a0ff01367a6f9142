import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { pick } from '../../../shared/objects';
import { lumaApiRequest } from '../../../shared/transport';
import { checkEmail } from '../common/contactInput';
import { readText } from '../common/inputs';
import { eventIdOf, eventLocator, readEventRef } from '../common/locators';
import { accessLevelField, hostWhatToCheck, visibleField } from './hostFields';

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

/** The body of the add (an event link is looked up: a read). */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const ref = readEventRef.call(this, itemIndex);
	const email = checkEmail.call(this, itemIndex, this.getNodeParameter('email', itemIndex, ''), 'Email');
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const fields = pick(additional, ['access_level', 'is_visible']);
	const name = readText(this, itemIndex, additional.name, 'Name');
	if (name) fields.name = name;
	return { event_id: await eventIdOf.call(this, itemIndex, ref), email, ...fields };
}

/** POST /v1/events/hosts/add. */
export async function execute(this: IExecuteFunctions, itemIndex: number, body: IDataObject) {
	await lumaApiRequest(this, 'events', {
		method: 'POST',
		path: '/v1/events/hosts/add',
		body,
		itemIndex,
		whatToCheck: hostWhatToCheck(body),
	});
	return { ...body, added: true };
}
