import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { TIMEZONE_OPTIONS, toLumaDateTime } from '../common/fields';
import { eventLocator, resolveEventId } from '../common/locators';
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

/** POST /v1/events/update with only the fields the user set; outputs the updated event. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const eventId = await resolveEventId.call(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	if (Object.keys(fields).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update: add at least one field under Update Fields', { itemIndex });
	}
	let timezone = fields.timezone as string | undefined;
	if (!timezone && (fields.start_at || fields.end_at)) {
		// Wall-clock times mean the event's own zone: read it first.
		const current = await getEvent.call(this, itemIndex, eventId);
		timezone = String(current.timezone ?? 'UTC');
	}
	const body: IDataObject = { event_id: eventId, ...readEventFields.call(this, itemIndex, fields, timezone ?? 'UTC') };
	if (typeof fields.name === 'string' && fields.name.trim()) body.name = fields.name.trim();
	if (fields.timezone) body.timezone = fields.timezone;
	if (fields.start_at) body.start_at = toLumaDateTime.call(this, itemIndex, fields.start_at, 'Start', timezone);
	if (fields.suppress_notifications !== undefined) body.suppress_notifications = fields.suppress_notifications;
	// Setting the same values again changes nothing, so a retry is safe.
	await lumaApiRequest(this, 'events', { method: 'POST', path: '/v1/events/update', body, itemIndex, idempotent: true });
	return await getEvent.call(this, itemIndex, eventId);
}
