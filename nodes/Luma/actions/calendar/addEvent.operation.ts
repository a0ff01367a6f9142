import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { timezoneField, toLumaDateTime } from '../common/fields';
import { eventLocator, resolveEventId } from '../common/locators';

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
	{ displayName: 'URL', name: 'url', type: 'string', required: true, default: '', placeholder: 'https://example.com/event', displayOptions: show('external') },
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', displayOptions: show('external') },
	{ displayName: 'Start', name: 'start_at', type: 'dateTime', required: true, default: '', displayOptions: show('external') },
	{ displayName: 'Duration', name: 'duration', type: 'string', default: 'PT1H', description: 'ISO 8601 duration, e.g. PT2H or PT1H30M', displayOptions: show('external') },
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

/** POST /v1/calendars/events/add → `{ id: calev-..., status }`. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const platform = this.getNodeParameter('platform', itemIndex, 'luma') as string;
	const submission = this.getNodeParameter('submission_mode', itemIndex, 'auto') as string;
	let body: IDataObject;
	if (platform === 'luma') {
		body = { platform: 'luma', event_id: await resolveEventId.call(this, itemIndex), submission_mode: submission };
	} else {
		const url = String(this.getNodeParameter('url', itemIndex, '')).trim();
		if (!/^https?:\/\/\S+$/.test(url)) throw new NodeOperationError(this.getNode(), 'URL must be an http(s) link', { itemIndex });
		const name = String(this.getNodeParameter('name', itemIndex, '')).trim();
		if (!name) throw new NodeOperationError(this.getNode(), 'Name is required', { itemIndex });
		const duration = String(this.getNodeParameter('duration', itemIndex, 'PT1H')).trim();
		if (!/^P(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?)?$/.test(duration) || duration === 'P' || duration === 'PT') {
			throw new NodeOperationError(this.getNode(), `Duration "${duration}" is not an ISO 8601 duration like PT1H30M`, { itemIndex });
		}
		const timezone = this.getNodeParameter('timezone', itemIndex, 'UTC') as string;
		const host = String(this.getNodeParameter('host', itemIndex, '')).trim();
		body = {
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
	return (await lumaApiRequest(this, 'events', { method: 'POST', path: '/v1/calendars/events/add', body, itemIndex })) as IDataObject;
}
