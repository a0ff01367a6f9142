import type { IDataObject } from 'n8n-workflow';

import { kindOf } from '../shared/events/webhookTypes';
import { isJsonObject, pick } from '../shared/objects';

/**
 * Luma webhook payloads. Required keys come from the `webhooks` section of Luma's
 * OpenAPI document (https://public-api.luma.com/openapi.json; the repository's copy is
 * test/simulator/luma-events/openapi.json); keys the spec marks deprecated
 * (`geo_latitude`, `geo_longitude`, `custom_source`, `api_id`) are not required, so a delivery
 * is not refused the day Luma stops sending them. Extra keys are always accepted.
 */

/** Event (webhook form): spec `event.*` data and `data.event` of guest payloads. */
export const EVENT_KEYS = [
	'platform',
	'id',
	'user_id',
	'calendar_id',
	'start_at',
	'duration_interval',
	'end_at',
	'created_at',
	'timezone',
	'name',
	'description',
	'description_md',
	'geo_address_json',
	'coordinate',
	'meeting_url',
	'location_type',
	'location_visibility',
	'cover_url',
	'url',
	'visibility',
	'waitlist_status',
	'feedback_email',
	'tags',
];

export const GUEST_KEYS = [
	'id',
	'user_id',
	'user_email',
	'user_name',
	'user_first_name',
	'user_last_name',
	'approval_status',
	'check_in_qr_code',
	'eth_address',
	'invited_at',
	'joined_at',
	'phone_number',
	'registered_at',
	'registration_answers',
	'solana_address',
	'utm_source',
	'event_tickets',
	'event_ticket_orders',
	'event',
];

export const TICKET_KEYS = [
	'id',
	'amount',
	'amount_discount',
	'amount_tax',
	'currency',
	'checked_in_at',
	'event_ticket_type_id',
	'is_captured',
	'name',
];

export const PERSON_KEYS = [
	'id',
	'created_at',
	'event_approved_count',
	'event_checked_in_count',
	'revenue_usd_cents',
	'tags',
	'membership',
	'email',
	'user',
];

export const CALENDAR_EVENT_KEYS: Record<'luma' | 'external', string[]> = {
	luma: ['platform', 'id', 'name', 'url', 'cover_url', 'start_at', 'end_at', 'timezone', 'calendar', 'hosts'],
	external: ['platform', 'id', 'name', 'url', 'start_at', 'end_at', 'timezone', 'host_name'],
};


/** Problems with one object: missing keys, and an `id` that is not a non-empty string. */
function checkObject(value: unknown, keys: string[], path: string): string[] {
	if (!isJsonObject(value)) return [`${path} is not an object`];
	const problems = keys.filter((key) => !(key in value)).map((key) => `${path}.${key} is missing`);
	if (keys.includes('id') && 'id' in value && (typeof value.id !== 'string' || !value.id)) {
		problems.push(`${path}.id is not a string`);
	}
	return problems;
}

export interface Delivery {
	type: string;
	data: IDataObject;
}

export type PayloadCheck = { ok: true; delivery: Delivery } | { ok: false; problems: string[] };

