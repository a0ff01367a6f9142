import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { pick } from '../../../shared/objects';
import { lumaApiRequest } from '../../../shared/transport';
import { readText } from '../common/inputs';
import { calendarEventIdField, readCalendarEventId } from './calendarFields';

const properties: INodeProperties[] = [
	calendarEventIdField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Message', name: 'message', type: 'string', default: '', description: 'Why the event was not accepted (emailed to the submitter)' },
			{ displayName: 'Notify Submitter', name: 'notify_submitter', type: 'boolean', default: false, description: 'Whether to email the submitter (always with a Message)' },
		],
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['calendar'], operation: ['rejectEvent'] } }, properties);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readCalendarEventId.call(this, itemIndex);
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { calendar_event_id: id, ...pick(fields, ['notify_submitter']) };
	const message = readText(this, itemIndex, fields.message, 'Message');
	if (message) body.message = message;
	return body;
}

/** POST /v1/calendars/events/reject `{ calendar_event_id, message?, notify_submitter? }`. */
export async function execute(this: IExecuteFunctions, itemIndex: number, body: IDataObject) {
	const id = String(body.calendar_event_id);
	await lumaApiRequest(this, 'events', {
		method: 'POST',
		path: '/v1/calendars/events/reject',
		body,
		itemIndex,
		whatToCheck: `Check Calendar → Lookup Event for the status of ${id}`,
	});
	return { calendar_event_id: id, status: 'rejected' };
}
