import type { ILoadOptionsFunctions } from 'n8n-workflow';

import type { ListSearch } from './lists';
import { searchPagedList } from './lists';

/** The calendar's webhook registrations, by URL (paused ones marked). */
export const searchWebhooks: ListSearch = async function (this: ILoadOptionsFunctions, filter) {
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
};
