import type { ResourceModule } from '../../../shared/types';
import { operationPicker } from '../common/fields';
import * as addMember from './addMember.operation';
import * as getTiers from './getTiers.operation';
import * as updateMemberStatus from './updateMemberStatus.operation';

const picker = operationPicker(
	'membership',
	[
		{
			name: 'Add Member',
			value: 'addMember',
			action: 'Add a member to a membership tier',
			description: 'Add a person (by email) to one of the calendar\'s membership tiers',
		},
		{
			name: 'Get Tiers',
			value: 'getTiers',
			action: 'Get membership tiers',
			description: "List the calendar's membership tiers with their IDs, prices and approval rules",
		},
		{
			name: 'Update Member Status',
			value: 'updateMemberStatus',
			action: 'Update a member status',
			description: 'Approve or decline a membership (by email or user ID)',
		},
	],
	'getTiers',
);

export const membership: ResourceModule = {
	operations: { addMember, getTiers, updateMemberStatus },
	description: [picker, ...getTiers.description, ...addMember.description, ...updateMemberStatus.description],
};
