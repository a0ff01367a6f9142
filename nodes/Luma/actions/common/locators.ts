import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { eventIdForSlug, eventIdIn, eventSlugOf, looksLikeUrl } from '../../../shared/events/eventRef';
import type { LocatorSpec } from '../../../shared/events/locators';
import { resourceLocator } from '../../../shared/events/locators';

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

/** Reads a resource locator's value (or a plain string, for expressions) and checks it is not empty. */
export function getLocatorValue(this: IExecuteFunctions, parameterName: string, itemIndex: number, label: string): string {
	const raw = this.getNodeParameter(parameterName, itemIndex, '', { extractValue: true }) as string | IDataObject;
	const value = (typeof raw === 'object' && raw !== null ? String(raw.value ?? '') : String(raw ?? '')).trim();
	if (!value) {
		throw new NodeOperationError(this.getNode(), `${label} is required`, { itemIndex });
	}
	return value;
}

/**
 * The event ID from the Event locator. A URL that carries the ID (manage pages) is read directly;
 * a public URL (luma.com/<slug>) is resolved with Luma's entity lookup, so pasting the link a user
 * shares just works.
 */
export async function resolveEventId(this: IExecuteFunctions, itemIndex: number, parameterName = 'eventId'): Promise<string> {
	const raw = this.getNodeParameter(parameterName, itemIndex) as IDataObject | string;
	const mode = typeof raw === 'object' && raw !== null ? String(raw.mode ?? 'id') : 'id';
	const value = getLocatorValue.call(this, parameterName, itemIndex, 'Event');
	const direct = eventIdIn(value);
	if (direct) return direct;
	if (mode !== 'url' && !looksLikeUrl(value)) {
		throw new NodeOperationError(this.getNode(), `"${value}" is not an event ID (evt-...) or a luma.com event URL`, {
			itemIndex,
		});
	}
	const slug = eventSlugOf(value);
	if (slug === undefined) {
		const valid = URL.canParse(value);
		throw new NodeOperationError(this.getNode(), valid ? `The URL "${value}" has no event slug` : `"${value}" is not a valid URL`, { itemIndex });
	}
	const eventId = await eventIdForSlug(this, slug, itemIndex);
	if (!eventId) {
		throw new NodeOperationError(this.getNode(), `No Luma event found for the URL "${value}"`, { itemIndex });
	}
	return eventId;
}
