import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { returnAllFields } from '../../../shared/listFields';
import { getManyFromList } from '../common/lists';
import { readScopeRef, scopeFields, scopeOf } from './couponFields';

const properties: INodeProperties[] = [...returnAllFields, optionsCollection()];

export const description = [
	...scopeFields('getMany'),
	...updateDisplayOptions({ show: { resource: ['coupon'], operation: ['getMany'] } }, properties),
];

/** GET /v1/events/coupons/list or /v1/calendars/coupons/list (cursor pages). */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const { path, scope } = await scopeOf.call(this, itemIndex, readScopeRef.call(this, itemIndex));
	return await getManyFromList.call(this, itemIndex, `${path}/list`, scope);
}
