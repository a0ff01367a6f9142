import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems } from 'n8n-workflow';

import { lumaApiRequest } from '../../transport';
import type { ListSearch } from './lists';
import { matches, searchOnePage, searchPagedList } from './lists';

/** Calendar-side pick lists: calendars (one, or an organization's) and membership tiers. */

function calendarItem(entry: IDataObject): INodeListSearchItems {
	return { name: String(entry.name ?? entry.id), value: String(entry.id), url: typeof entry.url === 'string' ? entry.url : undefined };
}

export const searchCalendars: ListSearch = async function (this: ILoadOptionsFunctions, filter, paginationToken) {
	const credentials = await this.getCredentials('lumaApi');
	if (credentials.keyType !== 'organization') {
		// A calendar key sees exactly one calendar: its own.
		const calendar = await lumaApiRequest(this, 'events', { method: 'GET', path: '/v1/calendars/get' });
		return { results: matches(filter, calendar.name, calendar.id) ? [calendarItem(calendar)] : [] };
	}
	return await searchOnePage(
		this,
		{ path: '/v1/organizations/calendars/list' },
		paginationToken,
		(entry) => matches(filter, entry.name, entry.id, entry.slug),
		calendarItem,
	);
};

export const searchMembershipTiers: ListSearch = async function (this: ILoadOptionsFunctions, filter) {
	return await searchPagedList(
		this,
		'/v1/memberships/tiers/list',
		filter,
		(entry) => ({ name: String(entry.name ?? entry.id), value: String(entry.id) }),
		(entry) => [entry.name, entry.id],
	);
};
