import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { returnAllFields } from '../../../shared/listFields';
import { pick } from '../../../shared/objects';
import { readStartTimeFilters, simplifyField, startTimeFilters } from '../common/fields';
import { getManyFromList, SORT_DIRECTION_OPTIONS } from '../common/lists';
import { EVENT_SUMMARY_KEYS } from './eventFields';

const properties: INodeProperties[] = [
	...returnAllFields,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			...startTimeFilters,
			{
				displayName: 'Platforms',
				name: 'platforms',
				type: 'multiOptions',
				options: [
					{ name: 'Luma', value: 'luma', description: 'Events hosted on Luma' },
					{ name: 'External', value: 'external', description: 'Events from elsewhere listed on the calendar' },
				],
				default: ['luma'],
			},
			{
				displayName: 'Submission Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Approved', value: 'approved', description: 'Events on the calendar' },
					{ name: 'Pending', value: 'pending', description: 'Events submitted to the calendar, waiting for approval' },
				],
				default: 'approved',
			},
		],
	},
	simplifyField,
	optionsCollection([
		{
			displayName: 'Sort Direction',
			name: 'sort_direction',
			type: 'options',
			options: SORT_DIRECTION_OPTIONS,
			default: 'asc',
			description: 'Order by start time',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['event'], operation: ['getMany'] } }, properties);

/** GET /v1/calendars/events/list (cursor pages) with filters; Simplify keeps the main fields. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { sort_column: 'start_at', ...readStartTimeFilters.call(this, itemIndex, filters) };
	if (Array.isArray(filters.platforms) && filters.platforms.length) qs.platforms = filters.platforms;
	if (filters.status) qs.status = filters.status;
	if (options.sort_direction) qs.sort_direction = options.sort_direction;
	const events = await getManyFromList.call(this, itemIndex, '/v1/calendars/events/list', qs);
	return this.getNodeParameter('simplify', itemIndex, true) ? events.map((event) => pick(event, EVENT_SUMMARY_KEYS)) : events;
}
