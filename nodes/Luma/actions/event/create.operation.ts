import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { asNodeError, lostAnswerError, lostAnswerOf } from '../../../shared/errors';
import { claimedInRun } from '../../../shared/lostCreates';
import { lumaApiRequest } from '../../../shared/transport';
import { requireAfter, timezoneField, toLumaDateTime } from '../common/fields';
import { requireText, requireTimeZone } from '../common/inputs';
import { eventOptionalFields, getEvent, readEventFields } from './eventFields';
import { eventWhatToCheck, recoverLostEvent } from './lostCreate';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Founders Breakfast',
	},
	{
		displayName: 'Start',
		name: 'start_at',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'When the event starts, read in the Timezone below unless it carries an offset',
	},
	timezoneField({ required: true }),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: eventOptionalFields,
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['event'], operation: ['create'] } }, properties);

/** Reads and checks one item: the body of its create (run for every item before any is sent). */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = requireText(this, itemIndex, this.getNodeParameter('name', itemIndex), 'Name');
	const timezone = requireTimeZone(this, itemIndex, this.getNodeParameter('timezone', itemIndex), 'Timezone');
	const body: IDataObject = {
		name,
		start_at: toLumaDateTime.call(this, itemIndex, this.getNodeParameter('start_at', itemIndex), 'Start', timezone),
		timezone,
		...readEventFields.call(this, itemIndex, this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject, timezone),
	};
	requireAfter.call(this, itemIndex, body.start_at as string, body.end_at as string | undefined, ['Start', 'End']);
	return body;
}

/**
 * POST /v1/events/create → `{ id }`; the output is the created event (read back with Get). A create
 * is never sent twice (see transport); when its answer is lost, the event is looked for on the
 * calendar (lostCreate.ts) instead.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, body: IDataObject) {
	const sentAt = Date.now();
	let eventId: string;
	try {
		const created = await lumaApiRequest(this, 'events', { method: 'POST', path: '/v1/events/create', body, itemIndex, whatToCheck: eventWhatToCheck(body) });
		// A 2xx without the ID leaves the outcome unknown, like a lost answer.
		if (typeof created.id !== 'string' || !created.id) throw lostAnswerError(this.getNode(), { kind: 'garbled', status: 200, summary: 'no event ID' }, itemIndex, eventWhatToCheck(body));
		eventId = created.id;
		// A later item's lost create must not take this event for its own.
		claimedInRun(this).add(eventId);
	} catch (error) {
		const lost = lostAnswerOf(error);
		if (!lost) throw asNodeError(this.getNode(), error, itemIndex);
		eventId = await recoverLostEvent(this, lost, body, sentAt, itemIndex);
	}
	return await getEvent.call(this, itemIndex, eventId);
}
