import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { requireChanges } from '../common/inputs';
import type { CouponRequest } from './couponFields';
import { couponLimitFields, readCode, readCouponLimits, readScopeRef, scopeFields, scopeOf } from './couponFields';

const properties: INodeProperties[] = [
	{ displayName: 'Code', name: 'code', type: 'string', required: true, default: '', description: 'The code of the coupon to change' },
	{ displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, options: couponLimitFields },
	optionsCollection(),
];

export const description = [
	...scopeFields('update'),
	...updateDisplayOptions({ show: { resource: ['coupon'], operation: ['update'] } }, properties),
];

/** The route and body of the update (an event link is looked up: a read). */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<CouponRequest> {
	const ref = readScopeRef.call(this, itemIndex);
	const code = readCode.call(this, itemIndex);
	const changes = readCouponLimits.call(this, itemIndex, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	requireChanges(this, itemIndex, changes);
	const { path, scope } = await scopeOf.call(this, itemIndex, ref);
	return { path, body: { ...scope, code, ...changes } };
}

/** POST /v1/{events|calendars}/coupons/update: uses left and validity (Luma keeps the discount fixed). */
export async function execute(this: IExecuteFunctions, itemIndex: number, { path, body }: CouponRequest) {
	await lumaApiRequest(this, 'events', { method: 'POST', path: `${path}/update`, body, itemIndex, idempotent: true });
	return { ...body, code: String(body.code).toUpperCase(), updated: true };
}
