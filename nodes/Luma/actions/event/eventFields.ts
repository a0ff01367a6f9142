import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { pick } from '../../../shared/objects';
import { lumaApiRequest } from '../../../shared/transport';
import { describeValue } from '../../../shared/validation/values';
import { readJson, toLumaDateTime } from '../common/fields';
import { ID_FORMS, readColor, readId, readNumber, readText, readUrl } from '../common/inputs';

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
			'Questions guests answer when registering, as a JSON list. Every question needs an ID (any text you choose), a label, a question_type (e.g. company) and required (true or false). Replaces the existing questions.',
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

/** Every question variant in Luma's OpenAPI document requires id, label, required and question_type. */
const registrationQuestions = z.array(
	z
		.object({
			id: z.string().min(1),
			label: z.string().min(1),
			question_type: z.string().min(1),
			required: z.boolean(),
			options: z.array(z.string()).max(250).optional(),
		})
		.passthrough(),
);

/** Luma stores event covers on its CDN only (the `cover_url` pattern in Luma's OpenAPI document). */
const LUMA_CDN = /^https:\/\/images\.lumacdn\.com\/\S+$/;
const EVENT_SLUG = /^[A-Za-z0-9-]{3,50}$/;

/**
 * Maps the collection's values to Luma's body keys; date-times read in `timeZone`. Only what the
 * user set is sent; optional text left empty is not sent.
 */
export function readEventFields(this: IExecuteFunctions, itemIndex: number, fields: IDataObject, timeZone: string): IDataObject {
	const body: IDataObject = pick(fields, [
		'can_register_for_multiple_tickets',
		'name_requirement',
		'phone_number_requirement',
		'reminders_disabled',
		'show_guest_list',
		'visibility',
	]);
	const description = readText(this, itemIndex, fields.description_md, 'Description (Markdown)');
	if (description) body.description_md = description;
	const meetingUrl = readUrl(this, itemIndex, fields.meeting_url, 'Meeting URL', 'link');
	if (meetingUrl) body.meeting_url = meetingUrl;
	const coverUrl = readText(this, itemIndex, fields.cover_url, 'Cover Image URL');
	if (coverUrl) {
		if (!LUMA_CDN.test(coverUrl)) {
			throw new NodeOperationError(this.getNode(), `Cover Image URL must be an image on Luma's CDN (https://images.lumacdn.com/…), got ${describeValue(coverUrl)}`, {
				itemIndex,
				description: 'Upload the image with Image → Upload (or pick one with Image → Search) and pass its URL',
			});
		}
		body.cover_url = coverUrl;
	}
	const tint = readColor(this, itemIndex, fields.tint_color, 'Tint Color');
	if (tint) body.tint_color = tint;
	if (fields.end_at) body.end_at = toLumaDateTime.call(this, itemIndex, fields.end_at, 'End', timeZone);
	const maxCapacity = readNumber(this, itemIndex, fields.max_capacity, 'Max Capacity');
	if (maxCapacity !== undefined) body.max_capacity = maxCapacity;
	if (fields.feedback_email !== undefined) body.feedback_email = { enabled: fields.feedback_email === true };
	const slug = readText(this, itemIndex, fields.slug, 'Slug');
	if (slug) {
		if (!EVENT_SLUG.test(slug)) throw new NodeOperationError(this.getNode(), `Slug must be 3 to 50 letters, digits or dashes, got ${describeValue(slug)}`, { itemIndex });
		body.slug = slug;
	}
	const placeId = readId(this, itemIndex, fields.place_id, 'Place ID', ID_FORMS.place);
	const address = readText(this, itemIndex, fields.address, 'Address');
	if (placeId) body.geo_address_json = { type: 'google', place_id: placeId };
	else if (address) body.geo_address_json = { type: 'manual', address };
	if (fields.registration_questions !== undefined) {
		body.registration_questions = readJson.call(this, itemIndex, fields.registration_questions, registrationQuestions, 'Registration Questions') as IDataObject[];
	}
	return body;
}

/** The summary Simplify returns for events. */
export const EVENT_SUMMARY_KEYS = ['id', 'name', 'start_at', 'end_at', 'timezone', 'url', 'visibility', 'location_type', 'meeting_url', 'calendar_id', 'tags'];

/** GET /v1/events/get → Event (with hosts). */
export async function getEvent(this: IExecuteFunctions, itemIndex: number, eventId: string): Promise<IDataObject> {
	return (await lumaApiRequest(this, 'events', { method: 'GET', path: '/v1/events/get', qs: { event_id: eventId }, itemIndex })) as IDataObject;
}
