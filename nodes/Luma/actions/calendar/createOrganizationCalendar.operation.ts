import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { allowPrivateNetworkUrlsOption } from '../common/fields';
import { requireText } from '../common/inputs';
import { calendarOptionalFields, readCalendarFields } from './calendarFields';

const properties: INodeProperties[] = [
	{
		displayName: 'Needs an organization API key (Luma API credential with key type "Organization").',
		name: 'orgNotice',
		type: 'notice',
		default: '',
	},
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '' },
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: calendarOptionalFields },
	optionsCollection([allowPrivateNetworkUrlsOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['calendar'], operation: ['createOrganizationCalendar'] } }, properties);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = requireText(this, itemIndex, this.getNodeParameter('name', itemIndex), 'Name');
	return { name, ...readCalendarFields.call(this, itemIndex, this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject) };
}

/** POST /v2/organizations/calendars/create → Calendar (organization key). */
export async function execute(this: IExecuteFunctions, itemIndex: number, body: IDataObject) {
	return await lumaApiRequest(this, 'events', {
		method: 'POST',
		path: '/v2/organizations/calendars/create',
		body,
		itemIndex,
		whatToCheck: `Check Organization → List Calendars for a calendar named "${String(body.name)}"`,
	});
}
