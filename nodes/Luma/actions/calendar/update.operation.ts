import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { calendarLocator, getLocatorValue } from '../common/locators';
import { calendarOptionalFields, readCalendarFields } from './calendarFields';

const properties: INodeProperties[] = [
	calendarLocator(),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: ([...calendarOptionalFields, { displayName: 'Name', name: 'name', type: 'string', default: '' }] as INodeProperties[]).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['calendar'], operation: ['update'] } }, properties);

/** POST /v1/calendars/update → Calendar. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const calendarId = getLocatorValue.call(this, 'calendarId', itemIndex, 'Calendar');
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { calendar_id: calendarId, ...readCalendarFields(fields) };
	if (typeof fields.name === 'string' && fields.name.trim()) body.name = fields.name.trim();
	if (Object.keys(body).length === 1) throw new NodeOperationError(this.getNode(), 'Nothing to update: add a field under Update Fields', { itemIndex });
	return (await lumaApiRequest(this, 'events', { method: 'POST', path: '/v1/calendars/update', body, itemIndex, idempotent: true })) as IDataObject;
}
