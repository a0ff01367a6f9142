import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { ID_FORMS, requireId, requireUrl } from '../common/inputs';

const properties: INodeProperties[] = [
	{
		displayName: 'Look Up By',
		name: 'lookupBy',
		type: 'options',
		options: [
			{ name: 'Event ID', value: 'eventId' },
			{ name: 'URL', value: 'url', description: 'A luma.com event link, or the link of an external event' },
		],
		default: 'eventId',
	},
	{ displayName: 'Event ID', name: 'eventId', type: 'string', required: true, default: '', placeholder: 'evt-...', displayOptions: { show: { lookupBy: ['eventId'] } } },
	{ displayName: 'URL', name: 'url', type: 'string', required: true, default: '', placeholder: 'https://luma.com/my-event', description: 'An http(s) link: a luma.com event page or the page of an external event', displayOptions: { show: { lookupBy: ['url'] } } },
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['calendar'], operation: ['lookupEvent'] } }, properties);

/** GET /v1/calendars/events/lookup → `{ event: { id, status } | null }`: is this event on the calendar? */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const byUrl = this.getNodeParameter('lookupBy', itemIndex) === 'url';
	const value = byUrl
		? requireUrl(this, itemIndex, this.getNodeParameter('url', itemIndex), 'URL', 'link')
		: requireId(this, itemIndex, this.getNodeParameter('eventId', itemIndex), 'Event ID', ID_FORMS.event);
	const answer = (await lumaApiRequest(this, 'events', {
		method: 'GET',
		path: '/v1/calendars/events/lookup',
		qs: byUrl ? { url: value } : { event_id: value },
		itemIndex,
	})) as IDataObject;
	const event = answer.event as IDataObject | null;
	return event ? { found: true, ...event } : { found: false, [byUrl ? 'url' : 'event_id']: value };
}
