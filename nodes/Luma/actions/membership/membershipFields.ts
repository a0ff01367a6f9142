import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** Calendar membership statuses (Luma's `membership_status`). */
export const MEMBERSHIP_STATUS_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Approved', value: 'approved' },
	{ name: 'Approved, Pending Payment', value: 'approved-pending-payment' },
	{ name: 'Declined', value: 'declined' },
	{ name: 'Pending', value: 'pending' },
];

/**
 * Membership tier: from a searchable list (methods/calendarSearches.ts → searchMembershipTiers) or
 * by ID. Luma documents no prefix for tier IDs, so "By ID" only checks that the value is one word.
 */
export const membershipTierLocator: INodeProperties = {
	displayName: 'Membership Tier',
	name: 'membershipTierId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The membership tier of the calendar',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchMembershipTiers', searchable: true, searchFilterRequired: false },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'The membership tier ID',
			validation: [
				{ type: 'regex', properties: { regex: '^[A-Za-z0-9_-]+$', errorMessage: 'Not a valid membership tier ID' } },
			],
		},
	],
};
