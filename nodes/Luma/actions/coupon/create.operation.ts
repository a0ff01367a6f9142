import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { CURRENCY_OPTIONS, toCents } from '../common/fields';
import { couponLimitFields, readCode, readCouponLimits, readScope, scopeFields } from './couponFields';

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
	{ displayName: 'Percent Off', name: 'percentOff', type: 'number', typeOptions: { minValue: 0, maxValue: 100 }, default: 10, displayOptions: { show: { discountType: ['percent'] } } },
	{ displayName: 'Amount Off', name: 'amountOff', type: 'number', typeOptions: { minValue: 0, numberPrecision: 2 }, default: 5, description: 'In the currency (e.g. 5.00)', displayOptions: { show: { discountType: ['amount'] } } },
	{ displayName: 'Currency', name: 'currency', type: 'options', options: CURRENCY_OPTIONS, default: 'usd', displayOptions: { show: { discountType: ['amount'] } } },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...couponLimitFields,
			{ displayName: 'Ticket Type ID', name: 'event_ticket_type_id', type: 'string', default: '', description: 'Event coupons: limit the discount to this ticket type', displayOptions: { show: { '/scope': ['event'] } } },
		],
	},
	optionsCollection(),
];

export const description = [
	...scopeFields('create'),
	...updateDisplayOptions({ show: { resource: ['coupon'], operation: ['create'] } }, properties),
];

/** POST /v1/{events|calendars}/coupons/create → Coupon. The discount cannot be changed later. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const { path, scope } = await readScope.call(this, itemIndex);
	const code = readCode.call(this, itemIndex);
	const discount: IDataObject =
		this.getNodeParameter('discountType', itemIndex, 'percent') === 'percent'
			? { discount_type: 'percent', percent_off: Number(this.getNodeParameter('percentOff', itemIndex, 0)) }
			: {
					discount_type: 'amount',
					cents_off: toCents.call(this, itemIndex, this.getNodeParameter('amountOff', itemIndex, 0), 'Amount Off'),
					currency: this.getNodeParameter('currency', itemIndex, 'usd'),
				};
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { ...scope, code, discount, ...readCouponLimits.call(this, itemIndex, fields) };
	if (scope.event_id && typeof fields.event_ticket_type_id === 'string' && fields.event_ticket_type_id.trim()) {
		body.event_ticket_type_id = fields.event_ticket_type_id.trim();
	}
	return (await lumaApiRequest(this, 'events', { method: 'POST', path: `${path}/create`, body, itemIndex })) as IDataObject;
}
