import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { cursorPages, lumaApiRequest } from '../../shared/transport';
import { asTransportContext, matches } from './searchHelpers';

/**
 * Searches for calendar-side locators (tags, webhooks, membership tiers). Lists that Luma pages are
 * read page by page until enough matches are found; the search text is matched here (Luma's list
 * routes have no name filter).
 */

/** A pick list longer than this is not browsable anyway; the search text narrows it. */
const MAX_RESULTS = 200;

/** A list Luma returns whole (the tag lists take no cursor). */
async function searchWholeList(
	ctx: ILoadOptionsFunctions,
	path: string,
	filter: string | undefined,
	toItem: (entry: IDataObject) => INodeListSearchItems,
): Promise<INodeListSearchResult> {
	const page = (await lumaApiRequest.call(asTransportContext(ctx), 'events', { method: 'GET', path })) as IDataObject;
	const entries = Array.isArray(page.entries) ? (page.entries as IDataObject[]) : [];
	const results = entries
		.map(toItem)
		.filter((item) => matches(filter, item.name, item.value))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results: results.slice(0, MAX_RESULTS) };
}

/** A cursor-paginated list, read page by page until MAX_RESULTS matches. */
async function searchPagedList(
	ctx: ILoadOptionsFunctions,
	path: string,
	filter: string | undefined,
	toItem: (entry: IDataObject) => INodeListSearchItems,
	searchable: (entry: IDataObject) => unknown[],
): Promise<INodeListSearchResult> {
	const results: INodeListSearchItems[] = [];
	for await (const entries of cursorPages.call(asTransportContext(ctx), 'events', { method: 'GET', path })) {
		for (const entry of entries) {
			if (matches(filter, ...searchable(entry))) results.push(toItem(entry));
			if (results.length >= MAX_RESULTS) return { results };
		}
	}
	return { results };
}

const tagItem = (entry: IDataObject): INodeListSearchItems => ({
	name: String(entry.name ?? entry.id),
	value: String(entry.id),
});

export const calendarSearches: Record<
	string,
	(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>
> = {
	async searchContactTags(this: ILoadOptionsFunctions, filter?: string) {
		return await searchWholeList(this, '/v1/calendars/contact-tags/list', filter, tagItem);
	},

	async searchEventTags(this: ILoadOptionsFunctions, filter?: string) {
		return await searchWholeList(this, '/v1/calendars/event-tags/list', filter, tagItem);
	},

	async searchWebhooks(this: ILoadOptionsFunctions, filter?: string) {
		return await searchPagedList(
			this,
			'/v1/webhooks/list',
			filter,
			(entry) => ({
				name: `${String(entry.url)}${entry.status === 'paused' ? ' (paused)' : ''}`,
				value: String(entry.id),
			}),
			(entry) => [entry.url, entry.id, ...(Array.isArray(entry.event_types) ? entry.event_types : [])],
		);
	},

	async searchMembershipTiers(this: ILoadOptionsFunctions, filter?: string) {
		return await searchPagedList(
			this,
			'/v1/memberships/tiers/list',
			filter,
			(entry) => ({ name: String(entry.name ?? entry.id), value: String(entry.id) }),
			(entry) => [entry.name, entry.id],
		);
	},
};
