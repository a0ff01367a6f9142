import type { ResourceModule } from '../../../shared/types';
import { operationPicker } from '../common/fields';
import * as add from './add.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as sendInvites from './sendInvites.operation';
import * as updateStatus from './updateStatus.operation';
import * as updateTickets from './updateTickets.operation';

export const guest: ResourceModule = {
	operations: { add, get, getMany, sendInvites, updateStatus, updateTickets },
	description: [
		operationPicker(
			'guest',
			[
				{ name: 'Add', value: 'add', action: 'Add a guest', description: 'Register people for an event (one per input item, sent in batches), with status and tickets' },
				{ name: 'Get', value: 'get', action: 'Get a guest', description: 'Get a guest of an event by guest ID, guest key, ticket key or email' },
				{ name: 'Get Many', value: 'getMany', action: 'Get many guests', description: "List an event's guests, filtered by approval status" },
				{ name: 'Send Invites', value: 'sendInvites', action: 'Send invites', description: 'Invite people to an event by email (they choose whether to register)' },
				{ name: 'Update Status', value: 'updateStatus', action: 'Update a guest status', description: 'Approve, decline, waitlist or set a guest pending, optionally emailing them' },
				{ name: 'Update Tickets', value: 'updateTickets', action: 'Update guest tickets', description: "Add complimentary tickets to a guest or remove tickets" },
			],
			'get',
		),
		...get.description,
		...getMany.description,
		...add.description,
		...updateStatus.description,
		...sendInvites.description,
		...updateTickets.description,
	],
};
