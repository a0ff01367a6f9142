import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { returnAllFields } from '../../../shared/listFields';
import { readStartTimeFilters, startTimeFilters } from '../common/fields';
import { getManyFromList, SORT_DIRECTION_OPTIONS } from '../common/lists';

const properties: INodeProperties[] = [
	...returnAllFields,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: startTimeFilters,
	},
	optionsCollection([
		{
			displayName: 'Sort Direction',
			name: 'sort_direction',
			type: 'options',
			options: SORT_DIRECTION_OPTIONS,
			default: 'asc',
			description: 'Order of the events by start time',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['organization'], operation: ['listEvents'] } }, properties);

/**
 * GET /v1/organizations/events/list (cursor pages): events of every calendar of the organization,
 * each once. Needs an organization API key.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { ...readStartTimeFilters.call(this, itemIndex, filters), sort_direction: options.sort_direction };
	return await getManyFromList.call(this, itemIndex, '/v1/organizations/events/list', qs);
}
