import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { eventLocator, getLocatorValue, ticketTypeLocator } from '../common/locators';

const properties: INodeProperties[] = [
	eventLocator({ description: 'The event (used to list its ticket types in the picker below)' }),
	ticketTypeLocator(),
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['ticketType'], operation: ['get'] } }, properties);

/** GET /v1/events/ticket-types/get?event_ticket_type_id= */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const id = getLocatorValue.call(this, 'ticketTypeId', itemIndex, 'Ticket Type');
	return (await lumaApiRequest(this, 'events', { method: 'GET', path: '/v1/events/ticket-types/get', qs: { event_ticket_type_id: id }, itemIndex })) as IDataObject;
}
