import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { eventLocator, getLocatorValue, ticketTypeLocator } from '../common/locators';
import { priceFields, readPrice, readTicketTypeFields, ticketTypeOptionalFields } from './ticketTypeFields';

const properties: INodeProperties[] = [
	eventLocator({ description: 'The event (used to list its ticket types in the picker below)' }),
	ticketTypeLocator(),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: ([{ displayName: 'Name', name: 'name', type: 'string', default: '' }, ...priceFields, ...ticketTypeOptionalFields] as INodeProperties[]).sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['ticketType'], operation: ['update'] } }, properties);

/** POST /v1/events/ticket-types/update → TicketType; only what the user set is sent. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const id = getLocatorValue.call(this, 'ticketTypeId', itemIndex, 'Ticket Type');
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	if (Object.keys(fields).length === 0) throw new NodeOperationError(this.getNode(), 'Nothing to update: add a field under Update Fields', { itemIndex });
	const body: IDataObject = { event_ticket_type_id: id, ...readTicketTypeFields.call(this, itemIndex, fields) };
	if (typeof fields.name === 'string' && fields.name.trim()) body.name = fields.name.trim();
	if (fields.price !== undefined) Object.assign(body, readPrice.call(this, itemIndex, fields.price, fields.currency));
	return (await lumaApiRequest(this, 'events', { method: 'POST', path: '/v1/events/ticket-types/update', body, itemIndex, idempotent: true })) as IDataObject;
}
