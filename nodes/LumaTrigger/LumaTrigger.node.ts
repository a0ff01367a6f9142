import type { IHookFunctions, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { searchEvents } from '../shared/events/listSearch';
import { handleSafely } from '../shared/webhooks/guard';
import { handleDelivery } from './delivery';
import { properties } from './description';
import { checkExists, create, remove } from './registration';

export class LumaTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Luma Events Trigger',
		name: 'lumaTrigger',
		icon: { light: 'file:../Luma/luma.svg', dark: 'file:../Luma/luma.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["events"] || []).join(", ")}}',
		description:
			'Starts the workflow when something happens on a Luma (luma.com) calendar: events, guests, tickets, subscribers',
		defaults: { name: 'Luma Events Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'lumaApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties,
	};

	// The "Only for Event" filter's Event locator lists events.
	methods = { listSearch: { searchEvents } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await create.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await remove.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleSafely(this, handleDelivery);
	}
}
