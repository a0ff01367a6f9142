import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pick } from '../../../shared/objects';
import { allowsPrivateUrls, ID_FORMS, readColor, readText, readUrl, requireId } from '../common/inputs';

/** Calendar settings shared by Update and Create Organization Calendar. */
export const calendarOptionalFields: INodeProperties[] = [
	{ displayName: 'Avatar URL', name: 'avatar_url', type: 'string', default: '', description: "The calendar's avatar image: upload it with Image → Upload and pass its file_url (Luma fetches it, so it must be a public http(s) URL)" },
	{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '' },
	{
		displayName: 'Launch Status',
		name: 'launch_status',
		type: 'options',
		options: [
			{ name: 'Launched', value: 'launched' },
			{ name: 'Coming Soon', value: 'coming-soon' },
			{ name: 'Archived', value: 'archived' },
		],
		default: 'launched',
	},
	{ displayName: 'Slug', name: 'slug', type: 'string', default: '', description: 'The luma.com/&lt;slug&gt; address of the calendar' },
	{ displayName: 'Tint Color', name: 'tint_color', type: 'color', default: '#6366f1' },
	{ displayName: 'Website', name: 'website', type: 'string', default: '', placeholder: 'https://example.com', description: 'An http(s) link shown on the calendar page' },
];

/** The settings the user set, as Luma's keys; optional text left empty is not sent. */
export function readCalendarFields(this: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const body = pick(fields, ['launch_status']);
	const text: Record<string, string | undefined> = {
		avatar_url: readUrl(this, itemIndex, fields.avatar_url, 'Avatar URL', 'fetchedByLuma', allowsPrivateUrls(this, itemIndex)),
		description: readText(this, itemIndex, fields.description, 'Description'),
		slug: readText(this, itemIndex, fields.slug, 'Slug'),
		tint_color: readColor(this, itemIndex, fields.tint_color, 'Tint Color'),
		website: readUrl(this, itemIndex, fields.website, 'Website', 'link'),
	};
	for (const [key, value] of Object.entries(text)) if (value) body[key] = value;
	return body;
}

/** The Calendar Event ID field's value: a submission (calev-…) or an event ID. */
export function readCalendarEventId(this: IExecuteFunctions, itemIndex: number): string {
	return requireId(this, itemIndex, this.getNodeParameter('calendarEventId', itemIndex), 'Calendar Event ID', ID_FORMS.calendarEvent);
}

export const calendarEventIdField: INodeProperties = {
	displayName: 'Calendar Event ID',
	name: 'calendarEventId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'calev-... or evt-...',
	description: 'The submission (calev-..., from Lookup Event or Add Event) or the event ID (evt-...)',
};
