import type { ResourceModule } from '../../../shared/types';
import { operationPicker } from '../common/fields';
import * as listAdmins from './listAdmins.operation';
import * as listCalendars from './listCalendars.operation';
import * as listEvents from './listEvents.operation';

const picker = operationPicker(
	'organization',
	[
		{
			name: 'List Admins',
			value: 'listAdmins',
			action: 'List organization admins',
			description: 'List the admins of the organization (needs an organization API key)',
		},
		{
			name: 'List Calendars',
			value: 'listCalendars',
			action: 'List organization calendars',
			description: 'List every calendar of the organization (needs an organization API key)',
		},
		{
			name: 'List Events',
			value: 'listEvents',
			action: 'List organization events',
			description:
				'List events across all calendars of the organization, each once, filtered by start time (needs an organization API key)',
		},
	],
	'listEvents',
);

export const organization: ResourceModule = {
	operations: { listAdmins, listCalendars, listEvents },
	description: [picker, ...listAdmins.description, ...listCalendars.description, ...listEvents.description],
};
