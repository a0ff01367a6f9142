import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readWebhookTypes, webhookTypeOptions } from '../../../shared/events/webhookTypes';
import { allowsPrivateUrls, requireUrl } from '../common/inputs';

export function eventTypesField(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Event Types',
		name: 'eventTypes',
		type: 'multiOptions',
		options: webhookTypeOptions,
		default: [],
		description: 'The Luma events the webhook is sent for',
		...overrides,
	};
}

/** The selected types (see readWebhookTypes: "*" alone when selected, else sorted). */
export function readEventTypes(this: IExecuteFunctions, itemIndex: number, value: unknown): string[] {
	const read = readWebhookTypes(value);
	if ('problem' in read) throw new NodeOperationError(this.getNode(), `Event Types: ${read.problem}`, { itemIndex });
	return read.types;
}

/**
 * Webhook URLs must be absolute http(s) URLs (Luma's `^http.*` + format uri) that Luma's servers
 * can call: a private or local address is refused unless Allow Private Network URLs is on.
 */
export function checkWebhookUrl(this: IExecuteFunctions, itemIndex: number, value: unknown): string {
	return requireUrl(this, itemIndex, value, 'URL', 'fetchedByLuma', allowsPrivateUrls(this, itemIndex));
}

export const includeSecretOption: INodeProperties = {
	displayName: 'Include Secret',
	name: 'includeSecret',
	type: 'boolean',
	default: false,
	description:
		'Whether to output the signing secret in clear. Off by default so it does not end up in execution logs; turn on only where you store it.',
};

export const SECRET_MASK = '********';

/**
 * Luma returns the signing secret with every webhook: it is masked unless the user asked for it,
 * so it does not land in execution data by accident.
 */
export function presentWebhook(this: IExecuteFunctions, itemIndex: number, webhook: IDataObject): IDataObject {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	if (options.includeSecret === true || webhook.secret === undefined || webhook.secret === null) return webhook;
	return { ...webhook, secret: SECRET_MASK };
}
