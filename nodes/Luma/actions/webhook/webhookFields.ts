import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ALL_TYPES, WEBHOOK_TYPES } from '../../../LumaTrigger/payload';

/** Every webhook type Luma knows (one list, shared with the Luma Events Trigger), "all" first. */
export const EVENT_TYPE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'All Event Types (*)', value: ALL_TYPES, description: 'Every type, including types Luma adds later' },
	...WEBHOOK_TYPES.map(({ name, value, description }) => ({ name, value, description })),
];

export function eventTypesField(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Event Types',
		name: 'eventTypes',
		type: 'multiOptions',
		options: EVENT_TYPE_OPTIONS,
		default: [],
		description: 'The Luma events the webhook is sent for',
		...overrides,
	};
}

/** The selected types; "*" alone when it is selected (it already covers the others). */
export function readEventTypes(this: IExecuteFunctions, itemIndex: number, value: unknown): string[] {
	const types = (Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [])
		.map((type) => String(type).trim())
		.filter(Boolean);
	if (types.length === 0) throw new NodeOperationError(this.getNode(), 'Event Types: select at least one event type', { itemIndex });
	const known = new Set(EVENT_TYPE_OPTIONS.map((option) => option.value));
	const unknown = types.find((type) => !known.has(type));
	if (unknown) throw new NodeOperationError(this.getNode(), `Event Types: "${unknown.slice(0, 100)}" is not a Luma webhook event type`, { itemIndex });
	return types.includes(ALL_TYPES) ? [ALL_TYPES] : [...new Set(types)];
}

/** Webhook URLs must be absolute http(s) URLs (Luma's `^http.*` + format uri). */
export function checkWebhookUrl(this: IExecuteFunctions, itemIndex: number, value: unknown): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (!text) throw new NodeOperationError(this.getNode(), 'URL is required', { itemIndex });
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw new NodeOperationError(this.getNode(), `URL is not a valid URL: "${text.slice(0, 200)}"`, { itemIndex });
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new NodeOperationError(this.getNode(), `URL must start with http:// or https://, got "${url.protocol}"`, { itemIndex });
	}
	return text;
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
