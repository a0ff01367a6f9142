import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { lumaApiRequest } from '../../../shared/transport';

/**
 * Resource locators for IDs users would otherwise copy by hand. Each offers "From List" (a search
 * that pages through the API: see methods/), "By ID" (validated prefix) and, for events, "By URL".
 */

interface LocatorSpec {
	displayName: string;
	name: string;
	/** listSearch method name in methods/. */
	searchListMethod: string;
	idPrefix: string;
	placeholder: string;
	description?: string;
	required?: boolean;
	/** Also accept a luma.com / lu.ma link (events). */
	withUrlMode?: boolean;
}

function locator(spec: LocatorSpec): INodeProperties {
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: spec.required ?? true,
		description: spec.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true, searchFilterRequired: false },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: spec.placeholder,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: `^${spec.idPrefix}[A-Za-z0-9_-]+$`,
							errorMessage: spec.idPrefix
								? `Not a valid ID: it starts with "${spec.idPrefix.replace(/[()]/g, '').replace('|', '" or "')}"`
								: 'Not a valid ID',
						},
					},
				],
			},
			...(spec.withUrlMode
				? [
						{
							displayName: 'By URL',
							name: 'url',
							type: 'string' as const,
							placeholder: 'https://luma.com/my-event-slug',
							validation: [
								{
									type: 'regex' as const,
									properties: {
										regex: '^https?://(www\\.)?(luma\\.com|lu\\.ma)/.+',
										errorMessage: 'Not a luma.com or lu.ma URL',
									},
								},
							],
						},
					]
				: []),
		],
	};
}

/** Event: from a searchable list, by ID (evt-...), or by a luma.com / lu.ma event URL. */
export function eventLocator(overrides: Partial<LocatorSpec> = {}): INodeProperties {
	return locator({
		displayName: 'Event',
		name: 'eventId',
		searchListMethod: 'searchEvents',
		idPrefix: 'evt-',
		placeholder: 'evt-AbC123xyz',
		description: 'The Luma event',
		withUrlMode: true,
		...overrides,
	});
}

export const calendarLocator = (overrides: Partial<LocatorSpec> = {}) =>
	locator({
		displayName: 'Calendar',
		name: 'calendarId',
		searchListMethod: 'searchCalendars',
		idPrefix: 'cal-',
		placeholder: 'cal-AbC123xyz',
		...overrides,
	});

export const ticketTypeLocator = (overrides: Partial<LocatorSpec> = {}) =>
	locator({
		displayName: 'Ticket Type',
		name: 'ticketTypeId',
		searchListMethod: 'searchTicketTypes',
		// Luma documents ttype-..., older data shows evtticktyp-...: accept both.
		idPrefix: '(ttype-|evtticktyp-)',
		placeholder: 'ttype-AbC123xyz',
		...overrides,
	});

export const contactTagLocator = (overrides: Partial<LocatorSpec> = {}) =>
	locator({
		displayName: 'Contact Tag',
		name: 'tagId',
		searchListMethod: 'searchContactTags',
		idPrefix: 'tag-',
		placeholder: 'tag-AbC123xyz',
		...overrides,
	});

export const eventTagLocator = (overrides: Partial<LocatorSpec> = {}) =>
	locator({
		displayName: 'Event Tag',
		name: 'tagId',
		searchListMethod: 'searchEventTags',
		idPrefix: 'tag-',
		placeholder: 'tag-AbC123xyz',
		...overrides,
	});

export const webhookLocator = (overrides: Partial<LocatorSpec> = {}) =>
	locator({
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

const EVENT_ID_IN_TEXT = /\b(evt-[A-Za-z0-9]+)\b/;

/**
 * The event ID from the Event locator. A URL that carries the ID (manage pages) is read directly;
 * a public URL (luma.com/<slug>) is resolved with Luma's entity lookup, so pasting the link a user
 * shares just works.
 */
export async function resolveEventId(this: IExecuteFunctions, itemIndex: number, parameterName = 'eventId'): Promise<string> {
	const raw = this.getNodeParameter(parameterName, itemIndex) as IDataObject | string;
	const mode = typeof raw === 'object' && raw !== null ? String(raw.mode ?? 'id') : 'id';
	const value = getLocatorValue.call(this, parameterName, itemIndex, 'Event');
	const direct = EVENT_ID_IN_TEXT.exec(value);
	if (direct) return direct[1];
	if (mode !== 'url' && !/^https?:\/\//.test(value)) {
		throw new NodeOperationError(this.getNode(), `"${value}" is not an event ID (evt-...) or a luma.com event URL`, {
			itemIndex,
		});
	}
	let slug: string;
	try {
		slug = new URL(value).pathname.split('/').filter(Boolean).pop() ?? '';
	} catch {
		throw new NodeOperationError(this.getNode(), `"${value}" is not a valid URL`, { itemIndex });
	}
	if (!slug) throw new NodeOperationError(this.getNode(), `The URL "${value}" has no event slug`, { itemIndex });
	const found = (await lumaApiRequest.call(this, 'events', {
		method: 'GET',
		path: '/v1/entities/lookup',
		qs: { slug },
		itemIndex,
	})) as IDataObject;
	const entity = found.entity as IDataObject | null | undefined;
	const event = entity?.type === 'event' ? (entity.event as IDataObject | undefined) : undefined;
	if (!event?.id) {
		throw new NodeOperationError(this.getNode(), `No Luma event found for the URL "${value}"`, { itemIndex });
	}
	return String(event.id);
}
