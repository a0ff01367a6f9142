import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readReturnAll } from '../../../shared/listFields';
import { getManyCursor } from '../../../shared/transport';

/** Helpers of the Luma Events node's list operations (Return All / Limit fields: shared/listFields). */

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
	return await getManyCursor(this, 'events', { method: 'GET', path, qs, itemIndex }, readReturnAll.call(this, itemIndex));
}
