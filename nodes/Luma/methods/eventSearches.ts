import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { lumaApiRequest } from '../../shared/transport';
import { asTransportContext, matches } from './searchHelpers';

/**
 * Searches for event-side locators (events, calendars, ticket types). Event lists are long: each
 * call reads one page of Luma's cursor list and hands n8n the cursor as the pagination token, so
 * the picker loads more as the user scrolls; the search text is matched here (Luma's list routes
 * have no name filter).
 */

const PAGE_SIZE = 100;

function eventLabel(entry: IDataObject): string {
	const start = typeof entry.start_at === 'string' ? entry.start_at.slice(0, 10) : '';
	return `${String(entry.name ?? entry.id)}${start ? ` (${start})` : ''}`;
}

export const eventSearches: Record<
	string,
	(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>
> = {
	async searchEvents(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		const page = (await lumaApiRequest.call(asTransportContext(this), 'events', {
			method: 'GET',
			path: '/v1/calendars/events/list',
			// Newest first: the events people pick are usually upcoming or recent.
			qs: { pagination_limit: PAGE_SIZE, sort_column: 'start_at', sort_direction: 'desc', pagination_cursor: paginationToken },
		})) as IDataObject;
		const entries = (page.entries as IDataObject[] | undefined) ?? [];
		const results: INodeListSearchItems[] = entries
			.filter((entry) => matches(filter, entry.name, entry.id, entry.url))
			.map((entry) => ({ name: eventLabel(entry), value: String(entry.id), url: typeof entry.url === 'string' ? entry.url : undefined }));
		return { results, paginationToken: page.has_more ? (page.next_cursor as string | undefined) : undefined };
	},

	async searchCalendars(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		const credentials = await this.getCredentials('lumaApi');
		const toItem = (entry: IDataObject): INodeListSearchItems => ({
			name: String(entry.name ?? entry.id),
			value: String(entry.id),
			url: typeof entry.url === 'string' ? entry.url : undefined,
		});
		if (credentials.keyType !== 'organization') {
			// A calendar key sees exactly one calendar: its own.
			const calendar = (await lumaApiRequest.call(asTransportContext(this), 'events', { method: 'GET', path: '/v1/calendars/get' })) as IDataObject;
			return { results: matches(filter, calendar.name, calendar.id) ? [toItem(calendar)] : [] };
		}
		const page = (await lumaApiRequest.call(asTransportContext(this), 'events', {
			method: 'GET',
			path: '/v1/organizations/calendars/list',
			qs: { pagination_limit: PAGE_SIZE, pagination_cursor: paginationToken },
		})) as IDataObject;
		const entries = (page.entries as IDataObject[] | undefined) ?? [];
		return {
			results: entries.filter((entry) => matches(filter, entry.name, entry.id, entry.slug)).map(toItem),
			paginationToken: page.has_more ? (page.next_cursor as string | undefined) : undefined,
		};
	},

	async searchTicketTypes(this: ILoadOptionsFunctions, filter?: string) {
		const raw = this.getCurrentNodeParameter('eventId', { extractValue: true }) as string | IDataObject | undefined;
		const value = typeof raw === 'object' && raw !== null ? String(raw.value ?? '') : String(raw ?? '');
		const eventId = /\bevt-[A-Za-z0-9]+\b/.exec(value)?.[0];
		// Without an event ID (or with a link still to resolve) there is nothing to list yet.
		if (!eventId) return { results: [] };
		const page = (await lumaApiRequest.call(asTransportContext(this), 'events', {
			method: 'GET',
			path: '/v1/events/ticket-types/list',
			qs: { event_id: eventId, include_hidden: 'true' },
		})) as IDataObject;
		const entries = (page.entries as IDataObject[] | undefined) ?? [];
		return {
			results: entries
				.filter((entry) => matches(filter, entry.name, entry.id))
				.map((entry) => ({ name: `${String(entry.name)}${entry.is_hidden ? ' (hidden)' : ''}`, value: String(entry.id) })),
		};
	},
};
