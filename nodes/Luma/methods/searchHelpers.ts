import type { ILoadOptionsFunctions } from 'n8n-workflow';

import type { LumaContext } from '../../shared/transport';

// LumaContext types getNodeParameter as (name, itemIndex, fallback); list-search contexts take
// (name, fallback) and the transport copes with both at runtime.
export const asTransportContext = (ctx: ILoadOptionsFunctions) => ctx as unknown as LumaContext;

/** Whether any of the texts contains the search filter (case-insensitive); no filter matches all. */
export function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	const needle = filter?.trim().toLowerCase();
	if (!needle) return true;
	return texts.some((text) => typeof text === 'string' && text.toLowerCase().includes(needle));
}
