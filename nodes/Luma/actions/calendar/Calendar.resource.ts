import type { ResourceModule } from '../../../shared/types';
import { operationPicker } from '../common/fields';
import * as addAdmins from './addAdmins.operation';
import * as addEvent from './addEvent.operation';
import * as approveEvent from './approveEvent.operation';
import * as createOrganizationCalendar from './createOrganizationCalendar.operation';
import * as get from './get.operation';
import * as listAdmins from './listAdmins.operation';
import * as lookupEvent from './lookupEvent.operation';
import * as rejectEvent from './rejectEvent.operation';
import * as update from './update.operation';

export const calendar: ResourceModule = {
	operations: { addAdmins, addEvent, approveEvent, createOrganizationCalendar, get, listAdmins, lookupEvent, rejectEvent, update },
	description: [
		operationPicker(
			'calendar',
			[
				{ name: 'Add Admins', value: 'addAdmins', action: 'Add calendar admins', description: 'Make people admins of the calendar' },
				{ name: 'Add Event', value: 'addEvent', action: 'Add an event to the calendar', description: 'List a Luma or external event on the calendar, directly or for review' },
				{ name: 'Approve Event', value: 'approveEvent', action: 'Approve a submitted event', description: 'Accept an event submitted to the calendar' },
				{ name: 'Create Organization Calendar', value: 'createOrganizationCalendar', action: 'Create an organization calendar', description: 'Create a new calendar in the organization (organization key)' },
				{ name: 'Get', value: 'get', action: 'Get the calendar', description: 'Get the calendar the API key belongs to' },
				{ name: 'List Admins', value: 'listAdmins', action: 'List calendar admins', description: "List the calendar's admins" },
				{ name: 'Lookup Event', value: 'lookupEvent', action: 'Look up an event on the calendar', description: 'Check whether an event (by ID or link) is on the calendar, and its submission status' },
				{ name: 'Reject Event', value: 'rejectEvent', action: 'Reject a submitted event', description: 'Decline an event submitted to the calendar, optionally telling the submitter why' },
				{ name: 'Update', value: 'update', action: 'Update the calendar', description: "Change the calendar's name, description, slug, colors or status" },
			],
			'get',
		),
		...get.description,
		...update.description,
		...lookupEvent.description,
		...addEvent.description,
		...approveEvent.description,
		...rejectEvent.description,
		...listAdmins.description,
		...addAdmins.description,
		...createOrganizationCalendar.description,
	],
};
