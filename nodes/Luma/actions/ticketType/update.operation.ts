import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { toCents } from '../common/fields';
import { changedText, ID_FORMS, isChanged, requireChanges } from '../common/inputs';
import { eventLocator, getLocatorValue, ticketTypeLocator } from '../common/locators';
import { priceFields, readPriceChange, readTicketTypeFields, ticketTypeOptionalFields } from './ticketTypeFields';

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

/**
 * The body of the update: only what the user set. A new price without a currency keeps the
 * ticket's currency (read from the ticket type: a read), and the other way round.
 */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = getLocatorValue.call(this, 'ticketTypeId', itemIndex, 'Ticket Type', ID_FORMS.ticketType);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const changes: IDataObject = readTicketTypeFields.call(this, itemIndex, fields);
	const name = changedText(this, itemIndex, fields, 'name', 'Name');
	if (name) changes.name = name;
	const cents = isChanged(this, itemIndex, fields, 'price', 'Price') ? toCents.call(this, itemIndex, fields.price, 'Price') : undefined;
	const moneyChanged = cents !== undefined || isChanged(this, itemIndex, fields, 'currency', 'Currency');
	if (!moneyChanged) requireChanges(this, itemIndex, changes);
	if (moneyChanged) Object.assign(changes, await readPriceChange.call(this, itemIndex, id, fields, cents));
	return { event_ticket_type_id: id, ...changes };
}

/** POST /v1/events/ticket-types/update → TicketType. */
export async function execute(this: IExecuteFunctions, itemIndex: number, body: IDataObject) {
	return await lumaApiRequest(this, 'events', { method: 'POST', path: '/v1/events/ticket-types/update', body, itemIndex, idempotent: true });
}