/** Checks the envelope `{ type, data }` and, for documented types, the keys the spec requires. */
export function checkPayload(body: unknown): PayloadCheck {
	if (!isJsonObject(body)) return { ok: false, problems: ['the body is not a JSON object'] };
	if (typeof body.type !== 'string' || !body.type) return { ok: false, problems: ['type is missing'] };
	if (!isJsonObject(body.data)) return { ok: false, problems: ['data is not an object'] };
	const { type, data } = { type: body.type, data: body.data };
	let problems: string[] = [];
	switch (kindOf(type)) {
		case 'event':
			problems = checkObject(data, EVENT_KEYS, 'data');
			break;
		case 'guest':
		case 'ticket':
			// guest.refunded came after the spec snapshot: only its identifiers are required.
			if (type === 'guest.refunded') {
				problems = checkObject(data, ['id', 'event'], 'data');
				if (!problems.length) problems = checkObject(data.event, ['id'], 'data.event');
				break;
			}
			problems = [...checkObject(data, GUEST_KEYS, 'data'), ...checkObject(data.event, EVENT_KEYS, 'data.event')];
			if (type === 'ticket.registered') problems.push(...checkObject(data.event_ticket, TICKET_KEYS, 'data.event_ticket'));
			break;
		case 'person':
			problems = checkObject(data, PERSON_KEYS, 'data');
			break;
		case 'calendarEvent':
			if (data.platform !== 'luma' && data.platform !== 'external') {
				problems = ['data.platform is neither "luma" nor "external"'];
			} else {
				problems = checkObject(data, CALENDAR_EVENT_KEYS[data.platform], 'data');
			}
			break;
		default:
			// Types without a published schema (calendar.event.submitted, calendar.person.unsubscribed)
			// and future types: the envelope is all that can be checked.
			break;
	}
	return problems.length ? { ok: false, problems } : { ok: true, delivery: { type, data } };
}

/** The Luma event a delivery is about, when it is about one. */
export function eventIdOf({ type, data }: Delivery): string | undefined {
	const event = isJsonObject(data.event) ? data.event : undefined;
	const candidates: unknown[] = [];
	switch (kindOf(type)) {
		case 'event':
		case 'calendarEvent':
			candidates.push(data.id);
			break;
		case 'guest':
		case 'ticket':
			candidates.push(event?.id, data.event_id);
			break;
		default:
			candidates.push(event?.id, data.event_id, typeof data.id === 'string' && data.id.startsWith('evt-') ? data.id : undefined);
	}
	const found = candidates.find((value) => typeof value === 'string' && value);
	return found as string | undefined;
}

function address(event: IDataObject): string | null {
	const geo = isJsonObject(event.geo_address_json) ? event.geo_address_json : undefined;
	return (geo?.full_address as string | undefined) ?? (geo?.address as string | undefined) ?? null;
}

function simplifyEvent(event: IDataObject): IDataObject {
	return {
		...pick(event, ['id', 'name', 'start_at', 'end_at', 'timezone', 'url', 'visibility', 'calendar_id', 'meeting_url']),
		location: address(event),
	};
}

function simplifyTicket(ticket: IDataObject): IDataObject {
	return pick(ticket, ['id', 'name', 'amount', 'currency', 'event_ticket_type_id', 'checked_in_at']);
}

/** A flat summary of the payload for users who want names, emails and dates, not the whole object. */
export function simplifyData(type: string, data: IDataObject): IDataObject {
	switch (kindOf(type)) {
		case 'event':
			return simplifyEvent(data);
		case 'guest':
		case 'ticket': {
			const event = isJsonObject(data.event) ? data.event : {};
			const tickets = Array.isArray(data.event_tickets) ? (data.event_tickets as IDataObject[]) : [];
			const out: IDataObject = {
				...pick(data, ['id', 'user_email', 'user_name', 'user_first_name', 'user_last_name', 'approval_status', 'registered_at']),
				event_id: event.id ?? data.event_id ?? null,
				event_name: event.name ?? null,
				event_start_at: event.start_at ?? null,
				ticket_count: tickets.length,
				checked_in_at: tickets.map((ticket) => ticket.checked_in_at).find((value) => value) ?? null,
			};
			if (isJsonObject(data.event_ticket)) out.ticket = simplifyTicket(data.event_ticket);
			if (isJsonObject(data.refund)) out.refund = data.refund;
			return out;
		}
		case 'person': {
			const user = isJsonObject(data.user) ? data.user : {};
			const membership = isJsonObject(data.membership) ? data.membership : undefined;
			return {
				...pick(data, ['id', 'email', 'created_at', 'event_approved_count', 'event_checked_in_count']),
				name: user.name ?? null,
				membership_status: membership?.status ?? null,
			};
		}
		case 'calendarEvent':
			return pick(data, ['id', 'platform', 'name', 'url', 'start_at', 'end_at', 'timezone']);
		default:
			return data;
	}
}
