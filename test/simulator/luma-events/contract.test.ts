/**
 * Contract of the events simulator against Luma's OpenAPI document: every operation answers a valid
 * request with a response that validates against the document's 200 schema (checked here again,
 * independently of the simulator's own check), renames answer under both names, invalid requests get
 * 400 naming the field, auth and key scoping, pagination, rate limits and webhook deliveries.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { verifySignature } from '../../../nodes/LumaTrigger/signature';
import { startSimulator, type Simulator } from '../index';
import { loadSpec, ROUTE_ALIASES } from './spec';

type Call = { status: number; body: any; headers: Headers };

let sim: Simulator;
let key = 'contract-calendar-key';

async function call(method: string, path: string, payload?: unknown, apiKey: string | null = key): Promise<Call> {
	const headers: Record<string, string> = {};
	if (apiKey !== null) headers['x-luma-api-key'] = apiKey;
	if (payload !== undefined) headers['content-type'] = 'application/json';
	const response = await fetch(`${sim.eventsUrl}${path}`, { method, headers, body: payload === undefined ? undefined : JSON.stringify(payload) });
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}
const get = (path: string, apiKey?: string | null) => call('GET', path, undefined, apiKey);
const post = (path: string, payload: unknown, apiKey?: string | null) => call('POST', path, payload, apiKey);

/** Validates with a fresh compile of the spec's response schema (not the simulator's instance). */
function expectFitsSpec(method: string, path: string, body: unknown) {
	const { operations, ajv } = loadSpec();
	const operation = operations.get(`${method} ${path}`) ?? operations.get(ROUTE_ALIASES[`${method} ${path}`] ?? '');
	expect(operation).toBeDefined();
	const { $schema: _ignored, ...schema } = operation!.responseSchema;
	const validate = ajv.compile(schema);
	const ok = validate(body);
	if (!ok) throw new Error(`${method} ${path} response does not fit the spec: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
}

const covered = new Set<string>();
async function expectOk(method: 'GET' | 'POST', path: string, payload?: unknown, apiKey?: string): Promise<any> {
	const result = method === 'GET' ? await get(path, apiKey) : await post(path, payload ?? {}, apiKey);
	if (result.status !== 200) throw new Error(`${method} ${path} → ${result.status} ${JSON.stringify(result.body)}`);
	const route = path.split('?')[0];
	expectFitsSpec(method, route, result.body);
	covered.add(ROUTE_ALIASES[`${method} ${route}`] ?? `${method} ${route}`);
	return result.body;
}

beforeAll(async () => {
	sim = await startSimulator({ timeScale: 0.01, events: { rateLimit: { enabled: false } } });
});
afterAll(async () => {
	await sim.close();
});

describe('every operation answers and fits the spec', () => {
	it('events, guests, hosts, ticket types, coupons, cancellation', async () => {
		const state = sim.state;
		const big = state.bigEventId;
		await expectOk('GET', '/v1/users/get-self');
		await expectOk('GET', `/v1/events/get?event_id=${big}`);
		const created = await expectOk('POST', '/v1/events/create', {
			name: 'Contract Test Event',
			start_at: '2027-03-01T18:00:00.000Z',
			end_at: '2027-03-01T20:00:00.000Z',
			timezone: 'Europe/Berlin',
		});
		expect(created.id).toMatch(/^evt-/);
		await expectOk('POST', '/v1/events/update', { event_id: created.id, name: 'Contract Test Event (renamed)' });
		expect((await expectOk('GET', `/v1/events/get?event_id=${created.id}`)).name).toBe('Contract Test Event (renamed)');

		await expectOk('POST', '/v1/events/guests/add', { event_id: created.id, guests: [{ email: 'Ada@Example.com', name: 'Ada L' }, { email: 'alan@example.com' }] });
		const guests = await expectOk('GET', `/v1/events/guests/list?event_id=${created.id}`);
		expect(guests.entries.map((guest: any) => guest.user_email).sort()).toEqual(['ada@example.com', 'alan@example.com']);
		const ada = await expectOk('GET', `/v1/events/guests/get?event_id=${created.id}&id=ada@example.com`);
		await expectOk('GET', `/v1/events/guests/get?event_id=${created.id}&id=${ada.id}`);
		await expectOk('POST', '/v1/events/guests/update-status', { event_id: created.id, guest_id: ada.id, status: 'declined' });
		expect((await expectOk('GET', `/v1/events/guests/get?event_id=${created.id}&id=${ada.id}`)).approval_status).toBe('declined');
		await expectOk('POST', '/v1/events/guests/send-invites', { event_id: created.id, guests: [{ email: 'invitee@example.com' }] });
		expect((await expectOk('GET', `/v1/events/guests/get?event_id=${created.id}&id=invitee@example.com`)).approval_status).toBe('invited');

		await expectOk('POST', '/v1/events/hosts/add', { event_id: created.id, email: 'cohost@example.com', name: 'Co Host' });
		await expectOk('POST', '/v1/events/hosts/update', { event_id: created.id, email: 'cohost@example.com', access_level: 'check-in' });
		expect((await expectOk('GET', `/v1/events/get?event_id=${created.id}`)).hosts.map((host: any) => host.email)).toContain('cohost@example.com');
		await expectOk('POST', '/v1/events/hosts/remove', { event_id: created.id, email: 'cohost@example.com' });

		const types = await expectOk('GET', `/v1/events/ticket-types/list?event_id=${created.id}`);
		expect(types.entries).toHaveLength(1);
		const vip = await expectOk('POST', '/v1/events/ticket-types/create', { event_id: created.id, name: 'VIP', type: 'paid', cents: 5000, currency: 'usd' });
		await expectOk('GET', `/v1/events/ticket-types/get?event_ticket_type_id=${vip.id}`);
		expect((await expectOk('POST', '/v1/events/ticket-types/update', { event_ticket_type_id: vip.id, name: 'VIP+' })).name).toBe('VIP+');
		await expectOk('POST', '/v1/events/guests/update-tickets', { event_id: created.id, guest_id: ada.id, tickets_to_add: [{ event_ticket_type_id: vip.id }] });
		const spare = await expectOk('POST', '/v1/events/ticket-types/create', { event_id: created.id, name: 'Spare', type: 'free' });
		await expectOk('POST', '/v1/events/ticket-types/delete', { event_ticket_type_id: spare.id });

		const coupon = await expectOk('POST', '/v1/events/coupons/create', { event_id: created.id, code: 'contract10', discount: { discount_type: 'percent', percent_off: 10 } });
		expect(coupon.code).toBe('CONTRACT10');
		await expectOk('POST', '/v1/events/coupons/update', { event_id: created.id, code: 'contract10', remaining_count: 5 });
		expect((await expectOk('GET', `/v1/events/coupons/list?event_id=${created.id}`)).entries[0].remaining_count).toBe(5);
		await expectOk('POST', '/v1/calendars/coupons/create', { code: 'CAL5', discount: { discount_type: 'amount', cents_off: 500, currency: 'usd' } });
		await expectOk('POST', '/v1/calendars/coupons/update', { code: 'cal5', remaining_count: 3 });
		expect((await expectOk('GET', '/v1/calendars/coupons/list')).entries.map((entry: any) => entry.code)).toContain('CAL5');

		const blast = await expectOk('POST', '/v1/events/blasts/create', { event_id: created.id, content_md: 'See you there', subject: 'Reminder' });
		expect(blast.status).toBe('sent');
		await expectOk('GET', `/v1/events/blasts/get?blast_id=${blast.id}`);
		await expectOk('POST', '/v1/events/blasts/update', { blast_id: blast.id, subject: 'Reminder!' });
		expect((await expectOk('GET', `/v1/events/blasts/list?event_id=${created.id}`)).entries).toHaveLength(1);
		await expectOk('POST', '/v1/events/blasts/delete', { blast_id: blast.id });

		const request = await expectOk('POST', '/v1/events/cancel/request', { event_id: created.id });
		expect(request.cancellation_token).toBeTruthy();
		await expectOk('POST', '/v1/events/cancel', { event_id: created.id, cancellation_token: request.cancellation_token, should_refund: false });
		expect((await get(`/v1/events/get?event_id=${created.id}`)).status).toBe(404);
	});

	it('calendar, contacts, tags, memberships, webhooks, images, places, entities', async () => {
		const state = sim.state;
		const calendar = await expectOk('GET', '/v1/calendars/get');
		await expectOk('POST', '/v1/calendars/update', { calendar_id: calendar.id, description: 'Updated by the contract test' });
		const events = await expectOk('GET', '/v1/calendars/events/list?pagination_limit=5');
		expect(events.entries).toHaveLength(5);
		const other = [...state.events.values()].find((event) => event.calendar_id === state.secondCalendarId)!;
		for (const path of ['/v1/calendar/add-event', '/v1/calendars/events/add']) {
			const added = await expectOk('POST', path, { platform: 'luma', event_id: other.id, submission_mode: 'pending' });
			expect(added.status).toBe('pending');
		}
		const lookedUp = await expectOk('GET', `/v1/calendar/lookup-event?event_id=${other.id}`);
		expect(lookedUp.event.status).toBe('pending');
		await expectOk('GET', `/v1/calendars/events/lookup?url=${encodeURIComponent(other.url)}`);
		await expectOk('POST', '/v1/calendar/approve-event', { calendar_event_id: lookedUp.event.id });
		await expectOk('POST', '/v1/calendars/events/reject', { calendar_event_id: lookedUp.event.id, message: 'Off topic' });
		const external = await expectOk('POST', '/v1/calendar/add-event', {
			platform: 'external', url: 'https://example.com/meetup', name: 'External Meetup', start_at: '2027-01-10T18:00:00.000Z', duration_interval: 'PT2H', timezone: 'UTC',
		});
		await expectOk('POST', '/v1/calendars/events/approve', { calendar_event_id: external.id });
		await expectOk('GET', '/v1/calendar/admins/list');
		await expectOk('GET', '/v1/calendars/admins/list');
		await expectOk('POST', '/v1/calendars/admins/add', { emails: ['new-admin@example.com'] });

		await expectOk('POST', '/v1/calendars/contacts/import', { contacts: [{ email: 'imported@example.com', name: 'Im Ported' }], tags: ['VIP'] });
		const vip = await expectOk('GET', '/v1/calendars/contacts/list?tags=VIP&query=imported');
		expect(vip.entries.map((entry: any) => entry.email)).toEqual(['imported@example.com']);
		await expectOk('POST', '/v1/calendars/contacts/block', { email: 'imported@example.com' });
		await expectOk('POST', '/v1/calendars/contacts/remove', { email: 'imported@example.com' });
		await expectOk('POST', '/v1/calendars/contacts/restore', { email: 'imported@example.com' });
		const tag = await expectOk('POST', '/v1/calendars/contact-tags/create', { name: 'Contract', color: 'blue' });
		await expectOk('POST', '/v1/calendars/contact-tags/update', { tag_id: tag.id, name: 'Contract 2' });
		expect(await expectOk('POST', '/v1/calendars/contact-tags/apply', { tag: tag.id, emails: ['imported@example.com', 'nobody@example.com'] })).toEqual({ applied_count: 1, skipped_count: 1 });
		await expectOk('POST', '/v1/calendars/contact-tags/unapply', { tag: 'Contract 2', emails: ['imported@example.com'] });
		expect((await expectOk('GET', '/v1/calendars/contact-tags/list')).entries.map((entry: any) => entry.name)).toContain('Contract 2');
		await expectOk('POST', '/v1/calendars/contact-tags/delete', { tag_id: tag.id });

		const eventTag = await expectOk('POST', '/v1/calendars/event-tags/create', { name: 'Contract Events' });
		await expectOk('POST', '/v1/calendars/event-tags/update', { tag_id: eventTag.id, color: 'red' });
		const someEvent = events.entries[0].id;
		expect(await expectOk('POST', '/v1/calendars/event-tags/apply', { tag: eventTag.id, event_ids: [someEvent] })).toEqual({ applied_count: 1, skipped_count: 0 });
		await expectOk('POST', '/v1/calendars/event-tags/unapply', { tag: eventTag.id, event_ids: [someEvent] });
		await expectOk('GET', '/v1/calendars/event-tags/list');
		await expectOk('POST', '/v1/calendars/event-tags/delete', { tag_id: eventTag.id });

		const tiers = await expectOk('GET', '/v1/memberships/tiers/list');
		const member = await expectOk('POST', '/v1/memberships/members/add', { email: 'member@example.com', membership_tier_id: tiers.entries[0].id });
		expect(member.status).toBe('approved');
		const memberUser = state.usersByEmail.get('member@example.com')!;
		await expectOk('POST', '/v1/memberships/members/update-status', { user_id: memberUser.id, status: 'declined' });

		const hook = await expectOk('POST', '/v2/webhooks/create', { url: 'https://example.com/hook', event_types: ['guest.registered'] });
		expect(hook.secret).toBeTruthy();
		await expectOk('GET', `/v2/webhooks/get?id=${hook.id}`);
		await expectOk('POST', '/v2/webhooks/update', { id: hook.id, status: 'paused' });
		expect((await expectOk('GET', '/v1/webhooks/list')).entries.map((entry: any) => entry.id)).toContain(hook.id);
		await expectOk('POST', '/v1/webhooks/delete', { id: hook.id });

		const upload = await expectOk('POST', '/v1/images/create-upload-url', { content_type: 'image/png' });
		const put = await fetch(upload.upload_url, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: Buffer.from([137, 80, 78, 71]) });
		expect(put.status).toBe(200);
		expect(Buffer.from(await (await fetch(upload.file_url)).arrayBuffer())).toEqual(Buffer.from([137, 80, 78, 71]));
		expect((await expectOk('GET', '/v1/images/search?query=mountains&pagination_limit=10')).has_more).toBe(true);
		expect((await expectOk('GET', '/v1/places/search?query=Berlin')).entries).toHaveLength(5);
		expect((await expectOk('GET', `/v1/entity/lookup?slug=${calendar.slug}`)).entity.type).toBe('calendar');
		expect((await expectOk('GET', `/v1/entities/lookup?slug=${other.slug}`)).entity.type).toBe('event');
	});

	it('organization routes with an organization key', async () => {
		const org = 'org-contract-key';
		await expectOk('GET', '/v1/organizations/admins/list', undefined, org);
		const calendars = await expectOk('GET', '/v1/organizations/calendars/list', undefined, org);
		expect(calendars.entries.length).toBeGreaterThanOrEqual(2);
		const events = await expectOk('GET', '/v1/organizations/events/list?pagination_limit=100', undefined, org);
		expect(events.has_more).toBe(true);
		const created = await expectOk('POST', '/v2/organizations/calendars/create', { name: 'Org Calendar', slug: 'org-calendar-contract' }, org);
		const event = [...sim.state.events.values()].find((entry) => entry.calendar_id === sim.state.secondCalendarId)!;
		await expectOk('POST', '/v1/organizations/events/transfer-calendar', { event_id: event.id, calendar_id: created.id }, org);
		expect(sim.state.events.get(event.id)!.calendar_id).toBe(created.id);
	});

	it('covered every operation of the spec and every later route', () => {
		const all = [...loadSpec().operations.keys()];
		expect(all.filter((route) => !covered.has(route))).toEqual([]);
		expect(loadSpec().operations.size).toBe(62 + 12);
	});
});

describe('validation, auth and errors', () => {
	it('answers 400 naming the missing or invalid field', async () => {
		const missingQuery = await get('/v1/events/get');
		expect(missingQuery.status).toBe(400);
		expect(missingQuery.body.message).toContain('event_id');
		const missingBody = await post('/v1/events/create', { name: 'No start' });
		expect(missingBody.status).toBe(400);
		expect(missingBody.body.message).toMatch(/start_at|timezone/);
		const badEnum = await post('/v1/events/guests/update-status', { event_id: sim.state.bigEventId, guest_id: 'gst-x', status: 'maybe' });
		expect(badEnum.status).toBe(400);
		expect(badEnum.body.message).toContain('status');
		const nested = await post('/v1/events/guests/add', { event_id: sim.state.bigEventId, guests: [{ name: 'No email' }] });
		expect(nested.status).toBe(400);
		expect(nested.body.message).toContain('guests[0].email');
		const badNumber = await get('/v1/webhooks/list?pagination_limit=many');
		expect(badNumber.status).toBe(400);
		expect(badNumber.body.message).toContain('pagination_limit');
		expect(typeof badNumber.body.code).toBe('string');
	});

	it('answers 404 for unknown paths and unknown IDs', async () => {
		expect((await get('/v1/nope')).status).toBe(404);
		const unknown = await get('/v1/events/get?event_id=evt-doesnotexist');
		expect(unknown.status).toBe(404);
		expect(unknown.body).toEqual({ message: expect.stringContaining('not found'), code: 'not_found' });
	});

	it('checks the key: missing 400, unknown 401, calendar key on organization routes 403', async () => {
		expect((await get('/v1/users/get-self', null)).status).toBe(400);
		expect((await get('/v1/users/get-self', '   ')).status).toBe(400);
		expect((await get('/v1/organizations/admins/list')).status).toBe(403);
		sim.configure({ events: { keys: [{ key: 'only-this-key', type: 'calendar' }] } });
		try {
			const unknown = await get('/v1/users/get-self', 'some-other-key');
			expect(unknown.status).toBe(401);
			expect(unknown.body.code).toBeTruthy();
			expect((await get('/v1/users/get-self', 'only-this-key')).status).toBe(200);
		} finally {
			sim.configure({ events: { keys: undefined } });
		}
	});

	it('applies business rules: duplicate webhook URL, ticket and tickets together, slug taken', async () => {
		const once = await expectOk('POST', '/v2/webhooks/create', { url: 'https://example.com/once', event_types: ['*'] });
		expect((await post('/v2/webhooks/create', { url: 'https://example.com/once', event_types: ['*'] })).status).toBe(400);
		await expectOk('POST', '/v1/webhooks/delete', { id: once.id });
		const both = await post('/v1/events/guests/add', {
			event_id: sim.state.bigEventId, guests: [{ email: 'x@example.com' }], ticket: { event_ticket_type_id: 'a' }, tickets: [{ event_ticket_type_id: 'a' }],
		});
		expect(both.status).toBe(400);
		const first = await post('/v1/events/create', { name: 'Slugged', start_at: '2027-05-01T10:00:00.000Z', timezone: 'UTC', slug: 'taken-slug' });
		expect(first.status).toBe(200);
		expect((await post('/v1/events/create', { name: 'Slugged 2', start_at: '2027-05-01T10:00:00.000Z', timezone: 'UTC', slug: 'taken-slug' })).status).toBe(400);
	});
});

describe('pagination', () => {
	it('walks the 1,250-guest event returning each guest exactly once', async () => {
		const seen: string[] = [];
		let cursor: string | undefined;
		let pages = 0;
		do {
			const page = await expectOk('GET', `/v1/events/guests/list?event_id=${sim.state.bigEventId}&pagination_limit=500${cursor ? `&pagination_cursor=${cursor}` : ''}`);
			expect(page.entries.length).toBeLessThanOrEqual(100); // the server caps the page size
			seen.push(...page.entries.map((guest: any) => guest.id));
			cursor = page.has_more ? page.next_cursor : undefined;
			if (!page.has_more) expect(page.next_cursor).toBeUndefined();
			pages++;
		} while (cursor);
		expect(seen.length).toBeGreaterThan(1000);
		expect(new Set(seen).size).toBe(seen.length);
		expect(seen.length).toBe(sim.state.guestsOf(sim.state.bigEventId).length);
		expect(pages).toBe(Math.ceil(seen.length / 100));
	});

	it('has more than 200 events on the primary calendar, filtered by start time', async () => {
		let total = 0;
		let cursor: string | undefined;
		do {
			const page = await expectOk('GET', `/v1/calendars/events/list?pagination_limit=100${cursor ? `&pagination_cursor=${cursor}` : ''}`);
			total += page.entries.length;
			cursor = page.has_more ? page.next_cursor : undefined;
		} while (cursor);
		expect(total).toBeGreaterThan(200);
		const after = new Date().toISOString();
		const upcoming = await expectOk('GET', `/v1/calendars/events/list?after=${after}&pagination_limit=100`);
		expect(upcoming.entries.every((event: any) => event.start_at >= after)).toBe(true);
	});
});

describe('rate limits', () => {
	it('allows the budget per window, answers 429, refuses during the lockout, then recovers', async () => {
		const local = await startSimulator({ timeScale: 0.01, events: { rateLimit: { calendarPerWindow: 10, windowMs: 60_000, lockoutMs: 60_000, retryAfterHeader: true } } });
		try {
			const statuses: number[] = [];
			let last: Response | undefined;
			for (let i = 0; i < 14; i++) {
				last = await fetch(`${local.eventsUrl}/v1/users/get-self`, { headers: { 'x-luma-api-key': 'limited' } });
				statuses.push(last.status);
				if (i === 0) {
					expect(last.headers.get('x-ratelimit-limit')).toBe('10');
					expect(last.headers.get('x-ratelimit-remaining')).toBe('9');
					expect(Number.isNaN(Date.parse(last.headers.get('x-ratelimit-reset') ?? ''))).toBe(false);
				}
			}
			expect(statuses.filter((status) => status === 200)).toHaveLength(10);
			expect(statuses.slice(10)).toEqual([429, 429, 429, 429]);
			expect(last!.headers.get('retry-after')).toBeTruthy();
			expect(local.events.stats().sent429).toBe(4);
			expect(local.events.stats().rejectedDuringLockout).toBe(3);
			// Another key has its own budget.
			expect((await fetch(`${local.eventsUrl}/v1/users/get-self`, { headers: { 'x-luma-api-key': 'other' } })).status).toBe(200);
			// After the (scaled) lockout the key works again.
			const until = Date.parse(last!.headers.get('x-ratelimit-reset')!);
			await new Promise((resolve) => setTimeout(resolve, Math.max(0, until - Date.now()) + 20));
			expect((await fetch(`${local.eventsUrl}/v1/users/get-self`, { headers: { 'x-luma-api-key': 'limited' } })).status).toBe(200);
		} finally {
			await local.close();
		}
	});

	it('gives organization keys the larger budget', async () => {
		const local = await startSimulator({ timeScale: 0.01, events: { rateLimit: { calendarPerWindow: 2, organizationPerWindow: 5 } } });
		try {
			const response = await fetch(`${local.eventsUrl}/v1/users/get-self`, { headers: { 'x-luma-api-key': 'org-key' } });
			expect(response.headers.get('x-ratelimit-limit')).toBe('5');
		} finally {
			await local.close();
		}
	});
});

describe('webhooks', () => {
	let receiver: Server;
	let receiverUrl: string;
	const received: Array<{ headers: IncomingMessage['headers']; raw: string }> = [];
	let failFirst = 0;

	beforeAll(async () => {
		receiver = createServer((request, response) => {
			const chunks: Buffer[] = [];
			request.on('data', (chunk) => chunks.push(chunk));
			request.on('end', () => {
				received.push({ headers: request.headers, raw: Buffer.concat(chunks).toString('utf8') });
				response.writeHead(failFirst-- > 0 ? 500 : 200).end();
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
	});
	afterAll(async () => {
		await new Promise((resolve) => receiver.close(resolve));
	});

	it('delivers signed payloads that fit the spec when guests register, and retries failures', async () => {
		const hook = await expectOk('POST', '/v2/webhooks/create', { url: receiverUrl, event_types: ['guest.registered', 'ticket.registered'] });
		received.length = 0;
		await expectOk('POST', '/v1/events/guests/add', { event_id: sim.state.bigEventId, guests: [{ email: 'webhooked@example.com', name: 'Web Hooked' }] });
		await sim.events.webhooksSettled();
		expect(received.map((entry) => JSON.parse(entry.raw).type).sort()).toEqual(['guest.registered', 'ticket.registered']);
		const { webhookValidators } = loadSpec();
		for (const entry of received) {
			const payload = JSON.parse(entry.raw);
			expect(webhookValidators.get(payload.type)!(payload)).toBe(true);
			const header = String(entry.headers['webhook-signature']);
			expect(verifySignature(header, Buffer.from(entry.raw), hook.secret, Math.floor(Date.now() / 1000)).verified).toBe(true);
			expect(verifySignature(header, Buffer.from(entry.raw), 'whsec_wrong', Math.floor(Date.now() / 1000)).verified).toBe(false);
		}

		received.length = 0;
		failFirst = 2;
		const deliveries = await sim.emitWebhookEvent('guest.registered');
		expect(deliveries).toHaveLength(1);
		expect(deliveries[0]).toMatchObject({ status: 200, attempts: 3 });
		expect(received).toHaveLength(3);

		received.length = 0;
		await expectOk('POST', '/v2/webhooks/update', { id: hook.id, status: 'paused' });
		expect(await sim.emitWebhookEvent('guest.registered')).toEqual([]);
		await expectOk('POST', '/v1/webhooks/delete', { id: hook.id });
	});

	it('samples a valid payload for every webhook type in the spec', () => {
		const { webhookValidators } = loadSpec();
		for (const [type, validate] of webhookValidators) {
			const payload = sim.events.samplePayload(type);
			if (!validate(payload)) throw new Error(`${type}: ${JSON.stringify(validate.errors?.slice(0, 2))}`);
		}
	});
});
