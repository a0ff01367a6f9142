import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { requireText } from '../common/inputs';
import { eventIdOf, eventLocator, readEventRef } from '../common/locators';
import { priceFields, readPrice, readTicketTypeFields, ticketTypeOptionalFields } from './ticketTypeFields';

const properties: INodeProperties[] = [
	eventLocator(),
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'General Admission' },
	...priceFields,
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: ticketTypeOptionalFields },
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['ticketType'], operation: ['create'] } }, properties);

/** The body of the create (an event link is looked up: a read). */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const ref = readEventRef.call(this, itemIndex);
	const name = requireText(this, itemIndex, this.getNodeParameter('name', itemIndex), 'Name');
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const ticket: IDataObject = { name, ...readPrice.call(this, itemIndex), ...readTicketTypeFields.call(this, itemIndex, fields) };
	// Pay what you want is a paid ticket whose price the guest chooses.
	if (ticket.is_flexible === true && ticket.type === 'free') ticket.type = 'paid';
	return { event_id: await eventIdOf.call(this, itemIndex, ref), ...ticket };
}

/** POST /v1/events/ticket-types/create → TicketType. */
export async function execute(this: IExecuteFunctions, itemIndex: number, body: IDataObject) {
	return await lumaApiRequest(this, 'events', {
		method: 'POST',
		path: '/v1/events/ticket-types/create',
		body,
		itemIndex,
		whatToCheck: `Check Ticket Type → Get Many of ${String(body.event_id)} for a ticket type named "${String(body.name)}"`,
	});
}
