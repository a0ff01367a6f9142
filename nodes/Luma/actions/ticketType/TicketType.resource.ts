import type { ResourceModule } from '../../../shared/types';
import { operationPicker } from '../common/fields';
import * as create from './create.operation';
import * as deleteTicketType from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const ticketType: ResourceModule = {
	operations: { create, delete: deleteTicketType, get, getMany, update },
	description: [
		operationPicker(
			'ticketType',
			[
				{ name: 'Create', value: 'create', action: 'Create a ticket type', description: 'Add a free or paid ticket type to an event' },
				{ name: 'Delete', value: 'delete', action: 'Delete a ticket type', description: 'Delete a ticket type without sold tickets' },
				{ name: 'Get', value: 'get', action: 'Get a ticket type', description: 'Get a ticket type by ID' },
				{ name: 'Get Many', value: 'getMany', action: 'Get many ticket types', description: "List an event's ticket types" },
				{ name: 'Update', value: 'update', action: 'Update a ticket type', description: 'Change name, price, capacity, sales window or visibility of a ticket type' },
			],
			'getMany',
		),
		...get.description,
		...getMany.description,
		...create.description,
		...update.description,
		...deleteTicketType.description,
	],
};
