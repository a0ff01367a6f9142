import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { allowPrivateNetworkUrlsOption } from '../common/fields';
import { checkWebhookUrl, eventTypesField, includeSecretOption, presentWebhook, readEventTypes } from './webhookFields';

const properties: INodeProperties[] = [
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/luma-webhook',
		description: 'The http(s) address Luma sends the events to (POST with a signed JSON body)',
	},
	eventTypesField({ required: true }),
	optionsCollection([allowPrivateNetworkUrlsOption, includeSecretOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['webhook'], operation: ['create'] } }, properties);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const url = checkWebhookUrl.call(this, itemIndex, this.getNodeParameter('url', itemIndex, ''));
	return { url, event_types: readEventTypes.call(this, itemIndex, this.getNodeParameter('eventTypes', itemIndex, [])) };
}

/**
 * POST /v2/webhooks/create `{ url, event_types }` → Webhook. To receive Luma events in n8n, the
 * Luma Events Trigger node registers its own webhook: this operation is for other receivers.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, body: IDataObject) {
	const webhook = (await lumaApiRequest(this, 'events', {
		method: 'POST',
		path: '/v2/webhooks/create',
		body,
		itemIndex,
		whatToCheck: `Check Webhook → Get Many for a webhook to ${String(body.url)}`,
	})) as IDataObject;
	return presentWebhook.call(this, itemIndex, webhook);
}
