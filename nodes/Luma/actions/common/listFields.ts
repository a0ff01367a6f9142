import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getManyCursor } from '../../../shared/transport';

/** Return All + Limit, n8n's fields for every list operation of the Luma Events node. */
export const returnAllFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/** `{ returnAll, limit }` as getManyCursor takes them (limit undefined with Return All). */
export function readReturnAll(this: IExecuteFunctions, itemIndex: number): { returnAll: boolean; limit?: number } {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	return { returnAll, limit: returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number) };
}

/** For lists Luma returns in one response: the first `limit` entries (all with Return All). */
export function applyLimit(this: IExecuteFunctions, itemIndex: number, entries: IDataObject[]): IDataObject[] {
	const { returnAll, limit } = readReturnAll.call(this, itemIndex);
	return returnAll ? entries : entries.slice(0, limit);
}

export const SORT_DIRECTION_OPTIONS = [
	{ name: 'Ascending', value: 'asc' },
	{ name: 'Ascending, Empty Last', value: 'asc nulls last' },
	{ name: 'Descending', value: 'desc' },
	{ name: 'Descending, Empty Last', value: 'desc nulls last' },
];

/** A cursor-paginated Luma list with the item's Return All / Limit (the transport pages). */
export async function getManyFromList(
	this: IExecuteFunctions,
	itemIndex: number,
	path: string,
	qs?: IDataObject,
): Promise<IDataObject[]> {
	return await getManyCursor.call(this, 'events', { method: 'GET', path, qs, itemIndex }, readReturnAll.call(this, itemIndex));
}
