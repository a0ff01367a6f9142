import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { lumaApiRequest } from '../../transport';
import { eventIdIn } from '../eventRef';
import type { ListSearch } from './lists';
import { matches, searchOnePage } from './lists';

/** Event-side pick lists: events (long: paged as the user scrolls) and an event's ticket types. */

function eventLabel(entry: IDataObject): string {
	const start = typeof entry.start_at === 'string' ? entry.start_at.slice(0, 10) : '';
	return `${String(entry.name ?? entry.id)}${start ? ` (${start})` : ''}`;
}

export const searchEvents: ListSearch = async function (this: ILoadOptionsFunctions, filter, paginationToken) {
	return await searchOnePage(
		this,
		// Newest first: the events people pick are usually upcoming or recent.
		{ path: '/v1/calendars/events/list', qs: { sort_column: 'start_at', sort_direction: 'desc' } },
		paginationToken,
		(entry) => matches(filter, entry.name, entry.id, entry.url),
		(entry) => ({ name: eventLabel(entry), value: String(entry.id), url: typeof entry.url === 'string' ? entry.url : undefined }),
	);
};

export const searchTicketTypes: ListSearch = async function (this: ILoadOptionsFunctions, filter) {
	const raw = this.getCurrentNodeParameter('eventId', { extractValue: true }) as string | IDataObject | undefined;
	const value = typeof raw === 'object' && raw !== null ? String(raw.value ?? '') : String(raw ?? '');
	const eventId = eventIdIn(value);
	// Without an event ID (or with a link still to resolve) there is nothing to list yet.
	if (!eventId) return { results: [] };
	const page = await lumaApiRequest(this, 'events', {
		method: 'GET',
		path: '/v1/events/ticket-types/list',
		qs: { event_id: eventId, include_hidden: 'true' },
	});
	const entries = Array.isArray(page.entries) ? (page.entries as IDataObject[]) : [];
	return {
		results: entries
			.filter((entry) => matches(filter, entry.name, entry.id))
			.map((entry) => ({ name: `${String(entry.name)}${entry.is_hidden ? ' (hidden)' : ''}`, value: String(entry.id) })),
	};
};
