import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { returnAllFields } from '../../../shared/listFields';
import { getManyFromList } from '../common/lists';

const properties: INodeProperties[] = [
	...returnAllFields,
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['organization'], operation: ['listCalendars'] } }, properties);

/** GET /v1/organizations/calendars/list (cursor pages). */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return await getManyFromList.call(this, itemIndex, '/v1/organizations/calendars/list');
}
