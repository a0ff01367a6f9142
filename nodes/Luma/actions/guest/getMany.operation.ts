import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { returnAllFields } from '../../../shared/listFields';
import { pick } from '../../../shared/objects';
import { simplifyField } from '../common/fields';
import { getManyFromList, SORT_DIRECTION_OPTIONS } from '../common/lists';
import { eventLocator, resolveEventId } from '../common/locators';
import { APPROVAL_STATUS_OPTIONS, GUEST_SUMMARY_KEYS } from './guestFields';

const properties: INodeProperties[] = [
	eventLocator(),
	...returnAllFields,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Approval Status',
				name: 'approval_status',
				type: 'options',
				options: APPROVAL_STATUS_OPTIONS,
				default: 'approved',
				description: 'Only guests with this status',
			},
		],
	},
	simplifyField,
	optionsCollection([
		{
			displayName: 'Sort By',
			name: 'sort_column',
			type: 'options',
			options: [
				{ name: 'Checked In At', value: 'checked_in_at' },
				{ name: 'Created At', value: 'created_at' },
				{ name: 'Email', value: 'email' },
				{ name: 'Name', value: 'name' },
				{ name: 'Registered At', value: 'registered_at' },
			],
			default: 'registered_at',
		},
		{ displayName: 'Sort Direction', name: 'sort_direction', type: 'options', options: SORT_DIRECTION_OPTIONS, default: 'asc' },
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['guest'], operation: ['getMany'] } }, properties);

/** GET /v1/events/guests/list (cursor pages, 100 per page) with the status filter and sort. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const eventId = await resolveEventId.call(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { event_id: eventId, ...pick(filters, ['approval_status']), ...pick(options, ['sort_column', 'sort_direction']) };
	const guests = await getManyFromList.call(this, itemIndex, '/v1/events/guests/list', qs);
	if (!this.getNodeParameter('simplify', itemIndex, true)) return guests;
	return guests.map((guest) => ({
		...pick(guest, GUEST_SUMMARY_KEYS),
		checked_in_at: ((guest.event_tickets as IDataObject[] | undefined) ?? []).map((ticket) => ticket.checked_in_at).find(Boolean) ?? null,
	}));
}
