import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { calendarEventIdField } from './calendarFields';

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

/** POST /v1/calendars/events/reject `{ calendar_event_id, message?, notify_submitter? }`. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const id = String(this.getNodeParameter('calendarEventId', itemIndex, '')).trim();
	if (!id) throw new NodeOperationError(this.getNode(), 'Calendar Event ID is required', { itemIndex });
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { calendar_event_id: id };
	if (typeof fields.message === 'string' && fields.message.trim()) body.message = fields.message.trim();
	if (fields.notify_submitter !== undefined) body.notify_submitter = fields.notify_submitter;
	await lumaApiRequest(this, 'events', { method: 'POST', path: '/v1/calendars/events/reject', body, itemIndex });
	return { calendar_event_id: id, status: 'rejected' };
}
