import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { LumaApiName } from './accounts';
import type { LumaContext } from './context';
import type { LumaRequest } from './request';
import { lumaApiRequest } from './request';

/** Luma's page size cap for cursor lists (it silently returns fewer above it). */
export const CURSOR_PAGE_MAX = 100;

interface CursorPage extends IDataObject {
	has_more?: boolean;
	next_cursor?: string | null;
}

/**
 * How each API names its cursor lists: events `pagination_cursor`/`pagination_limit` → `entries`;
 * the Agents Files API `cursor`/`limit` → `data` (https://github.com/lumalabs/luma-agents-typescript
 * `src/resources/files.ts`). Both answer `has_more` and `next_cursor`.
 */
const CURSOR_NAMES: Record<'events' | 'agents', { cursor: string; limit: string; list: string }> = {
	events: { cursor: 'pagination_cursor', limit: 'pagination_limit', list: 'entries' },
	agents: { cursor: 'cursor', limit: 'limit', list: 'data' },
};

/** Pages of a cursor-paginated list (events lists, Agents files), following `has_more`/`next_cursor`. */
export async function* cursorPages(
	ctx: LumaContext,
	api: LumaApiName,
	request: LumaRequest,
	pageSize = CURSOR_PAGE_MAX,
): AsyncGenerator<IDataObject[], void, undefined> {
	let cursor: string | undefined;
	const seen = new Set<string>();
	const names = CURSOR_NAMES[api === 'agents' ? 'agents' : 'events'];
	do {
		const page = await lumaApiRequest<CursorPage>(ctx, api, {
			...request,
			qs: { ...request.qs, [names.limit]: pageSize, [names.cursor]: cursor },
		});
		const entries = page[names.list];
		yield Array.isArray(entries) ? (entries as IDataObject[]) : [];
		// Loop on has_more (authoritative per Luma), not on the page size: Luma may cap the page.
		cursor = page.has_more === true && typeof page.next_cursor === 'string' && page.next_cursor ? page.next_cursor : undefined;
		if (cursor !== undefined) {
			if (seen.has(cursor)) {
				throw new NodeOperationError(ctx.getNode(), 'Luma returned the same page cursor twice; stopped to avoid an endless loop', {
					itemIndex: request.itemIndex,
				});
			}
			seen.add(cursor);
		}
	} while (cursor !== undefined);
}

/** Return All / Limit over a cursor list; stops requesting pages as soon as the limit is reached. */
export async function getManyCursor(
	ctx: LumaContext,
	api: LumaApiName,
	request: LumaRequest,
	{ returnAll, limit }: { returnAll: boolean; limit?: number },
): Promise<IDataObject[]> {
	const wanted = returnAll ? Infinity : Math.max(1, limit ?? 50);
	const pageSize = Math.min(CURSOR_PAGE_MAX, wanted);
	const results: IDataObject[] = [];
	for await (const entries of cursorPages(ctx, api, request, pageSize)) {
		for (const entry of entries) {
			results.push(entry);
			if (results.length >= wanted) return results;
		}
	}
	return results;
}

/**
 * Return All / Limit over an offset list (Dream Machine `limit`/`offset`). Page size 50: a 500 on
 * `limit=100` has been reported.
 */
export async function getManyOffset(
	ctx: LumaContext,
	api: LumaApiName,
	request: LumaRequest,
	{ returnAll, limit, listKey, pageSize = 50 }: { returnAll: boolean; limit?: number; listKey: string; pageSize?: number },
): Promise<IDataObject[]> {
	const wanted = returnAll ? Infinity : Math.max(1, limit ?? 50);
	const results: IDataObject[] = [];
	for (let offset = 0; results.length < wanted; ) {
		const size = Math.min(pageSize, wanted - results.length);
		const page = await lumaApiRequest(ctx, api, {
			...request,
			qs: { ...request.qs, limit: size, offset },
		});
		const listed = page[listKey];
		const entries = Array.isArray(listed) ? (listed as IDataObject[]) : [];
		results.push(...entries.slice(0, wanted - results.length));
		offset += entries.length;
		if (entries.length === 0 || page.has_more === false) break;
	}
	return results;
}
