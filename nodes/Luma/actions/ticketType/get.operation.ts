import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { ID_FORMS } from '../common/inputs';
import { eventLocator, getLocatorValue, ticketTypeLocator } from '../common/locators';
import { getTicketType } from './ticketTypeFields';

const properties: INodeProperties[] = [
	eventLocator({ description: 'The event (used to list its ticket types in the picker below)' }),
	ticketTypeLocator(),
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['ticketType'], operation: ['get'] } }, properties);

/** GET /v1/events/ticket-types/get?event_ticket_type_id= */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return await getTicketType.call(this, itemIndex, getLocatorValue.call(this, 'ticketTypeId', itemIndex, 'Ticket Type', ID_FORMS.ticketType));
}
