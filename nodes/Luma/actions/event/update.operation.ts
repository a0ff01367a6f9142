import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { hasUtcOffset, requireAfter, TIMEZONE_OPTIONS, toLumaDateTime } from '../common/fields';
import { changedText, isChanged, requireChanges, requireTimeZone } from '../common/inputs';
import { eventIdOf, eventLocator, readEventRef } from '../common/locators';
import { eventOptionalFields, getEvent, readEventFields } from './eventFields';

const properties: INodeProperties[] = [
	eventLocator(),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: (
			[
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			{
				displayName: 'Start',
				name: 'start_at',
				type: 'dateTime',
				default: '',
				description: "New start, read in the event's time zone (or the Timezone set here) unless it carries an offset",
			},
			{
				displayName: 'Timezone',
				name: 'timezone',
				type: 'options',
				options: TIMEZONE_OPTIONS,
				default: 'UTC',
				description: 'IANA time zone of the event',
			},
			{
				displayName: 'Suppress Notifications',
				name: 'suppress_notifications',
				type: 'boolean',
				default: false,
				description: 'Whether to skip the update email Luma otherwise sends guests when the time or place changes',
			},
			...eventOptionalFields,
			] as INodeProperties[]
		).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['event'], operation: ['update'] } }, properties);

interface EventChanges {
	changes: IDataObject;
	start?: string;
	end?: string;
}

/** The changes as Luma's body keys, wall-clock times read in `timeZone`. */
function readChanges(this: IExecuteFunctions, itemIndex: number, fields: IDataObject, timeZone: string): EventChanges {
	const changes: IDataObject = readEventFields.call(this, itemIndex, fields, timeZone);
	const name = changedText(this, itemIndex, fields, 'name', 'Name');
	if (name) changes.name = name;
	if (isChanged(this, itemIndex, fields, 'timezone', 'Timezone')) changes.timezone = requireTimeZone(this, itemIndex, fields.timezone, 'Timezone');
	if (isChanged(this, itemIndex, fields, 'start_at', 'Start')) changes.start_at = toLumaDateTime.call(this, itemIndex, fields.start_at, 'Start', timeZone);
	isChanged(this, itemIndex, fields, 'end_at', 'End');
	return { changes, start: changes.start_at as string | undefined, end: changes.end_at as string | undefined };
}

/**
 * The body of the update, with only the fields the user set. Every field is read and checked before
 * the first request; wall-clock times need the event's own time zone (unless Timezone is set here),
 * and End alone is checked against the event's current start: both read from the event (reads).
 */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const ref = readEventRef.call(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const given = fields.timezone === undefined ? undefined : requireTimeZone(this, itemIndex, fields.timezone, 'Timezone');
	const draft = readChanges.call(this, itemIndex, fields, given ?? 'UTC');
	// suppress_notifications only says how to change: alone, it changes nothing.
	requireChanges(this, itemIndex, draft.changes);
	// Both wall-clock, or both with an offset: their order is known before the zone is.
	if (given !== undefined || hasUtcOffset(fields.start_at) === hasUtcOffset(fields.end_at)) {
		requireAfter.call(this, itemIndex, draft.start, draft.end, ['Start', 'End']);
	}

	const eventId = await eventIdOf.call(this, itemIndex, ref);
	let current: IDataObject | undefined;
	let timezone = given;
	if (timezone === undefined && (draft.start || draft.end)) {
		// Wall-clock times mean the event's own zone: read it first.
		current = await getEvent.call(this, itemIndex, eventId);
		timezone = typeof current.timezone === 'string' ? current.timezone : 'UTC';
	}
	const { changes, start, end } = timezone === given ? draft : readChanges.call(this, itemIndex, fields, timezone ?? 'UTC');
	if (end !== undefined && start === undefined) {
		current ??= await getEvent.call(this, itemIndex, eventId);
		requireAfter.call(this, itemIndex, String(current.start_at), end, ['Start (the event\'s current start)', 'End']);
	} else {
		requireAfter.call(this, itemIndex, start, end, ['Start', 'End']);
	}
	const body: IDataObject = { event_id: eventId, ...changes };
	if (fields.suppress_notifications !== undefined) body.suppress_notifications = fields.suppress_notifications === true;
	return body;
}

/** POST /v1/events/update; outputs the updated event. */
export async function execute(this: IExecuteFunctions, itemIndex: number, body: IDataObject) {
	// Setting the same values again changes nothing, so a retry is safe.
	await lumaApiRequest(this, 'events', { method: 'POST', path: '/v1/events/update', body, itemIndex, idempotent: true });
	return await getEvent.call(this, itemIndex, String(body.event_id));
}
