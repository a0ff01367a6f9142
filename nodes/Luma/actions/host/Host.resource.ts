import type { ResourceModule } from '../../../shared/types';
import { operationPicker } from '../common/fields';
import * as add from './add.operation';
import * as remove from './remove.operation';
import * as update from './update.operation';

export const host: ResourceModule = {
	operations: { add, remove, update },
	description: [
		operationPicker(
			'host',
			[
				{ name: 'Add', value: 'add', action: 'Add a host', description: 'Make someone a host of an event (manager, check-in only, or shown only)' },
				{ name: 'Remove', value: 'remove', action: 'Remove a host', description: 'Remove a host from an event' },
				{ name: 'Update', value: 'update', action: 'Update a host', description: "Change a host's access level or visibility" },
			],
			'add',
		),
		...add.description,
		...update.description,
		...remove.description,
	],
};
