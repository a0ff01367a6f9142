import type { IDataObject } from 'n8n-workflow';

import type { LumaContext } from '../transport';
import { lumaApiRequest } from '../transport';

/**
 * An event as users refer to it: its ID (evt-...), a luma.com manage-page URL that carries the ID,
 * or the public link they share (luma.com/<slug>, lu.ma/<slug>), which only Luma can turn into an ID.
 * Used by the Event locator of the Luma Events node and by the trigger's "Only for Event" filter.
 */

const EVENT_ID_IN_TEXT = /\b(evt-[A-Za-z0-9]+)\b/;

/** The event ID written in an ID or URL, if there is one. */
export function eventIdIn(text: string): string | undefined {
	return EVENT_ID_IN_TEXT.exec(text)?.[1];
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
