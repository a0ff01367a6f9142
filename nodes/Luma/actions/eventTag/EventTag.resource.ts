import type { ResourceModule } from '../../../shared/types';
import { operationPicker } from '../common/fields';
import * as apply from './apply.operation';
import * as create from './create.operation';
import * as deleteTag from './delete.operation';
import * as getMany from './getMany.operation';
import * as unapply from './unapply.operation';
import * as update from './update.operation';

const picker = operationPicker(
	'eventTag',
	[
		{
			name: 'Apply',
			value: 'apply',
			action: 'Apply an event tag',
			description: 'Put a tag on an event of the calendar (by event ID or luma.com link); returns how many were tagged and skipped',
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create an event tag',
			description: 'Create a tag for grouping the calendar\'s events (name and color)',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete an event tag',
			description: 'Delete an event tag (the events stay)',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many event tags',
			description: "List the calendar's event tags with their IDs, names and colors",
		},
		{
			name: 'Unapply',
			value: 'unapply',
			action: 'Remove an event tag from an event',
			description: 'Take a tag off an event (by event ID or luma.com link); returns how many were untagged and skipped',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update an event tag',
			description: "Rename an event tag or change its color",
		},
	],
	'getMany',
);

export const eventTag: ResourceModule = {
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
