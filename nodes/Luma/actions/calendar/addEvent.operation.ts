import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { describeValue } from '../../../shared/validation/values';
import { timezoneField, toLumaDateTime } from '../common/fields';
import { readText, requireText, requireTimeZone, requireUrl } from '../common/inputs';
import { eventIdOf, eventLocator, readEventRef } from '../common/locators';

const show = (platform: string) => ({ show: { platform: [platform] } });

const properties: INodeProperties[] = [
	{
		displayName: 'Event Type',
		name: 'platform',
		type: 'options',
		options: [
			{ name: 'Luma Event', value: 'luma', description: "An event hosted on Luma (another calendar's)" },
			{ name: 'External Event', value: 'external', description: 'An event hosted elsewhere, listed by its link' },
		],
		default: 'luma',
	},
	{ ...eventLocator(), displayOptions: show('luma') },
	{ displayName: 'URL', name: 'url', type: 'string', required: true, default: '', placeholder: 'https://example.com/event', description: "The external event's http(s) page", displayOptions: show('external') },
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', displayOptions: show('external') },
	{ displayName: 'Start', name: 'start_at', type: 'dateTime', required: true, default: '', displayOptions: show('external') },
	{ displayName: 'Duration', name: 'duration', type: 'string', required: true, default: 'PT1H', description: 'ISO 8601 duration, e.g. PT2H or PT1H30M', displayOptions: show('external') },
	{ ...timezoneField(), displayOptions: show('external') },
	{ displayName: 'Host Name', name: 'host', type: 'string', default: '', displayOptions: show('external') },
	{
		displayName: 'Submission',
		name: 'submission_mode',
		type: 'options',
		options: [
			{ name: 'Add Directly', value: 'auto' },
			{ name: 'Submit for Review', value: 'pending', description: 'The event waits for Approve Event' },
		],
		default: 'auto',
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['calendar'], operation: ['addEvent'] } }, properties);

/** The body of the add: a Luma event by its ID (an event link is looked up: a read), or an external one. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const platform = this.getNodeParameter('platform', itemIndex) as string;
	const submission = this.getNodeParameter('submission_mode', itemIndex) as string;
	if (platform === 'luma') {
		const ref = readEventRef.call(this, itemIndex);
		return { platform: 'luma', event_id: await eventIdOf.call(this, itemIndex, ref), submission_mode: submission };
	}
	const url = requireUrl(this, itemIndex, this.getNodeParameter('url', itemIndex), 'URL', 'link');
	const name = requireText(this, itemIndex, this.getNodeParameter('name', itemIndex), 'Name');
	const duration = requireText(this, itemIndex, this.getNodeParameter('duration', itemIndex), 'Duration');
	if (!/^P(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?)?$/.test(duration) || duration === 'P' || duration.endsWith('T')) {
		throw new NodeOperationError(this.getNode(), `Duration is not an ISO 8601 duration like PT1H30M: ${describeValue(duration)}`, { itemIndex });
	}
	const timezone = requireTimeZone(this, itemIndex, this.getNodeParameter('timezone', itemIndex), 'Timezone');
	const host = readText(this, itemIndex, this.getNodeParameter('host', itemIndex, ''), 'Host Name');
	return {
		platform: 'external',
		url,
		name,
		start_at: toLumaDateTime.call(this, itemIndex, this.getNodeParameter('start_at', itemIndex, ''), 'Start', timezone),
		duration_interval: duration,
		timezone,
		submission_mode: submission,
		...(host ? { host } : {}),
	};
}

/** POST /v1/calendars/events/add → `{ id: calev-..., status }`. */
export async function execute(this: IExecuteFunctions, itemIndex: number, body: IDataObject) {
	return await lumaApiRequest(this, 'events', {
		method: 'POST',
		path: '/v1/calendars/events/add',
		body,
		itemIndex,
		whatToCheck: `Check Calendar → Lookup Event for ${String(body.event_id ?? body.url)}`,
	});
}
