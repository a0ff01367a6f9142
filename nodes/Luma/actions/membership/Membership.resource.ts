import type { INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../../../shared/types';
import * as addMember from './addMember.operation';
import * as getTiers from './getTiers.operation';
import * as updateMemberStatus from './updateMemberStatus.operation';

const operationPicker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['membership'] } },
	options: [
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
	default: 'getTiers',
};

export const membership: ResourceModule = {
	operations: { addMember, getTiers, updateMemberStatus },
	description: [operationPicker, ...getTiers.description, ...addMember.description, ...updateMemberStatus.description],
};
