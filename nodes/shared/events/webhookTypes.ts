import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * Luma's webhook event types: one list for the Luma Events node (Webhook → Create/Update) and the
 * Luma Events Trigger, with one reader. Every type Luma documents: the 2026-08 OpenAPI document's
 * eight plus the three added later (test/simulator/luma-events/README.md).
 */

export type PayloadKind = 'event' | 'guest' | 'ticket' | 'person' | 'calendarEvent' | 'other';

interface WebhookType {
	value: string;
	name: string;
	description: string;
	kind: PayloadKind;
}

/** Sorted by name. */
export const WEBHOOK_TYPES: WebhookType[] = [
	{
		value: 'calendar.event.added',
		name: 'Calendar Event Added',
		description: 'An event appears on the calendar: managed, syndicated or external',
		kind: 'calendarEvent',
	},
	{
		value: 'calendar.event.submitted',
		name: 'Calendar Event Submitted',
		description: 'Someone submits an event to the calendar for approval',
		kind: 'other',
	},
	{
		value: 'calendar.person.subscribed',
		name: 'Calendar Person Subscribed',
		description: 'Someone subscribes to (follows) the calendar',
		kind: 'person',
	},
	{
		value: 'calendar.person.unsubscribed',
		name: 'Calendar Person Unsubscribed',
		description: 'Someone unsubscribes from the calendar',
		kind: 'other',
	},
	{ value: 'event.canceled', name: 'Event Canceled', description: 'An event is canceled', kind: 'event' },
	{ value: 'event.created', name: 'Event Created', description: 'A new event is created on the calendar', kind: 'event' },
	{
		value: 'event.updated',
		name: 'Event Updated',
		description: "An event's details change (name, time, location...); not sent for guest registrations",
		kind: 'event',
	},
	{ value: 'guest.refunded', name: 'Guest Refunded', description: 'A guest is refunded', kind: 'guest' },
	{
		value: 'guest.registered',
		name: 'Guest Registered',
		description:
			'Once per person who registers (re-registrations after cancelling included). Use this for "one run per guest".',
		kind: 'guest',
	},
	{
		value: 'guest.updated',
		name: 'Guest Updated',
		description:
			"A guest's registration changes (approval, check-in, answers, profile). Also fires when a guest registers.",
		kind: 'guest',
	},
	{
		value: 'ticket.registered',
		name: 'Ticket Registered',
		description: 'Once per ticket: a guest who gets 3 tickets fires it 3 times. Use this for "one run per ticket".',
		kind: 'ticket',
	},
];

export const ALL_TYPES = '*';

const KIND_BY_TYPE = new Map(WEBHOOK_TYPES.map((type) => [type.value, type.kind]));

export function isKnownType(type: string): boolean {
	return KIND_BY_TYPE.has(type);
}

export function kindOf(type: string): PayloadKind {
	return KIND_BY_TYPE.get(type) ?? 'other';
}

/** The options of an "event types" picker: "all" first, then every type. */
export const webhookTypeOptions: INodePropertyOptions[] = [
	{ name: 'All Event Types (*)', value: ALL_TYPES, description: 'Every type, including types Luma adds later' },
	...WEBHOOK_TYPES.map(({ name, value, description }) => ({ name, value, description })),
];

/**
 * The selected types as Luma wants them: `['*']` alone when it is selected (it covers the others),
 * else the distinct types, sorted. A list set by an expression may also be comma-separated text.
 */
export function readWebhookTypes(value: unknown): { types: string[] } | { problem: string } {
	const types = (Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [])
		.map((type) => String(type).trim())
		.filter(Boolean);
	if (types.length === 0) return { problem: 'select at least one event type' };
	const unknown = types.find((type) => type !== ALL_TYPES && !isKnownType(type));
	if (unknown !== undefined) return { problem: `"${unknown.slice(0, 100)}" is not a Luma webhook event type` };
	return { types: types.includes(ALL_TYPES) ? [ALL_TYPES] : [...new Set(types)].sort() };
}

