import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { calendarEventIdField, readCalendarEventId } from './calendarFields';

const properties: INodeProperties[] = [calendarEventIdField, optionsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['calendar'], operation: ['approveEvent'] } }, properties);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	return readCalendarEventId.call(this, itemIndex);
}

/** POST /v1/calendars/events/approve `{ calendar_event_id }`. */
export async function execute(this: IExecuteFunctions, itemIndex: number, id: string) {
	await lumaApiRequest(this, 'events', { method: 'POST', path: '/v1/calendars/events/approve', body: { calendar_event_id: id }, itemIndex, idempotent: true });
	return { calendar_event_id: id, status: 'approved' };
}
