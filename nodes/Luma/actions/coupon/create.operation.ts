import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { CURRENCY_OPTIONS, toCents } from '../common/fields';
import { ID_FORMS, readId, readNumber } from '../common/inputs';
import type { CouponRequest } from './couponFields';
import { couponLimitFields, readCode, readCouponLimits, readScopeRef, scopeFields, scopeOf } from './couponFields';

const properties: INodeProperties[] = [
	{ displayName: 'Code', name: 'code', type: 'string', required: true, default: '', placeholder: 'EARLYBIRD', description: 'What guests type at checkout (case-insensitive, max 20 characters)' },
	{
		displayName: 'Discount Type',
		name: 'discountType',
		type: 'options',
		options: [
			{ name: 'Percent Off', value: 'percent' },
			{ name: 'Amount Off', value: 'amount' },
		],
		default: 'percent',
	},
	{ displayName: 'Percent Off', name: 'percentOff', type: 'number', required: true, typeOptions: { minValue: 0, maxValue: 100 }, default: 10, description: 'The discount in percent, from 0 to 100', displayOptions: { show: { discountType: ['percent'] } } },
	{ displayName: 'Amount Off', name: 'amountOff', type: 'number', required: true, typeOptions: { minValue: 0, numberPrecision: 2 }, default: 5, description: 'In the currency (e.g. 5.00, at most two decimals)', displayOptions: { show: { discountType: ['amount'] } } },
	{ displayName: 'Currency', name: 'currency', type: 'options', options: CURRENCY_OPTIONS, default: 'usd', displayOptions: { show: { discountType: ['amount'] } } },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...couponLimitFields,
			{ displayName: 'Ticket Type ID', name: 'event_ticket_type_id', type: 'string', default: '', placeholder: 'ttype-...', description: 'Event coupons: limit the discount to this ticket type (its ID, ttype-...)', displayOptions: { show: { '/scope': ['event'] } } },
		],
	},
	optionsCollection(),
];

export const description = [
	...scopeFields('create'),
	...updateDisplayOptions({ show: { resource: ['coupon'], operation: ['create'] } }, properties),
];

/** The route and body of the create (an event link is looked up: a read). */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<CouponRequest> {
	const ref = readScopeRef.call(this, itemIndex);
	const code = readCode.call(this, itemIndex);
	const discount: IDataObject =
		this.getNodeParameter('discountType', itemIndex) === 'percent'
			? { discount_type: 'percent', percent_off: readNumber(this, itemIndex, this.getNodeParameter('percentOff', itemIndex), 'Percent Off') }
			: {
					discount_type: 'amount',
					cents_off: toCents.call(this, itemIndex, this.getNodeParameter('amountOff', itemIndex), 'Amount Off'),
					currency: this.getNodeParameter('currency', itemIndex),
				};
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const limits = readCouponLimits.call(this, itemIndex, fields);
	const ticketTypeId = ref === 'calendar' ? undefined : readId(this, itemIndex, fields.event_ticket_type_id, 'Ticket Type ID', ID_FORMS.ticketType);
	const { path, scope } = await scopeOf.call(this, itemIndex, ref);
	return { path, body: { ...scope, code, discount, ...limits, ...(ticketTypeId ? { event_ticket_type_id: ticketTypeId } : {}) } };
}

/** POST /v1/{events|calendars}/coupons/create → Coupon. The discount cannot be changed later. */
export async function execute(this: IExecuteFunctions, itemIndex: number, { path, body }: CouponRequest) {
	return await lumaApiRequest(this, 'events', {
		method: 'POST',
		path: `${path}/create`,
		body,
		itemIndex,
		whatToCheck: `Check Coupon → Get Many for the code ${String(body.code).toUpperCase()}`,
	});
}
