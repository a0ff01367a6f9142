import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { pick } from '../../../shared/objects';
import { lumaApiRequest } from '../../../shared/transport';
import { ID_FORMS, requireChanges } from '../common/inputs';
import { getLocatorValue, webhookLocator } from '../common/locators';
import { eventTypesField, includeSecretOption, presentWebhook, readEventTypes } from './webhookFields';

const properties: INodeProperties[] = [
	webhookLocator(),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			eventTypesField({ description: 'Replaces the event types the webhook is sent for' }),
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Active', value: 'active', description: 'Luma sends events to the URL' },
					{ name: 'Paused', value: 'paused', description: 'Luma stops sending events until the webhook is active again' },
				],
				default: 'active',
			},
		],
	},
	optionsCollection([includeSecretOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['webhook'], operation: ['update'] } }, properties);

/** The body of the update: the webhook's ID and only what the user set. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = getLocatorValue.call(this, 'webhookId', itemIndex, 'Webhook', ID_FORMS.webhook);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const changes: IDataObject = pick(fields, ['status']);
	if (fields.eventTypes !== undefined) changes.event_types = readEventTypes.call(this, itemIndex, fields.eventTypes);
	requireChanges(this, itemIndex, changes);
	return { id, ...changes };
}

/** POST /v2/webhooks/update `{ id, event_types?, status? }` → Webhook. */
export async function execute(this: IExecuteFunctions, itemIndex: number, body: IDataObject) {
	const webhook = (await lumaApiRequest(this, 'events', {
		method: 'POST',
		path: '/v2/webhooks/update',
		body,
		itemIndex,
		// Setting the same types/status again leaves the webhook as once.
		idempotent: true,
	})) as IDataObject;
	return presentWebhook.call(this, itemIndex, webhook);
}
