import type { ResourceModule } from '../../../shared/types';
import { operationPicker } from '../common/fields';
import * as create from './create.operation';
import * as deleteWebhook from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

const picker = operationPicker(
	'webhook',
	[
		{
			name: 'Create',
			value: 'create',
			action: 'Create a webhook',
			description:
				'Register a URL that Luma notifies about calendar events (registrations, event changes...). To run an n8n workflow on Luma events, use the Luma Events Trigger instead.',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a webhook',
			description: 'Delete a webhook registration so Luma stops sending to its URL',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a webhook',
			description: 'Get a webhook registration: URL, event types, status (secret hidden unless requested)',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many webhooks',
			description: "List the calendar's webhook registrations (secrets hidden unless requested)",
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a webhook',
			description: 'Change the event types of a webhook, or pause / resume it',
		},
	],
	'getMany',
);

export const webhook: ResourceModule = {
	operations: { create, delete: deleteWebhook, get, getMany, update },
	description: [
		picker,
		...get.description,
		...getMany.description,
		...create.description,
		...update.description,
		...deleteWebhook.description,
	],
};
