import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

/** Searches for event-side locators (events, ticket types, calendars). */
export const eventSearches: Record<
	string,
	(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>
> = {};
