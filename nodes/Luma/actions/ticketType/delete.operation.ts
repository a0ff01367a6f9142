import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { ID_FORMS } from '../common/inputs';
import { eventLocator, getLocatorValue, ticketTypeLocator } from '../common/locators';

const properties: INodeProperties[] = [
	eventLocator({ description: 'The event (used to list its ticket types in the picker below)' }),
	ticketTypeLocator(),
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['ticketType'], operation: ['delete'] } }, properties);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	return getLocatorValue.call(this, 'ticketTypeId', itemIndex, 'Ticket Type', ID_FORMS.ticketType);
}

/** POST /v1/events/ticket-types/delete. Luma refuses types with sold tickets and the last visible type. */
export async function execute(this: IExecuteFunctions, itemIndex: number, id: string) {
	await lumaApiRequest(this, 'events', {
		method: 'POST',
		path: '/v1/events/ticket-types/delete',
		body: { event_ticket_type_id: id },
		itemIndex,
		whatToCheck: `Check with Ticket Type → Get whether ${id} still exists`,
	});
	return { id, deleted: true };
}
