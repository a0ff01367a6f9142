import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { pick } from '../../../shared/objects';

/** Calendar settings shared by Update and Create Organization Calendar. */
export const calendarOptionalFields: INodeProperties[] = [
	{ displayName: 'Avatar URL', name: 'avatar_url', type: 'string', default: '', description: "Image on Luma's CDN (Image → Upload)" },
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
	{ displayName: 'Website', name: 'website', type: 'string', default: '' },
];

export function readCalendarFields(fields: IDataObject): IDataObject {
	const body = pick(fields, ['avatar_url', 'description', 'launch_status', 'slug', 'tint_color', 'website']);
	for (const key of ['avatar_url', 'slug', 'website']) if (body[key] === '') delete body[key];
	return body;
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
