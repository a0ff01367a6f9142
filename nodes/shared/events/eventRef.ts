import type { IDataObject } from 'n8n-workflow';

import type { LumaContext } from '../transport';
import { lumaApiRequest } from '../transport';

/**
 * An event as users refer to it: its ID (evt-...), a luma.com manage-page URL that carries the ID,
 * or the public link they share (luma.com/<slug>, lu.ma/<slug>), which only Luma can turn into an ID.
 * Used by the Event locator of the Luma Events node and by the trigger's "Only for Event" filter.
 */

const EVENT_ID = /^evt-[A-Za-z0-9]+$/;
const LUMA_HOSTS = new Set(['luma.com', 'www.luma.com', 'lu.ma', 'www.lu.ma']);

/** A luma.com / lu.ma address (with or without www). */
export function isLumaUrl(url: URL): boolean {
	return (url.protocol === 'https:' || url.protocol === 'http:') && LUMA_HOSTS.has(url.hostname.toLowerCase());
}

/**
 * The event an ID or a URL names: the text itself when it is exactly an event ID, or the one event ID
 * that is a segment of a luma.com manage-page URL's path (luma.com/event/manage/evt-…). Never an ID
 * found in a query, a fragment or next to other text: `evt-abc?x=1` or `evt-abc 123` name no event,
 * so the node cannot act on another event than the one the user typed.
 */
export function eventIdIn(text: string): string | undefined {
	const value = text.trim();
	if (EVENT_ID.test(value)) return value;
	if (!URL.canParse(value)) return undefined;
	const url = new URL(value);
	if (!isLumaUrl(url)) return undefined;
	const ids = url.pathname.split('/').filter((segment) => EVENT_ID.test(segment));
	return ids.length === 1 ? ids[0] : undefined;
}

export function looksLikeUrl(text: string): boolean {
	return /^https?:\/\//.test(text);
}

/** The last path segment of a public event link; undefined when the text is no URL or has no path. */
export function eventSlugOf(url: string): string | undefined {
	try {
		return new URL(url).pathname.split('/').filter(Boolean).pop() || undefined;
	} catch {
		return undefined;
	}
}

/** Luma's entity lookup: the ID of the event behind a public slug, or undefined when it is not an event. */
export async function eventIdForSlug(ctx: LumaContext, slug: string, itemIndex?: number): Promise<string | undefined> {
	const found = await lumaApiRequest(ctx, 'events', { method: 'GET', path: '/v1/entities/lookup', qs: { slug }, itemIndex });
	const entity = found.entity as IDataObject | null | undefined;
	const event = entity?.type === 'event' ? (entity.event as IDataObject | undefined) : undefined;
	return typeof event?.id === 'string' && event.id ? event.id : undefined;
}
