import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { returnAllFields } from '../../../shared/listFields';
import { getManyFromList } from '../common/lists';
import { includeSecretOption, presentWebhook } from './webhookFields';

const properties: INodeProperties[] = [
	...returnAllFields,
	optionsCollection([includeSecretOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['webhook'], operation: ['getMany'] } }, properties);

/** GET /v1/webhooks/list (cursor pages), secrets masked unless Include Secret. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const webhooks = await getManyFromList.call(this, itemIndex, '/v1/webhooks/list');
	return webhooks.map((webhook) => presentWebhook.call(this, itemIndex, webhook));
}
