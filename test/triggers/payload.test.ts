import { CALENDAR_EVENT_KEYS, checkPayload, EVENT_KEYS, eventIdOf, GUEST_KEYS, PERSON_KEYS, simplifyData, TICKET_KEYS } from '../../nodes/LumaTrigger/payload';
import { WEBHOOK_TYPES } from '../../nodes/shared/events/webhookTypes';
import { loadOpenApiDocument } from '../simulator/luma-events/openapiDocument';

/** Luma's own OpenAPI document: the payload checks must follow its `webhooks` section. */
const spec = loadOpenApiDocument() as {
	webhooks: Record<string, { post: { requestBody: { content: { 'application/json': { schema: any } } } } }>;
};
const DEPRECATED = new Set(['geo_latitude', 'geo_longitude', 'custom_source', 'api_id']);

function dataSchema(type: string) {
	return spec.webhooks[type].post.requestBody.content['application/json'].schema.properties.data;
}
const required = (schema: any) => (schema.required as string[]).filter((key) => !DEPRECATED.has(key)).sort();

describe('webhook payload checks follow the spec', () => {
	it('covers every webhook type of the spec', () => {
		const ours = new Set(WEBHOOK_TYPES.map((type) => type.value));
		for (const type of Object.keys(spec.webhooks)) expect(ours.has(type)).toBe(true);
	});

	it.each(['event.created', 'event.updated', 'event.canceled'])('%s requires the spec keys', (type) => {
		expect([...EVENT_KEYS].sort()).toEqual(required(dataSchema(type)));
	});

	it.each(['guest.registered', 'guest.updated', 'ticket.registered'])('%s requires the spec keys', (type) => {
		const schema = dataSchema(type);
		const ours = type === 'ticket.registered' ? [...GUEST_KEYS, 'event_ticket'] : GUEST_KEYS;
		expect([...ours].sort()).toEqual(required(schema));
		expect([...EVENT_KEYS].sort()).toEqual(required(schema.properties.event));
		if (type === 'ticket.registered') expect([...TICKET_KEYS].sort()).toEqual(required(schema.properties.event_ticket));
	});

	it('calendar.person.subscribed and both calendar.event.added variants require the spec keys', () => {
		expect([...PERSON_KEYS].sort()).toEqual(required(dataSchema('calendar.person.subscribed')));
		const [luma, external] = dataSchema('calendar.event.added').anyOf;
		expect([...CALENDAR_EVENT_KEYS.luma].sort()).toEqual(required(luma));
		expect([...CALENDAR_EVENT_KEYS.external].sort()).toEqual(required(external));
	});
});

const event = Object.fromEntries(EVENT_KEYS.map((key) => [key, key === 'id' ? 'evt-1' : null]));

describe('checkPayload', () => {
	it('accepts a complete payload with extra and without deprecated keys', () => {
		const result = checkPayload({ type: 'event.created', data: { ...event, brand_new_field: 1 } });
		expect(result.ok).toBe(true);
	});

	it('names what is missing', () => {
		const { name: _name, ...rest } = event;
		const result = checkPayload({ type: 'event.updated', data: rest });
		expect(result).toEqual({ ok: false, problems: ['data.name is missing'] });
		expect(checkPayload({ type: 'guest.registered', data: { id: 'gst-1' } }).ok).toBe(false);
		expect(checkPayload({ type: 'event.created', data: { ...event, id: 5 } })).toEqual({
			ok: false,
			problems: ['data.id is not a string'],
		});
	});

	it('refuses bodies that are not { type, data }', () => {
		expect(checkPayload(undefined).ok).toBe(false);
		expect(checkPayload({ data: {} }).ok).toBe(false);
		expect(checkPayload({ type: 'event.created', data: [] }).ok).toBe(false);
	});

	it('accepts unknown future types with any data object', () => {
		expect(checkPayload({ type: 'event.sparkled', data: { id: 'x' } }).ok).toBe(true);
	});

	it('finds the event a delivery is about', () => {
		expect(eventIdOf({ type: 'event.created', data: event })).toBe('evt-1');
		expect(eventIdOf({ type: 'guest.updated', data: { id: 'gst-1', event: { id: 'evt-2' } } })).toBe('evt-2');
		expect(eventIdOf({ type: 'calendar.person.subscribed', data: { id: 'cont-1' } })).toBeUndefined();
	});

	it('simplifies a ticket delivery', () => {
		const data = {
			id: 'gst-1',
			user_email: 'a@example.com',
			user_name: 'A',
			event: { id: 'evt-1', name: 'Launch', start_at: '2026-09-01T10:00:00.000Z' },
			event_tickets: [{ id: 't1', checked_in_at: null }],
			event_ticket: { id: 't1', name: 'GA', amount: 1000, currency: 'usd', event_ticket_type_id: 'ttype-1', checked_in_at: null },
		};
		expect(simplifyData('ticket.registered', data)).toMatchObject({
			id: 'gst-1',
			event_id: 'evt-1',
			event_name: 'Launch',
			ticket_count: 1,
			ticket: { id: 't1', name: 'GA', amount: 1000 },
		});
	});
});
