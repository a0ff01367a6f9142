import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requireAfter, toLumaDateTime } from '../common/fields';
import { readNumber, requireText } from '../common/inputs';
import type { EventRef } from '../common/locators';
import { eventIdOf, eventLocator, readEventRef } from '../common/locators';

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

/** The coupon's scope, read and checked without sending anything: the calendar, or an event. */
export function readScopeRef(this: IExecuteFunctions, itemIndex: number): EventRef | 'calendar' {
	return this.getNodeParameter('scope', itemIndex) === 'calendar' ? 'calendar' : readEventRef.call(this, itemIndex);
}

/** A coupon request, read and checked: its route prefix (the scope's) and its body. */
export interface CouponRequest {
	path: string;
	body: IDataObject;
}

/** Base path and the body/query part that names the scope (an event link is looked up). */
export async function scopeOf(this: IExecuteFunctions, itemIndex: number, ref: EventRef | 'calendar'): Promise<{ path: string; scope: IDataObject }> {
	if (ref === 'calendar') return { path: '/v1/calendars/coupons', scope: {} };
	return { path: '/v1/events/coupons', scope: { event_id: await eventIdOf.call(this, itemIndex, ref) } };
}

export const couponLimitFields: INodeProperties[] = [
	{ displayName: 'Uses Left', name: 'remaining_count', type: 'number', typeOptions: { minValue: 0, maxValue: 1_000_000, numberPrecision: 0 }, default: 100, description: 'How many more times the code can be used, a whole number (1,000,000 means unlimited)' },
	{ displayName: 'Valid From', name: 'valid_start_at', type: 'dateTime', default: '' },
	{ displayName: 'Valid Until', name: 'valid_end_at', type: 'dateTime', default: '' },
];

export function readCouponLimits(this: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	const remaining = readNumber(this, itemIndex, fields.remaining_count, 'Uses Left');
	if (remaining !== undefined) body.remaining_count = remaining;
	if (fields.valid_start_at) body.valid_start_at = toLumaDateTime.call(this, itemIndex, fields.valid_start_at, 'Valid From');
	if (fields.valid_end_at) body.valid_end_at = toLumaDateTime.call(this, itemIndex, fields.valid_end_at, 'Valid Until');
	requireAfter.call(this, itemIndex, body.valid_start_at as string | undefined, body.valid_end_at as string | undefined, ['Valid From', 'Valid Until']);
	return body;
}

/** Codes are case-insensitive at Luma and at most 20 characters. */
export function readCode(this: IExecuteFunctions, itemIndex: number): string {
	const code = requireText(this, itemIndex, this.getNodeParameter('code', itemIndex), 'Code');
	if (code.length > 20) throw new NodeOperationError(this.getNode(), `Code is ${code.length} characters; Luma allows 20`, { itemIndex });
	if (!/^[A-Za-z0-9_-]+$/.test(code)) throw new NodeOperationError(this.getNode(), 'Code may contain only letters, digits, dashes and underscores', { itemIndex });
	return code;
}
