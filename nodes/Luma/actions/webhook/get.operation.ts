import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { ID_FORMS } from '../common/inputs';
import { getLocatorValue, webhookLocator } from '../common/locators';
import { includeSecretOption, presentWebhook } from './webhookFields';

const properties: INodeProperties[] = [webhookLocator(), optionsCollection([includeSecretOption])];

export const description = updateDisplayOptions({ show: { resource: ['webhook'], operation: ['get'] } }, properties);

/** GET /v2/webhooks/get?id= → Webhook (secret masked unless Include Secret). */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const id = getLocatorValue.call(this, 'webhookId', itemIndex, 'Webhook', ID_FORMS.webhook);
	const webhook = (await lumaApiRequest(this, 'events', { method: 'GET', path: '/v2/webhooks/get', qs: { id }, itemIndex })) as IDataObject;
	return presentWebhook.call(this, itemIndex, webhook);
}
