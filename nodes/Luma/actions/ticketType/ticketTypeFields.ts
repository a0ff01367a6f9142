import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pick } from '../../../shared/objects';
import { CURRENCY_OPTIONS, toCents, toLumaDateTime } from '../common/fields';

export const ticketTypeOptionalFields: INodeProperties[] = [
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{ displayName: 'Hidden', name: 'is_hidden', type: 'boolean', default: false, description: 'Whether the ticket type is hidden from the registration page (e.g. for comps)' },
	{ displayName: 'Max Capacity', name: 'max_capacity', type: 'number', typeOptions: { minValue: 1, numberPrecision: 0 }, default: 50 },
	{ displayName: 'Pay What You Want', name: 'is_flexible', type: 'boolean', default: false, description: 'Whether guests choose the price (at least Minimum Price)' },
	{ displayName: 'Minimum Price', name: 'minPrice', type: 'number', typeOptions: { minValue: 0, numberPrecision: 2 }, default: 0, description: 'Pay what you want: the lowest price, in the currency (e.g. 5.00)' },
	{ displayName: 'Require Approval', name: 'require_approval', type: 'boolean', default: false, description: 'Whether registrations with this ticket need host approval' },
	{ displayName: 'Sales Start', name: 'valid_start_at', type: 'dateTime', default: '', description: "When the ticket goes on sale (the workflow's time zone unless it carries an offset)" },
	{ displayName: 'Sales End', name: 'valid_end_at', type: 'dateTime', default: '', description: 'When sales of the ticket end' },
];

export const priceFields: INodeProperties[] = [
	{ displayName: 'Price', name: 'price', type: 'number', typeOptions: { minValue: 0, numberPrecision: 2 }, default: 0, description: 'Price in the currency (e.g. 25.00); 0 for a free ticket' },
	{ displayName: 'Currency', name: 'currency', type: 'options', options: CURRENCY_OPTIONS, default: 'usd' },
];

/** Optional fields → Luma keys (money in minor units, dates as UTC ISO). */
export function readTicketTypeFields(this: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const body = pick(fields, ['description', 'is_hidden', 'is_flexible', 'require_approval']);
	if (fields.max_capacity !== undefined) body.max_capacity = Math.floor(Number(fields.max_capacity));
	if (fields.minPrice !== undefined) body.min_cents = toCents.call(this, itemIndex, fields.minPrice, 'Minimum Price');
	if (fields.valid_start_at) body.valid_start_at = toLumaDateTime.call(this, itemIndex, fields.valid_start_at, 'Sales Start');
	if (fields.valid_end_at) body.valid_end_at = toLumaDateTime.call(this, itemIndex, fields.valid_end_at, 'Sales End');
	return body;
}

/** Price → `{ type, cents, currency }`: a price above 0 makes a paid ticket. */
export function readPrice(this: IExecuteFunctions, itemIndex: number, price: unknown, currency: unknown): IDataObject {
	const cents = toCents.call(this, itemIndex, price ?? 0, 'Price');
	return cents > 0 ? { type: 'paid', cents, currency: String(currency || 'usd') } : { type: 'free', cents: null, currency: null };
}
