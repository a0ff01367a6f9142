import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { ID_FORMS } from '../common/inputs';
import { getLocatorValue, webhookLocator } from '../common/locators';

const properties: INodeProperties[] = [webhookLocator(), optionsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['webhook'], operation: ['delete'] } }, properties);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	return getLocatorValue.call(this, 'webhookId', itemIndex, 'Webhook', ID_FORMS.webhook);
}

/** POST /v1/webhooks/delete `{ id }` → `{}`. */
export async function execute(this: IExecuteFunctions, itemIndex: number, id: string) {
	await lumaApiRequest(this, 'events', {
		method: 'POST',
		path: '/v1/webhooks/delete',
		body: { id },
		itemIndex,
		whatToCheck: `Check Webhook → Get Many for ${id}`,
	});
	return { id, deleted: true };
}
