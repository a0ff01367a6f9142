import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { numberOf, requireValid } from './validation/readers';
import { numberProblem } from './validation/values';

const LIMIT_FIELD: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	// A count of results: whole and at least 1 (the item check refuses 0, -1, 1.5, NaN, "abc").
	typeOptions: { minValue: 1, numberPrecision: 0 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

/** Return All + Limit, n8n's fields for every list operation of both nodes. */
export const returnAllFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	LIMIT_FIELD,
];

/** `{ returnAll, limit }` as getManyCursor and getManyOffset take them (limit undefined with Return All). */
export function readReturnAll(this: IExecuteFunctions, itemIndex: number): { returnAll: boolean; limit?: number } {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	if (returnAll) return { returnAll };
	const limit = this.getNodeParameter('limit', itemIndex, 50);
	requireValid(this, itemIndex, 'Limit', numberProblem(limit, LIMIT_FIELD.typeOptions));
	return { returnAll, limit: numberOf(limit) };
}
