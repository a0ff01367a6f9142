import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, tryToParseDateTime, updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { SORT_DIRECTION_OPTIONS, getManyFromList, returnAllFields } from '../contact/listFields';

const properties: INodeProperties[] = [
	...returnAllFields,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Starts After',
				name: 'after',
				type: 'dateTime',
				default: '',
				description: 'Only events that start after this time',
			},
			{
				displayName: 'Starts Before',
				name: 'before',
				type: 'dateTime',
				default: '',
				description: 'Only events that start before this time',
			},
		],
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
 * n8n date pickers give a local time without offset ("2026-05-01T10:00:00"); it means the workflow's
 * time zone. Luma wants ISO 8601 with an offset: sent as UTC.
 */
function toIsoUtc(this: IExecuteFunctions, itemIndex: number, value: unknown, field: string): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	try {
		const parsed = tryToParseDateTime(value as string, this.getTimezone());
		if (!parsed.isValid) throw new Error('invalid');
		return parsed.toUTC().toISO() ?? undefined;
	} catch {
		throw new NodeOperationError(this.getNode(), `${field} is not a valid date and time: "${String(value).slice(0, 100)}"`, { itemIndex });
	}
}

/**
 * GET /v1/organizations/events/list (cursor pages): events of every calendar of the organization,
 * each once. Needs an organization API key.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {
		after: toIsoUtc.call(this, itemIndex, filters.after, 'Starts After'),
		before: toIsoUtc.call(this, itemIndex, filters.before, 'Starts Before'),
		sort_direction: options.sort_direction,
	};
	return await getManyFromList.call(this, itemIndex, '/v1/organizations/events/list', qs);
}
