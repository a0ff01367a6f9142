import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { pick } from '../../../shared/objects';
import { lumaApiRequest } from '../../../shared/transport';
import { readJson, toLumaDateTime } from '../common/fields';

/** The optional event fields shared by Create (Additional Fields) and Update (Update Fields). */
export const eventOptionalFields: INodeProperties[] = [
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		default: '',
		placeholder: '1 Main St, Berlin',
		description: 'Venue address as free text. To use a Google Maps place instead, set Place ID (see Place → Search).',
	},
	{
		displayName: 'Allow Multiple Tickets',
		name: 'can_register_for_multiple_tickets',
		type: 'boolean',
		default: false,
		description: 'Whether a guest may buy or register for more than one ticket',
	},
	{
		displayName: 'Cover Image URL',
		name: 'cover_url',
		type: 'string',
		default: '',
		description: "Must be an image on Luma's CDN: use Image → Upload or Image → Search first and pass its URL",
	},
	{
		displayName: 'Description (Markdown)',
		name: 'description_md',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
	},
	{
		displayName: 'End',
		name: 'end_at',
		type: 'dateTime',
		default: '',
		description: 'When the event ends (read in the event time zone unless it carries an offset). Default: one hour after the start.',
	},
	{
		displayName: 'Feedback Email',
		name: 'feedback_email',
		type: 'boolean',
		default: false,
		description: 'Whether Luma emails attendees a feedback request after the event',
	},
	{
		displayName: 'Hide Reminders',
		name: 'reminders_disabled',
		type: 'boolean',
		default: false,
		description: 'Whether to turn off the reminder emails Luma sends before the event',
	},
	{
		displayName: 'Max Capacity',
		name: 'max_capacity',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 100,
		description: 'Registrations close (or go to the waitlist) at this many guests',
	},
	{
		displayName: 'Meeting URL',
		name: 'meeting_url',
		type: 'string',
		default: '',
		placeholder: 'https://zoom.us/j/123',
		description: 'Online events: the Zoom, Meet or other link guests get',
	},
	{
		displayName: 'Name Requirement',
		name: 'name_requirement',
		type: 'options',
		options: [
			{ name: 'Full Name', value: 'full-name' },
			{ name: 'First and Last Name', value: 'first-last' },
		],
		default: 'full-name',
	},
	{
		displayName: 'Phone Number',
		name: 'phone_number_requirement',
		type: 'options',
		options: [
			{ name: 'Optional', value: 'optional' },
			{ name: 'Required', value: 'required' },
		],
		default: 'optional',
		description: 'Whether guests are asked for a phone number',
	},
	{
		displayName: 'Place ID',
		name: 'place_id',
		type: 'string',
		default: '',
		description: 'A Google Maps place ID from Place → Search; takes precedence over Address',
	},
	{
		displayName: 'Registration Questions (JSON)',
		name: 'registration_questions',
		type: 'json',
		default: '[]',
		description:
			'Questions guests answer when registering, e.g. [{"label":"Company","question_type":"company","required":false}]. Replaces the existing questions.',
	},
	{
		displayName: 'Show Guest List',
		name: 'show_guest_list',
		type: 'boolean',
		default: true,
		description: 'Whether guests can see who else is going',
	},
	{
		displayName: 'Slug',
		name: 'slug',
		type: 'string',
		default: '',
		placeholder: 'my-event',
		description: 'The luma.com/&lt;slug&gt; address, 3–50 characters; must not be taken',
	},
	{
		displayName: 'Tint Color',
		name: 'tint_color',
		type: 'color',
		default: '#6366f1',
	},
	{
		displayName: 'Visibility',
		name: 'visibility',
		type: 'options',
		options: [
			{ name: 'Public', value: 'public', description: 'Listed on the calendar and open to anyone with the link' },
			{ name: 'Members Only', value: 'members-only', description: 'Only calendar members can see and register' },
			{ name: 'Private', value: 'private', description: 'Only people with the link' },
		],
		default: 'public',
	},
];

const registrationQuestions = z.array(
	z
		.object({
			label: z.string().min(1),
			question_type: z.string().min(1),
			required: z.boolean().optional(),
			id: z.string().optional(),
			options: z.array(z.string()).max(250).optional(),
		})
		.passthrough(),
);

/** Maps the collection's values to Luma's body keys; date-times read in `timeZone`. */
export function readEventFields(this: IExecuteFunctions, itemIndex: number, fields: IDataObject, timeZone: string): IDataObject {
	const body: IDataObject = pick(fields, [
		'can_register_for_multiple_tickets',
		'cover_url',
		'description_md',
		'meeting_url',
		'name_requirement',
		'phone_number_requirement',
		'reminders_disabled',
		'show_guest_list',
		'tint_color',
		'visibility',
	]);
	for (const key of ['cover_url', 'meeting_url', 'description_md'] as const) if (body[key] === '') delete body[key];
	if (fields.end_at) body.end_at = toLumaDateTime.call(this, itemIndex, fields.end_at, 'End', timeZone);
	if (fields.max_capacity !== undefined) body.max_capacity = Math.floor(Number(fields.max_capacity));
	if (fields.feedback_email !== undefined) body.feedback_email = { enabled: Boolean(fields.feedback_email) };
	if (typeof fields.slug === 'string' && fields.slug.trim()) {
		const slug = fields.slug.trim();
		if (!/^[A-Za-z0-9-]{3,50}$/.test(slug)) {
			throw new NodeOperationError(this.getNode(), 'Slug must be 3 to 50 letters, digits or dashes', { itemIndex });
		}
		body.slug = slug;
	}
	if (typeof fields.place_id === 'string' && fields.place_id.trim()) body.geo_address_json = { type: 'google', place_id: fields.place_id.trim() };
	else if (typeof fields.address === 'string' && fields.address.trim()) body.geo_address_json = { type: 'manual', address: fields.address.trim() };
	if (fields.registration_questions !== undefined) {
		body.registration_questions = readJson.call(this, itemIndex, fields.registration_questions, registrationQuestions, 'Registration Questions') as IDataObject[];
	}
	if (typeof body.cover_url === 'string' && !/^https:\/\//.test(body.cover_url)) {
		throw new NodeOperationError(this.getNode(), 'Cover Image URL must be an https:// URL (upload it with Image → Upload)', { itemIndex });
	}
	return body;
}

/** The summary Simplify returns for events. */
export const EVENT_SUMMARY_KEYS = ['id', 'name', 'start_at', 'end_at', 'timezone', 'url', 'visibility', 'location_type', 'meeting_url', 'calendar_id', 'tags'];

/** GET /v1/events/get → Event (with hosts). */
export async function getEvent(this: IExecuteFunctions, itemIndex: number, eventId: string): Promise<IDataObject> {
	return (await lumaApiRequest(this, 'events', { method: 'GET', path: '/v1/events/get', qs: { event_id: eventId }, itemIndex })) as IDataObject;
}
