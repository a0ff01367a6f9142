import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { couponLimitFields, readCode, readCouponLimits, readScope, scopeFields } from './couponFields';

const properties: INodeProperties[] = [
	{ displayName: 'Code', name: 'code', type: 'string', required: true, default: '', description: 'The code of the coupon to change' },
	{ displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, options: couponLimitFields },
	optionsCollection(),
];

export const description = [
	...scopeFields('update'),
	...updateDisplayOptions({ show: { resource: ['coupon'], operation: ['update'] } }, properties),
];

/** POST /v1/{events|calendars}/coupons/update: uses left and validity (Luma keeps the discount fixed). */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const { path, scope } = await readScope.call(this, itemIndex);
	const code = readCode.call(this, itemIndex);
	const changes = readCouponLimits.call(this, itemIndex, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	if (Object.keys(changes).length === 0) throw new NodeOperationError(this.getNode(), 'Nothing to update: add a field under Update Fields', { itemIndex });
	await lumaApiRequest(this, 'events', { method: 'POST', path: `${path}/update`, body: { ...scope, code, ...changes }, itemIndex, idempotent: true });
	return { ...scope, code: code.toUpperCase(), ...changes, updated: true };
}
