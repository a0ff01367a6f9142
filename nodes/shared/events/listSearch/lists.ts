import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { cursorPages, lumaApiRequest } from '../../transport';

/**
 * How the pick lists read Luma: its list routes have no name filter, so the search text is matched
 * here. Lists Luma returns whole are read in one request; cursor lists page by page until enough
 * matches are found.
 */

/** A pick list longer than this is not browsable anyway; the search text narrows it. */
export const MAX_RESULTS = 200;

/** Whether any of the texts contains the search filter (case-insensitive); no filter matches all. */
export function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	const needle = filter?.trim().toLowerCase();
	if (!needle) return true;
	return texts.some((text) => typeof text === 'string' && text.toLowerCase().includes(needle));
}

export type ListSearch = (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>;

function entriesOf(page: IDataObject): IDataObject[] {
	return Array.isArray(page.entries) ? (page.entries as IDataObject[]) : [];
}

/** A list Luma returns whole (the tag lists take no cursor), sorted by name. */
export async function searchWholeList(
	ctx: ILoadOptionsFunctions,
	path: string,
	filter: string | undefined,
	toItem: (entry: IDataObject) => INodeListSearchItems,
): Promise<INodeListSearchResult> {
	const page = await lumaApiRequest(ctx, 'events', { method: 'GET', path });
	const results = entriesOf(page)
		.map(toItem)
		.filter((item) => matches(filter, item.name, item.value))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results: results.slice(0, MAX_RESULTS) };
}

/** A cursor-paginated list, read page by page until MAX_RESULTS matches. */
export async function searchPagedList(
	ctx: ILoadOptionsFunctions,
	path: string,
	filter: string | undefined,
	toItem: (entry: IDataObject) => INodeListSearchItems,
	searchable: (entry: IDataObject) => unknown[],
): Promise<INodeListSearchResult> {
	const results: INodeListSearchItems[] = [];
	for await (const entries of cursorPages(ctx, 'events', { method: 'GET', path })) {
		for (const entry of entries) {
			if (matches(filter, ...searchable(entry))) results.push(toItem(entry));
			if (results.length >= MAX_RESULTS) return { results };
		}
	}
	return { results };
}

/**
 * One page of a long cursor list per call, with Luma's cursor as n8n's pagination token, so the
 * picker loads more as the user scrolls.
 */
export async function searchOnePage(
	ctx: ILoadOptionsFunctions,
	request: { path: string; qs?: IDataObject },
	paginationToken: string | undefined,
	keep: (entry: IDataObject) => boolean,
	toItem: (entry: IDataObject) => INodeListSearchItems,
): Promise<INodeListSearchResult> {
	const page = await lumaApiRequest(ctx, 'events', {
		method: 'GET',
		path: request.path,
		qs: { ...request.qs, pagination_limit: PAGE_SIZE, pagination_cursor: paginationToken },
	});
	return {
		results: entriesOf(page).filter(keep).map(toItem),
		paginationToken: page.has_more && typeof page.next_cursor === 'string' ? page.next_cursor : undefined,
	};
}

const PAGE_SIZE = 100;
