import type { ResourceModule } from '../../../shared/types';
import { operationPicker } from '../common/fields';
import * as apply from './apply.operation';
import * as create from './create.operation';
import * as deleteTag from './delete.operation';
import * as getMany from './getMany.operation';
import * as unapply from './unapply.operation';
import * as update from './update.operation';

const picker = operationPicker(
	'contactTag',
	[
		{
			name: 'Apply',
			value: 'apply',
			action: 'Apply a contact tag',
			description: 'Put a tag on existing contacts (by email or user ID); returns how many were tagged and skipped',
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create a contact tag',
			description: 'Create a tag for grouping contacts (name and color)',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a contact tag',
			description: 'Delete a contact tag (the contacts stay)',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many contact tags',
			description: "List the calendar's contact tags with their IDs, names and colors",
		},
		{
			name: 'Unapply',
			value: 'unapply',
			action: 'Remove a contact tag from contacts',
			description: 'Take a tag off contacts (by email or user ID); returns how many were untagged and skipped',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a contact tag',
			description: "Rename a contact tag or change its color",
		},
	],
	'getMany',
);

export const contactTag: ResourceModule = {
	operations: { apply, create, delete: deleteTag, getMany, unapply, update },
	description: [
		picker,
		...getMany.description,
		...create.description,
		...update.description,
		...deleteTag.description,
		...apply.description,
		...unapply.description,
	],
};
