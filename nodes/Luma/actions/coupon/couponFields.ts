import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toLumaDateTime } from '../common/fields';
import { eventLocator, resolveEventId } from '../common/locators';

/** Event coupons live under /v1/events/coupons, calendar-wide ones under /v1/calendars/coupons. */
export const scopeFields = (operation: string): INodeProperties[] => [
	{
		displayName: 'Scope',
		name: 'scope',
		type: 'options',
		options: [
			{ name: 'Event', value: 'event', description: 'A coupon for one event' },
			{ name: 'Calendar', value: 'calendar', description: "A coupon for every event of the calendar" },
		],
		default: 'event',
		displayOptions: { show: { resource: ['coupon'], operation: [operation] } },
	},
	{ ...eventLocator(), displayOptions: { show: { resource: ['coupon'], operation: [operation], scope: ['event'] } } },
];

/** Base path and the body/query part that names the scope. */
export async function readScope(this: IExecuteFunctions, itemIndex: number): Promise<{ path: string; scope: IDataObject }> {
	if (this.getNodeParameter('scope', itemIndex, 'event') === 'calendar') return { path: '/v1/calendars/coupons', scope: {} };
	return { path: '/v1/events/coupons', scope: { event_id: await resolveEventId.call(this, itemIndex) } };
}

export const couponLimitFields: INodeProperties[] = [
	{ displayName: 'Uses Left', name: 'remaining_count', type: 'number', typeOptions: { minValue: 0, numberPrecision: 0 }, default: 100, description: 'How many more times the code can be used (1,000,000 means unlimited)' },
	{ displayName: 'Valid From', name: 'valid_start_at', type: 'dateTime', default: '' },
	{ displayName: 'Valid Until', name: 'valid_end_at', type: 'dateTime', default: '' },
];

export function readCouponLimits(this: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (fields.remaining_count !== undefined) body.remaining_count = Math.floor(Number(fields.remaining_count));
	if (fields.valid_start_at) body.valid_start_at = toLumaDateTime.call(this, itemIndex, fields.valid_start_at, 'Valid From');
	if (fields.valid_end_at) body.valid_end_at = toLumaDateTime.call(this, itemIndex, fields.valid_end_at, 'Valid Until');
	return body;
}

/** Codes are case-insensitive at Luma and at most 20 characters. */
export function readCode(this: IExecuteFunctions, itemIndex: number): string {
	const code = String(this.getNodeParameter('code', itemIndex, '')).trim();
	if (!code) throw new NodeOperationError(this.getNode(), 'Code is required', { itemIndex });
	if (code.length > 20) throw new NodeOperationError(this.getNode(), `Code is ${code.length} characters; Luma allows 20`, { itemIndex });
	if (!/^[A-Za-z0-9_-]+$/.test(code)) throw new NodeOperationError(this.getNode(), 'Code may contain only letters, digits, dashes and underscores', { itemIndex });
	return code;
}
