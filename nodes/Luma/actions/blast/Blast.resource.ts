import type { ResourceModule } from '../../../shared/types';
import { operationPicker } from '../common/fields';
import * as create from './create.operation';
import * as deleteBlast from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const blast: ResourceModule = {
	operations: { create, delete: deleteBlast, get, getMany, update },
	description: [
		operationPicker(
			'blast',
			[
				{ name: 'Create', value: 'create', action: 'Create an email blast', description: "Email an event's guests now or at a scheduled time" },
				{ name: 'Delete', value: 'delete', action: 'Delete an email blast', description: 'Cancel a scheduled blast or remove a sent one from the event page' },
				{ name: 'Get', value: 'get', action: 'Get an email blast', description: 'Get an email blast with its status and open counts' },
				{ name: 'Get Many', value: 'getMany', action: 'Get many email blasts', description: "List an event's email blasts, newest first" },
				{ name: 'Update', value: 'update', action: 'Update an email blast', description: 'Change the text, subject, recipients or time of a blast' },
			],
			'getMany',
		),
		...get.description,
		...getMany.description,
		...create.description,
		...update.description,
		...deleteBlast.description,
	],
};
