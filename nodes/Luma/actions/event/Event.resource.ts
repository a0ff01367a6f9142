import type { ResourceModule } from '../../../shared/types';
import { operationPicker } from '../common/fields';
import * as cancel from './cancel.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as requestCancellation from './requestCancellation.operation';
import * as transferCalendar from './transferCalendar.operation';
import * as update from './update.operation';

export const event: ResourceModule = {
	operations: { cancel, create, get, getMany, requestCancellation, transferCalendar, update },
	description: [
		operationPicker(
			'event',
			[
				{ name: 'Cancel', value: 'cancel', action: 'Cancel an event', description: 'Cancel (delete) an event and notify its guests, optionally refunding them' },
				{ name: 'Create', value: 'create', action: 'Create an event', description: 'Create an event on the calendar of the API key' },
				{ name: 'Get', value: 'get', action: 'Get an event', description: 'Get an event by ID or luma.com link, with hosts' },
				{ name: 'Get Many', value: 'getMany', action: 'Get many events', description: "List the calendar's events, filtered by start time, platform and submission status" },
				{ name: 'Request Cancellation', value: 'requestCancellation', action: 'Request an event cancellation', description: 'Get a cancellation token (step one of a reviewed cancel) with the number of guests affected' },
				{ name: 'Transfer Calendar', value: 'transferCalendar', action: 'Transfer an event to another calendar', description: 'Move an event to another calendar of the organization (organization key)' },
				{ name: 'Update', value: 'update', action: 'Update an event', description: 'Change name, time, place, description, capacity or other settings of an event' },
			],
			'get',
		),
		...get.description,
		...getMany.description,
		...create.description,
		...update.description,
		...requestCancellation.description,
		...cancel.description,
		...transferCalendar.description,
	],
};
