import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { pick } from '../../../shared/objects';
import { lumaApiRequest } from '../../../shared/transport';
import { CURRENCY_OPTIONS, requireAfter, toCents, toLumaDateTime } from '../common/fields';
import { readNumber, readText } from '../common/inputs';

export const ticketTypeOptionalFields: INodeProperties[] = [
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{ displayName: 'Hidden', name: 'is_hidden', type: 'boolean', default: false, description: 'Whether the ticket type is hidden from the registration page (e.g. for comps)' },
	{ displayName: 'Max Capacity', name: 'max_capacity', type: 'number', typeOptions: { minValue: 1, numberPrecision: 0 }, default: 50, description: 'How many tickets of this type can be sold or given (a whole number)' },
	{ displayName: 'Pay What You Want', name: 'is_flexible', type: 'boolean', default: false, description: 'Whether guests choose the price (at least Minimum Price)' },
	{ displayName: 'Minimum Price', name: 'minPrice', type: 'number', typeOptions: { minValue: 0, numberPrecision: 2 }, default: 0, description: 'Pay what you want: the lowest price, in the currency (e.g. 5.00, at most two decimals)' },
	{ displayName: 'Require Approval', name: 'require_approval', type: 'boolean', default: false, description: 'Whether registrations with this ticket need host approval' },
	{ displayName: 'Sales Start', name: 'valid_start_at', type: 'dateTime', default: '', description: "When the ticket goes on sale (the workflow's time zone unless it carries an offset)" },
	{ displayName: 'Sales End', name: 'valid_end_at', type: 'dateTime', default: '', description: 'When sales of the ticket end (after Sales Start)' },
];

export const priceFields: INodeProperties[] = [
	{ displayName: 'Price', name: 'price', type: 'number', required: true, typeOptions: { minValue: 0, numberPrecision: 2 }, default: 0, description: 'Price in the currency (e.g. 25.00, at most two decimals); 0 for a free ticket' },
	{ displayName: 'Currency', name: 'currency', type: 'options', options: CURRENCY_OPTIONS, default: 'usd', description: 'Currency of the price (one of the currencies Luma takes)' },
];

/** Optional fields → Luma keys (money in minor units, dates as UTC ISO); only what was set. */
export function readTicketTypeFields(this: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const body = pick(fields, ['is_hidden', 'is_flexible', 'require_approval']);
	const description = readText(this, itemIndex, fields.description, 'Description');
	if (description) body.description = description;
	const maxCapacity = readNumber(this, itemIndex, fields.max_capacity, 'Max Capacity');
	if (maxCapacity !== undefined) body.max_capacity = maxCapacity;
	if (fields.minPrice !== undefined) body.min_cents = toCents.call(this, itemIndex, fields.minPrice, 'Minimum Price');
	if (fields.valid_start_at) body.valid_start_at = toLumaDateTime.call(this, itemIndex, fields.valid_start_at, 'Sales Start');
	if (fields.valid_end_at) body.valid_end_at = toLumaDateTime.call(this, itemIndex, fields.valid_end_at, 'Sales End');
	requireAfter.call(this, itemIndex, body.valid_start_at as string | undefined, body.valid_end_at as string | undefined, ['Sales Start', 'Sales End']);
	return body;
}

/** Luma's money fields for a price: above 0 a paid ticket in `currency`, 0 a free one. */
export function priceBody(cents: number, currency: string): IDataObject {
	return cents > 0 ? { type: 'paid', cents, currency } : { type: 'free', cents: null, currency: null };
}

/** The Price and Currency of Create (both always shown there). */
export function readPrice(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const cents = toCents.call(this, itemIndex, this.getNodeParameter('price', itemIndex), 'Price');
	return priceBody(cents, String(this.getNodeParameter('currency', itemIndex)));
}

/** GET /v1/events/ticket-types/get → TicketType. */
export async function getTicketType(this: IExecuteFunctions, itemIndex: number, id: string): Promise<IDataObject> {
	return await lumaApiRequest(this, 'events', { method: 'GET', path: '/v1/events/ticket-types/get', qs: { event_ticket_type_id: id }, itemIndex });
}

/**
 * Price and Currency of Update, as the user set them (either may be missing): Luma takes the price
 * with its currency, so the one the user left out is read from the ticket type, never defaulted.
 */
export async function readPriceChange(this: IExecuteFunctions, itemIndex: number, id: string, fields: IDataObject, cents: number | undefined): Promise<IDataObject> {
	const currency = typeof fields.currency === 'string' && fields.currency ? fields.currency : undefined;
	if (cents === 0) return priceBody(0, '');
	if (cents !== undefined && currency !== undefined) return priceBody(cents, currency);
	const current = await getTicketType.call(this, itemIndex, id);
	const currentCents = typeof current.cents === 'number' && current.cents > 0 ? current.cents : undefined;
	const currentCurrency = typeof current.currency === 'string' && current.currency ? current.currency : undefined;
	if (cents !== undefined) {
		if (!currentCurrency) {
			throw new NodeOperationError(this.getNode(), 'Currency is required with this Price: the ticket type is free, so it has no currency to keep', { itemIndex });
		}
		return priceBody(cents, currentCurrency);
	}
	if (!currentCents) {
		throw new NodeOperationError(this.getNode(), 'Currency needs a Price: the ticket type is free, so there is no price to keep in the new currency', { itemIndex });
	}
	return priceBody(currentCents, currency ?? '');
}
