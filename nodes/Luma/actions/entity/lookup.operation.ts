import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { isLumaUrl } from '../../../shared/events/eventRef';
import { lumaApiRequest } from '../../../shared/transport';
import { requireText } from '../common/inputs';

const properties: INodeProperties[] = [
	{
		displayName: 'Slug or URL',
		name: 'slug',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://luma.com/my-event',
		description: 'The slug of an event or calendar page ("my-event"), or its full luma.com / lu.ma link',
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['entity'], operation: ['lookup'] } }, properties);

/** "my-event", "luma.com/my-event" and "https://lu.ma/my-event?tk=x" all give "my-event". */
function toSlug(this: IExecuteFunctions, itemIndex: number, input: string): string {
	const looksLikeUrl = /^https?:\/\//i.test(input) || /^(www\.)?(luma\.com|lu\.ma)\//i.test(input);
	if (!looksLikeUrl) {
		if (/[\s?#]/.test(input)) {
			throw new NodeOperationError(this.getNode(), `Slug or URL: "${input.slice(0, 200)}" is not a Luma slug or link`, { itemIndex });
		}
		return input.replace(/^\/+|\/+$/g, '');
	}
	let url: URL;
	try {
		url = new URL(/^https?:\/\//i.test(input) ? input : `https://${input}`);
	} catch {
		throw new NodeOperationError(this.getNode(), `Slug or URL: "${input.slice(0, 200)}" is not a valid URL`, { itemIndex });
	}
	if (!isLumaUrl(url)) {
		throw new NodeOperationError(this.getNode(), `Slug or URL: "${url.hostname}" is not a Luma address (luma.com or lu.ma)`, {
			itemIndex,
		});
	}
	const slug = url.pathname.replace(/^\/+|\/+$/g, '');
	if (!slug) throw new NodeOperationError(this.getNode(), `Slug or URL: the link "${input.slice(0, 200)}" has no page path`, { itemIndex });
	return decodeURIComponent(slug);
}

/**
 * GET /v1/entities/lookup?slug= → `{ entity: { type, event | calendar } | null }`. The output is
 * flat: `{ found: true, type: "event", id, name, ... }`, or `{ found: false, slug }` for a free slug.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const slug = toSlug.call(this, itemIndex, requireText(this, itemIndex, this.getNodeParameter('slug', itemIndex, ''), 'Slug or URL'));
	const found = (await lumaApiRequest(this, 'events', { method: 'GET', path: '/v1/entities/lookup', qs: { slug }, itemIndex })) as IDataObject;
	const entity = found.entity as IDataObject | null | undefined;
	if (!entity || typeof entity.type !== 'string') return { found: false, slug };
	const details = (entity[entity.type] as IDataObject | undefined) ?? {};
	return { found: true, type: entity.type, ...details };
}
