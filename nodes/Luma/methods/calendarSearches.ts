import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

/** Searches for calendar-side locators (tags, webhooks, membership tiers). */
export const calendarSearches: Record<
	string,
	(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>
> = {};
