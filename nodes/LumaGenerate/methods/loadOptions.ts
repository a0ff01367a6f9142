import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { lumaApiRequest } from '../../shared/transport';

/** `dolly_zoom` → "Dolly Zoom". */
function label(key: string): string {
	return key
		.split('_')
		.map((word) => (word ? word[0].toUpperCase() + word.slice(1) : word))
		.join(' ');
}

export const loadOptions = {
	/** Concept keys from GET /generations/concepts/list (Luma adds new ones over time). */
	async getConcepts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const keys = await lumaApiRequest<unknown>(this, 'dreamMachine', { method: 'GET', path: '/generations/concepts/list' });
		return (Array.isArray(keys) ? keys : [])
			.map((key) => String(key))
			.sort((a, b) => a.localeCompare(b))
			.map((key) => ({ name: label(key), value: key }));
	},
};
