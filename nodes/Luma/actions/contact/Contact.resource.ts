import type { ResourceModule } from '../../../shared/types';
import { operationPicker } from '../common/fields';
import * as block from './block.operation';
import * as getMany from './getMany.operation';
import * as importContacts from './import.operation';
import * as remove from './remove.operation';
import * as restore from './restore.operation';

const picker = operationPicker(
	'contact',
	[
		{
			name: 'Block',
			value: 'block',
			action: 'Block a contact',
			description: 'Block a contact (by email or contact ID) from the calendar',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many contacts',
			description:
				"List the calendar's contacts (people who subscribed, registered or were imported), with search, tag and membership filters",
		},
		{
			name: 'Import',
			value: 'import',
			action: 'Import contacts',
			description:
				'Add people to the calendar\'s contacts by email (one per input item, sent in batches), optionally with a name and tags',
		},
		{
			name: 'Remove',
			value: 'remove',
			action: 'Remove a contact',
			description: "Remove a contact (by email or contact ID) from the calendar's contacts",
		},
		{
			name: 'Restore',
			value: 'restore',
			action: 'Restore a contact',
			description: 'Restore a blocked or removed contact (by email or contact ID)',
		},
	],
	'getMany',
);

export const contact: ResourceModule = {
	operations: { block, getMany, import: importContacts, remove, restore },
	description: [
		picker,
		...getMany.description,
		...importContacts.description,
		...block.description,
		...remove.description,
		...restore.description,
	],
};
