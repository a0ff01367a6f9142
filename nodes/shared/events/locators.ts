import type { INodeProperties } from 'n8n-workflow';

/**
 * Resource locators for IDs users would otherwise copy by hand. Each offers "From List" (a search
 * that pages through the API: see listSearch/), "By ID" (validated prefix) and, for events, "By URL".
 * The Event locator is used by the Luma Events node and by the Luma Events Trigger.
 */

export interface LocatorSpec {
	displayName: string;
	name: string;
	/** Method name in listSearch/. */
	searchListMethod: string;
	idPrefix: string;
	placeholder: string;
	description?: string;
	required?: boolean;
	/** Also accept a luma.com / lu.ma link (events). */
	withUrlMode?: boolean;
	/** Where Luma takes a name in place of the ID (tag apply/unapply), "By ID" accepts one too. */
	acceptsName?: boolean;
}

function idValidation(spec: LocatorSpec) {
	const prefixes = spec.idPrefix ? `"${spec.idPrefix.replace(/[()]/g, '').replace('|', '" or "')}"` : '';
	const id = `${spec.idPrefix}[A-Za-z0-9_-]+`;
	if (spec.acceptsName) {
		// A name: some text besides spaces, and no comma (the field names one tag).
		return { regex: `^(${id}|[^,]*[^\\s,][^,]*)$`, errorMessage: `Not an ID (it starts with ${prefixes}) or a name` };
	}
	return { regex: `^${id}$`, errorMessage: spec.idPrefix ? `Not a valid ID: it starts with ${prefixes}` : 'Not a valid ID' };
}

export function resourceLocator(spec: LocatorSpec): INodeProperties {
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
						properties: idValidation(spec),
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
	return resourceLocator({
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
