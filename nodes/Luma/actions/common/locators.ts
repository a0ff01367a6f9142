import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { eventIdForSlug, eventIdIn, isLumaUrl, looksLikeUrl } from '../../../shared/events/eventRef';
import type { LocatorSpec } from '../../../shared/events/locators';
import { resourceLocator } from '../../../shared/events/locators';
import { idProblem, requireValid } from '../../../shared/validation/readers';
import { describeValue } from '../../../shared/validation/values';
import type { IdForm } from './inputs';
import { ID_FORMS, requireText } from './inputs';

export { eventLocator } from '../../../shared/events/locators';

/** The Luma Events node's other locators (the Event locator is shared with the trigger). */

export const calendarLocator = (overrides: Partial<LocatorSpec> = {}) =>
	resourceLocator({
		displayName: 'Calendar',
		name: 'calendarId',
		searchListMethod: 'searchCalendars',
		idPrefix: 'cal-',
		placeholder: 'cal-AbC123xyz',
		...overrides,
	});

export const ticketTypeLocator = (overrides: Partial<LocatorSpec> = {}) =>
	resourceLocator({
		displayName: 'Ticket Type',
		name: 'ticketTypeId',
		searchListMethod: 'searchTicketTypes',
		// Luma documents ttype-..., older data shows evtticktyp-...: accept both.
		idPrefix: '(ttype-|evtticktyp-)',
		placeholder: 'ttype-AbC123xyz',
		...overrides,
	});

export const contactTagLocator = (overrides: Partial<LocatorSpec> = {}) =>
	resourceLocator({
		displayName: 'Contact Tag',
		name: 'tagId',
		searchListMethod: 'searchContactTags',
		idPrefix: 'tag-',
		placeholder: 'tag-AbC123xyz',
		...overrides,
	});

export const eventTagLocator = (overrides: Partial<LocatorSpec> = {}) =>
	resourceLocator({
		displayName: 'Event Tag',
		name: 'tagId',
		searchListMethod: 'searchEventTags',
		idPrefix: 'tag-',
		placeholder: 'tag-AbC123xyz',
		...overrides,
	});

export const webhookLocator = (overrides: Partial<LocatorSpec> = {}) =>
	resourceLocator({
		displayName: 'Webhook',
		name: 'webhookId',
		searchListMethod: 'searchWebhooks',
		// Luma does not document a prefix for webhook IDs.
		idPrefix: '',
		placeholder: 'The webhook ID',
		...overrides,
	});

/** A resource locator's value as typed: its `value`, or the parameter itself when an expression gave plain text. */
function locatorText(ctx: IExecuteFunctions, parameterName: string, itemIndex: number, label: string): { mode?: string; text: string } {
	const raw = ctx.getNodeParameter(parameterName, itemIndex, '', { extractValue: true }) as unknown;
	const locator = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as IDataObject) : undefined;
	const mode = typeof locator?.mode === 'string' ? locator.mode : undefined;
	return { mode, text: requireText(ctx, itemIndex, locator ? locator.value : raw, label) };
}

/**
 * The ID a resource locator holds, in the form of its kind. "From List" entries and expressions are
 * checked too: the field's own regex covers only what is typed "By ID".
 */
export function getLocatorValue(this: IExecuteFunctions, parameterName: string, itemIndex: number, label: string, form: IdForm): string {
	const { text } = locatorText(this, parameterName, itemIndex, label);
	requireValid(this, itemIndex, label, idProblem(text, form.prefixes, form.what));
	return text;
}

/**
 * The tag of Apply / Unapply, which Luma takes as an ID or a name: text that starts like an ID
 * (tag-…) must be one; anything else is a tag name.
 */
export function readTagIdOrName(this: IExecuteFunctions, itemIndex: number, label: string): string {
	const { text } = locatorText(this, 'tagId', itemIndex, label);
	if (text.startsWith('tag-')) requireValid(this, itemIndex, label, idProblem(text, ID_FORMS.tag.prefixes, ID_FORMS.tag.what));
	return text;
}

/** What an Event locator names: an event ID, or a public link only Luma can turn into one. */
export type EventRef = { eventId: string } | { slug: string; url: string };

const SLUG = /^[A-Za-z0-9-]+$/;

/**
 * Reads and checks the Event locator without sending anything: an event ID (exactly), a manage-page
 * URL with the ID in its path (luma.com/event/manage/evt-…), or a public luma.com / lu.ma link to one
 * event page (luma.com/<slug>; its query and fragment are ignored, never searched for an ID).
 */
export function readEventRef(this: IExecuteFunctions, itemIndex: number, parameterName = 'eventId'): EventRef {
	const { mode, text } = locatorText(this, parameterName, itemIndex, 'Event');
	if (mode !== 'url' && !looksLikeUrl(text)) {
		requireValid(this, itemIndex, 'Event', idProblem(text, ID_FORMS.event.prefixes, ID_FORMS.event.what));
		return { eventId: text };
	}
	const url = URL.canParse(text) ? new URL(text) : undefined;
	if (!url || !isLumaUrl(url)) {
		throw new NodeOperationError(this.getNode(), `Event is not a luma.com or lu.ma event link: ${describeValue(text)}`, { itemIndex });
	}
	const eventId = eventIdIn(text);
	if (eventId) return { eventId };
	const segments = url.pathname.split('/').filter(Boolean);
	if (segments.length !== 1 || !SLUG.test(segments[0])) {
		throw new NodeOperationError(this.getNode(), `Event: ${describeValue(text)} is not the link of one event page (luma.com/<event> or luma.com/event/manage/evt-…)`, {
			itemIndex,
		});
	}
	return { slug: segments[0], url: text };
}

/** The event ID of a reference: a public link is looked up at Luma (one request). */
export async function eventIdOf(this: IExecuteFunctions, itemIndex: number, ref: EventRef): Promise<string> {
	if ('eventId' in ref) return ref.eventId;
	const eventId = await eventIdForSlug(this, ref.slug, itemIndex);
	if (!eventId) throw new NodeOperationError(this.getNode(), `No Luma event found for the URL ${describeValue(ref.url)}`, { itemIndex });
	return eventId;
}

/** The event ID from the Event locator (readEventRef, then eventIdOf). */
export async function resolveEventId(this: IExecuteFunctions, itemIndex: number, parameterName = 'eventId'): Promise<string> {
	return await eventIdOf.call(this, itemIndex, readEventRef.call(this, itemIndex, parameterName));
}
