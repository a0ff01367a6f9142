import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { returnAllFields } from '../../../shared/listFields';
import { ID_FORMS, readId, readText, splitList } from '../common/inputs';
import { getManyFromList, SORT_DIRECTION_OPTIONS } from '../common/lists';
import { MEMBERSHIP_STATUS_OPTIONS } from '../membership/membershipFields';

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
				displayName: 'Membership Status',
				name: 'membership_status',
				type: 'options',
				options: MEMBERSHIP_STATUS_OPTIONS,
				default: 'approved',
				description: 'Only contacts whose calendar membership has this status (calendars with memberships only)',
			},
			{
				displayName: 'Membership Tier ID',
				name: 'calendar_membership_tier_id',
				type: 'string',
				default: '',
				description: 'Only members of this membership tier (see Membership → Get Tiers)',
			},
			{
				displayName: 'Search',
				name: 'query',
				type: 'string',
				default: '',
				placeholder: 'ada@example.com',
				description: 'Text searched in contact names and emails',
			},
			{
				displayName: 'Tags',
				name: 'tags',
				type: 'string',
				default: '',
				placeholder: 'vip, tag-AbC123xyz',
				description: 'Tag names or tag IDs, comma-separated: contacts with any of these tags are returned',
			},
		],
	},
	optionsCollection([
		{
			displayName: 'Sort By',
			name: 'sort_column',
			type: 'options',
			options: [
				{ name: 'Checked-in Events', value: 'event_checked_in_count' },
				{ name: 'Created At', value: 'created_at' },
				{ name: 'Name', value: 'name' },
				{ name: 'Registered Events', value: 'event_approved_count' },
				{ name: 'Revenue (USD)', value: 'revenue_usd_cents' },
			],
			default: 'created_at',
			description: 'The field contacts are sorted by',
		},
		{
			displayName: 'Sort Direction',
			name: 'sort_direction',
			type: 'options',
			options: SORT_DIRECTION_OPTIONS,
			default: 'desc',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['getMany'] } }, properties);

/** GET /v1/calendars/contacts/list (cursor pages; filters are re-sent with every page by the transport). */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {
		query: readText(this, itemIndex, filters.query, 'Search'),
		tags: splitList(readText(this, itemIndex, filters.tags, 'Tags')),
		calendar_membership_tier_id: readId(this, itemIndex, filters.calendar_membership_tier_id, 'Membership Tier ID', ID_FORMS.membershipTier),
		membership_status: filters.membership_status,
		sort_column: options.sort_column,
		sort_direction: options.sort_direction,
	};
	return await getManyFromList.call(this, itemIndex, '/v1/calendars/contacts/list', qs);
}
