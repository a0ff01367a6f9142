import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { ID_FORMS } from '../common/inputs';
import { calendarLocator, eventIdOf, eventLocator, getLocatorValue, readEventRef } from '../common/locators';

const properties: INodeProperties[] = [
	{
		displayName: 'Needs an organization API key (Luma API credential with key type "Organization").',
		name: 'orgNotice',
		type: 'notice',
		default: '',
	},
	eventLocator(),
	calendarLocator({ displayName: 'Target Calendar', name: 'calendarId', description: 'Calendar of the same organization to move the event to' }),
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['event'], operation: ['transferCalendar'] } }, properties);

/** The body of the transfer (an event link is looked up: a read). */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const ref = readEventRef.call(this, itemIndex);
	const calendarId = getLocatorValue.call(this, 'calendarId', itemIndex, 'Target Calendar', ID_FORMS.calendar);
	return { event_id: await eventIdOf.call(this, itemIndex, ref), calendar_id: calendarId };
}

/** POST /v1/organizations/events/transfer-calendar `{ event_id, calendar_id }` (organization key). */
export async function execute(this: IExecuteFunctions, itemIndex: number, body: IDataObject) {
	await lumaApiRequest(this, 'events', {
		method: 'POST',
		path: '/v1/organizations/events/transfer-calendar',
		body,
		itemIndex,
		// Moving an event to the calendar it is on is a no-op.
		idempotent: true,
	});
	return { ...body, transferred: true };
}
