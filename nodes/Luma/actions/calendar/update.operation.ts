import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { allowPrivateNetworkUrlsOption } from '../common/fields';
import { changedText, ID_FORMS, requireChanges } from '../common/inputs';
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
	optionsCollection([allowPrivateNetworkUrlsOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['calendar'], operation: ['update'] } }, properties);

/** The body of the update: the calendar's ID and only the fields the user set. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const calendarId = getLocatorValue.call(this, 'calendarId', itemIndex, 'Calendar', ID_FORMS.calendar);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const changes: IDataObject = readCalendarFields.call(this, itemIndex, fields);
	const name = changedText(this, itemIndex, fields, 'name', 'Name');
	if (name) changes.name = name;
	requireChanges(this, itemIndex, changes);
	return { calendar_id: calendarId, ...changes };
}

/** POST /v1/calendars/update → Calendar. */
export async function execute(this: IExecuteFunctions, itemIndex: number, body: IDataObject) {
	return await lumaApiRequest(this, 'events', { method: 'POST', path: '/v1/calendars/update', body, itemIndex, idempotent: true });
}
