import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems } from 'n8n-workflow';

import type { ListSearch } from './lists';
import { searchWholeList } from './lists';

/** Contact and event tags: Luma returns each tag list whole. */

const tagItem = (entry: IDataObject): INodeListSearchItems => ({
	name: String(entry.name ?? entry.id),
	value: String(entry.id),
});

export const searchContactTags: ListSearch = async function (this: ILoadOptionsFunctions, filter) {
	return await searchWholeList(this, '/v1/calendars/contact-tags/list', filter, tagItem);
};

export const searchEventTags: ListSearch = async function (this: ILoadOptionsFunctions, filter) {
	return await searchWholeList(this, '/v1/calendars/event-tags/list', filter, tagItem);
};
