/**
 * Every operation of the Luma Events node, run through real n8n execution (n8n-core WorkflowExecute)
 * against the simulator, which validates each request against Luma's OpenAPI document. The last test
 * checks from the simulator's request log that every spec path (or its renamed successor) and every
 * later route was reached through the node.
 */
import type { IDataObject } from 'n8n-workflow';

import { loadSpec, ROUTE_ALIASES } from '../simulator/luma-events/spec';
import { restoreTimings, runLuma, runLumaError, startLumaSim, useFastTimings, type LumaSim } from './helpers';

const rl = (value: string, mode = 'id') => ({ __rl: true, mode, value });

let sim: LumaSim;
const reached = new Set<string>();

beforeAll(async () => {
	sim = await startLumaSim();
});
afterAll(async () => {
	await sim.close();
	restoreTimings();
});
beforeEach(() => {
	useFastTimings();
});
afterEach(() => {
	for (const entry of sim.sim.requestLog) {
		if (entry.api === 'events' && entry.status >= 200 && entry.status < 300) reached.add(`${entry.method} ${entry.path}`);
	}
	sim.sim.resetStats();
});

const run = (parameters: IDataObject, options: Parameters<typeof runLuma>[2] = {}) => runLuma(sim, parameters, options);
const json = async (parameters: IDataObject, options: Parameters<typeof runLuma>[2] = {}) => (await run(parameters, options)).map((item) => item.json);

describe('Event', () => {
	let eventId: string;

	it('creates an event with wall-clock times in its time zone, then gets it by ID and by URL', async () => {
		const [created] = await json({
			resource: 'event',
			operation: 'create',
			name: 'Node Test Launch',
			start_at: '2027-06-01T18:00:00',
			timezone: 'Europe/Berlin',
			additionalFields: { end_at: '2027-06-01T20:30:00', description_md: '**Hello**', max_capacity: 80, visibility: 'public', slug: 'node-test-launch' },
		});
		eventId = String(created.id);
		expect(created).toMatchObject({ name: 'Node Test Launch', timezone: 'Europe/Berlin', start_at: '2027-06-01T16:00:00.000Z', end_at: '2027-06-01T18:30:00.000Z' });
		const create = sim.sim.requestLog.find((entry) => entry.path === '/v1/events/create')!;
		expect(create.body).toMatchObject({ start_at: '2027-06-01T16:00:00.000Z', max_capacity: 80 });

		const [byId] = await json({ resource: 'event', operation: 'get', eventId: rl(eventId) });
		expect(byId.id).toBe(eventId);
		const [byUrl] = await json({ resource: 'event', operation: 'get', eventId: rl('https://luma.com/node-test-launch', 'url'), simplify: true });
		expect(byUrl).toMatchObject({ id: eventId, name: 'Node Test Launch' });
		expect(byUrl.description_md).toBeUndefined();
	});

	it('updates only the fields that were set', async () => {
		const [updated] = await json({ resource: 'event', operation: 'update', eventId: rl(eventId), updateFields: { name: 'Node Test Launch 2', start_at: '2027-06-01T19:00:00' } });
		expect(updated).toMatchObject({ name: 'Node Test Launch 2', start_at: '2027-06-01T17:00:00.000Z' });
		const update = sim.sim.requestLog.find((entry) => entry.path === '/v1/events/update')!;
		expect(Object.keys(update.body as object).sort()).toEqual(['event_id', 'name', 'start_at']);
	});

	it('gets many events with Return All across pages, and a start-time filter', async () => {
		const all = await json({ resource: 'event', operation: 'getMany', returnAll: true });
		expect(all.length).toBeGreaterThan(200);
		expect(new Set(all.map((event) => event.id)).size).toBe(all.length);
		expect(sim.requests('/v1/calendars/events/list').length).toBe(Math.ceil(all.length / 100));
		const upcoming = await json({ resource: 'event', operation: 'getMany', returnAll: false, limit: 5, filters: { after: new Date().toISOString() } });
		expect(upcoming).toHaveLength(5);
		expect(upcoming.every((event) => String(event.start_at) >= new Date(Date.now() - 60_000).toISOString())).toBe(true);
	});

	it("reads wall-clock start filters in the workflow's time zone, the same in Event and Organization lists", async () => {
		const filters = { after: '2027-01-15T12:00:00' };
		await json({ resource: 'event', operation: 'getMany', returnAll: false, limit: 1, filters });
		await json({ resource: 'organization', operation: 'listEvents', returnAll: false, limit: 1, filters }, { credentials: { apiKey: 'org-test-key', keyType: 'organization' } });
		const sent = sim.sim.requestLog.filter((entry) => /events\/list$/.test(entry.path)).map((entry) => entry.query.after);
		// n8n's default workflow time zone is America/New_York: noon there is 17:00 UTC in January.
		expect(sent).toEqual(['2027-01-15T17:00:00.000Z', '2027-01-15T17:00:00.000Z']);
	});

	it('requests a cancellation token, and cancels in one step', async () => {
		const [token] = await json({ resource: 'event', operation: 'requestCancellation', eventId: rl(eventId) });
		expect(token).toMatchObject({ event_id: eventId, is_paid: false });
		expect(typeof token.cancellation_token).toBe('string');
		const [canceled] = await json({ resource: 'event', operation: 'cancel', eventId: rl(eventId) });
		expect(canceled).toMatchObject({ event_id: eventId, canceled: true });
		const error = await runLumaError(sim, { resource: 'event', operation: 'get', eventId: rl(eventId) });
		expect(error.message).toMatch(/not found/i);
	});

	it('transfers an event to another calendar with an organization key', async () => {
		const event = [...sim.sim.state.events.values()].find((entry) => entry.calendar_id === sim.sim.state.primaryCalendarId && !entry.canceled)!;
		const [moved] = await json(
			{ resource: 'event', operation: 'transferCalendar', eventId: rl(event.id), calendarId: rl(sim.sim.state.secondCalendarId) },
			{ credentials: { apiKey: 'org-test-key', keyType: 'organization' } },
		);
		expect(moved).toMatchObject({ transferred: true });
		expect(sim.sim.state.events.get(event.id)!.calendar_id).toBe(sim.sim.state.secondCalendarId);
		const refused = await runLumaError(sim, { resource: 'event', operation: 'transferCalendar', eventId: rl(event.id), calendarId: rl(sim.sim.state.primaryCalendarId) });
		expect(refused.message).toMatch(/organization/i);
	});

	it('rejects bad input before calling Luma, naming the field and the item', async () => {
		const error = await runLumaError(sim, { resource: 'event', operation: 'create', name: 'Bad', start_at: 'next tuesday', timezone: 'UTC' });
		expect(error.message).toContain('Start is not a valid date and time');
		expect(sim.requests('/v1/events/create')).toHaveLength(0);
		const items = await run(
			{ resource: 'event', operation: 'create', name: '={{ $json.name }}', start_at: '2027-01-01T10:00:00', timezone: 'UTC', additionalFields: { end_at: '2026-12-31T10:00:00' } },
			{ input: [{ name: 'One' }], continueOnFail: true },
		);
		expect(items[0].json.error).toMatch(/End must be after Start/);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});
});

describe('Guest', () => {
	const big = () => sim.sim.state.bigEventId;

	it('gets many guests of the 1,250-guest event, each exactly once', async () => {
		const guests = await json({ resource: 'guest', operation: 'getMany', eventId: rl(big()), returnAll: true, simplify: true });
		expect(guests.length).toBe(sim.sim.state.guestsOf(big()).length);
		expect(new Set(guests.map((guest) => guest.id)).size).toBe(guests.length);
		const waitlist = await json({ resource: 'guest', operation: 'getMany', eventId: rl(big()), returnAll: true, filters: { approval_status: 'waitlist' } });
		expect(waitlist.length).toBeGreaterThan(0);
		expect(waitlist.every((guest) => guest.approval_status === 'waitlist')).toBe(true);
	});

	it('adds one guest per item in as few requests as possible, paired to the input items', async () => {
		const input = Array.from({ length: 150 }, (_, index) => ({ email: `batch${index}@example.com`, name: `Batch ${index}` }));
		const items = await run(
			{ resource: 'guest', operation: 'add', eventId: rl(big()), email: '={{ $json.email }}', additionalFields: { name: '={{ $json.name }}' } },
			{ input },
		);
		expect(items).toHaveLength(150);
		expect(items.map((item) => item.pairedItem)).toEqual(input.map((_, index) => ({ item: index })));
		expect(items[149].json).toMatchObject({ email: 'batch149@example.com', added: true });
		expect(sim.requests('/v1/events/guests/add')).toHaveLength(2);
		expect(sim.sim.state.findGuest(big(), 'batch149@example.com')).toBeDefined();
	});

	it('fails only the invalid item with Continue On Fail', async () => {
		const items = await run(
			{ resource: 'guest', operation: 'add', eventId: rl(big()), email: '={{ $json.email }}' },
			{ input: [{ email: 'good@example.com' }, { email: 'not-an-email' }], continueOnFail: true },
		);
		expect(items.map((item) => item.json.added ?? item.json.error)).toEqual([true, expect.stringContaining('not a valid email')]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('gets a guest by email, guest ID and ticket key; updates status; changes tickets', async () => {
		const [byEmail] = await json({ resource: 'guest', operation: 'get', eventId: rl(big()), guestId: 'batch1@example.com' });
		const [byId] = await json({ resource: 'guest', operation: 'get', eventId: rl(big()), guestId: String(byEmail.id) });
		expect(byId.id).toBe(byEmail.id);
		const ticketKey = sim.sim.state.guests.get(String(byEmail.id))!.event_tickets[0].key;
		expect((await json({ resource: 'guest', operation: 'get', eventId: rl(big()), guestId: ticketKey }))[0].id).toBe(byEmail.id);

		const [declined] = await json({ resource: 'guest', operation: 'updateStatus', eventId: rl(big()), guestId: 'batch1@example.com', status: 'declined', additionalFields: { message: 'Sorry, full' } });
		expect(declined.approval_status).toBe('declined');

		const vip = sim.sim.state.ticketTypesOf(big()).find((type) => type.name === 'VIP')!;
		const [withTicket] = await json({ resource: 'guest', operation: 'updateTickets', eventId: rl(big()), guestId: String(byEmail.id), ticketTypesToAdd: vip.id });
		expect((withTicket.event_tickets as IDataObject[]).map((ticket) => ticket.event_ticket_type_id)).toContain(vip.id);

		const tooLong = await runLumaError(sim, { resource: 'guest', operation: 'updateStatus', eventId: rl(big()), guestId: String(byEmail.id), status: 'approved', additionalFields: { message: 'x'.repeat(201) } });
		expect(tooLong.message).toContain('200');
	});

	it('sends invites in batches', async () => {
		const items = await run({ resource: 'guest', operation: 'sendInvites', eventId: rl(big()), email: '={{ $json.email }}' }, { input: [{ email: 'inv1@example.com' }, { email: 'inv2@example.com' }] });
		expect(items.map((item) => item.json.invited)).toEqual([true, true]);
		expect(sim.requests('/v1/events/guests/send-invites')).toHaveLength(1);
		expect(sim.sim.state.findGuest(big(), 'inv2@example.com')!.approval_status).toBe('invited');
	});
});

describe('Ticket Type, Coupon, Host, Blast', () => {
	let eventId: string;
	beforeAll(() => {
		eventId = [...sim.sim.state.events.values()].find((entry) => !entry.canceled && entry.guestIds.length === 0 && entry.calendar_id === sim.sim.state.primaryCalendarId)!.id;
	});

	it('creates, gets, lists, updates and deletes ticket types with prices in currency units', async () => {
		const [created] = await json({ resource: 'ticketType', operation: 'create', eventId: rl(eventId), name: 'Supporter', price: 25.5, currency: 'eur', additionalFields: { max_capacity: 20 } });
		expect(created).toMatchObject({ name: 'Supporter', type: 'paid', cents: 2550, currency: 'eur', max_capacity: 20 });
		const id = String(created.id);
		expect((await json({ resource: 'ticketType', operation: 'get', eventId: rl(eventId), ticketTypeId: rl(id) }))[0].id).toBe(id);
		expect((await json({ resource: 'ticketType', operation: 'getMany', eventId: rl(eventId), returnAll: true })).map((type) => type.id)).toContain(id);
		expect((await json({ resource: 'ticketType', operation: 'update', eventId: rl(eventId), ticketTypeId: rl(id), updateFields: { name: 'Supporter+' } }))[0].name).toBe('Supporter+');
		expect((await json({ resource: 'ticketType', operation: 'delete', eventId: rl(eventId), ticketTypeId: rl(id) }))[0]).toEqual({ id, deleted: true });
	});

	it('updates a ticket type with only what the user changed: a new price keeps its currency', async () => {
		const [created] = await json({ resource: 'ticketType', operation: 'create', eventId: rl(eventId), name: 'Euro Ticket', price: 25, currency: 'eur' });
		const ticketTypeId = rl(String(created.id));
		const update = (updateFields: IDataObject) => json({ resource: 'ticketType', operation: 'update', eventId: rl(eventId), ticketTypeId, updateFields });
		const sentUpdates = () => sim.requests('/v1/events/ticket-types/update').map((entry) => entry.body);

		sim.sim.resetStats();
		expect((await update({ price: 20 }))[0]).toMatchObject({ cents: 2000, currency: 'eur', type: 'paid' });
		expect(sentUpdates()).toEqual([{ event_ticket_type_id: created.id, type: 'paid', cents: 2000, currency: 'eur' }]);
		// The currency was read from the ticket type, not defaulted to usd.
		expect(sim.requests('/v1/events/ticket-types/get')).toHaveLength(1);

		sim.sim.resetStats();
		expect((await update({ currency: 'chf' }))[0]).toMatchObject({ cents: 2000, currency: 'chf' });
		expect(sentUpdates()).toEqual([{ event_ticket_type_id: created.id, type: 'paid', cents: 2000, currency: 'chf' }]);

		sim.sim.resetStats();
		await update({ name: 'Franc Ticket' });
		expect(sentUpdates()).toEqual([{ event_ticket_type_id: created.id, name: 'Franc Ticket' }]);
		expect(sim.requests('/v1/events/ticket-types/get')).toHaveLength(0);

		sim.sim.resetStats();
		expect((await update({ price: 0 }))[0]).toMatchObject({ type: 'free', cents: null, currency: null });
		const error = await runLumaError(sim, { resource: 'ticketType', operation: 'update', eventId: rl(eventId), ticketTypeId, updateFields: { price: 10 } });
		expect(error.message).toBe('Currency is required with this Price: the ticket type is free, so it has no currency to keep');
		expect(sentUpdates()).toHaveLength(1);
		const [paidAgain] = await update({ price: 10, currency: 'gbp' });
		expect(paidAgain).toMatchObject({ type: 'paid', cents: 1000, currency: 'gbp' });
	});

	it('creates, lists and updates event and calendar coupons', async () => {
		const [eventCoupon] = await json({ resource: 'coupon', operation: 'create', scope: 'event', eventId: rl(eventId), code: 'node20', discountType: 'percent', percentOff: 20 });
		expect(eventCoupon).toMatchObject({ code: 'NODE20', percent_off: 20 });
		const [calendarCoupon] = await json({ resource: 'coupon', operation: 'create', scope: 'calendar', code: 'CALNODE', discountType: 'amount', amountOff: 7.5, currency: 'usd' });
		expect(calendarCoupon).toMatchObject({ cents_off: 750, currency: 'usd' });
		await json({ resource: 'coupon', operation: 'update', scope: 'event', eventId: rl(eventId), code: 'node20', updateFields: { remaining_count: 3 } });
		const listed = await json({ resource: 'coupon', operation: 'getMany', scope: 'event', eventId: rl(eventId), returnAll: true });
		expect(listed.find((coupon) => coupon.code === 'NODE20')?.remaining_count).toBe(3);
		await json({ resource: 'coupon', operation: 'update', scope: 'calendar', code: 'calnode', updateFields: { valid_end_at: '2027-12-31T23:59:00Z' } });
		const calendarCoupons = await json({ resource: 'coupon', operation: 'getMany', scope: 'calendar', returnAll: true });
		expect(calendarCoupons.find((coupon) => coupon.code === 'CALNODE')?.valid_end_at).toBe('2027-12-31T23:59:00.000Z');
		const tooLong = await runLumaError(sim, { resource: 'coupon', operation: 'create', scope: 'calendar', code: 'X'.repeat(21), discountType: 'percent', percentOff: 5 });
		expect(tooLong.message).toContain('20');
	});

	it('adds, updates and removes hosts', async () => {
		await json({ resource: 'host', operation: 'add', eventId: rl(eventId), email: 'cohost@example.com', additionalFields: { name: 'Co Host', access_level: 'check-in' } });
		await json({ resource: 'host', operation: 'update', eventId: rl(eventId), email: 'cohost@example.com', updateFields: { is_visible: false } });
		expect(sim.sim.state.events.get(eventId)!.hostSettings['cohost@example.com']).toEqual({ access_level: 'check-in', is_visible: false });
		await json({ resource: 'host', operation: 'remove', eventId: rl(eventId), email: 'cohost@example.com' });
		expect(sim.sim.state.events.get(eventId)!.hostEmails).not.toContain('cohost@example.com');
	});

	it('creates, gets, lists, updates and deletes email blasts', async () => {
		const [blast] = await json({ resource: 'blast', operation: 'create', eventId: rl(eventId), content_md: 'Doors open at 6', additionalFields: { subject: 'Tonight', recipients: ['approved', 'waitlist'] } });
		expect(blast).toMatchObject({ status: 'sent', subject: 'Tonight' });
		const id = String(blast.id);
		expect((await json({ resource: 'blast', operation: 'get', blastId: id }))[0].id).toBe(id);
		expect((await json({ resource: 'blast', operation: 'getMany', eventId: rl(eventId), returnAll: true })).map((entry) => entry.id)).toEqual([id]);
		expect((await json({ resource: 'blast', operation: 'update', blastId: id, updateFields: { subject: 'Tonight!' } }))[0].subject).toBe('Tonight!');
		expect((await json({ resource: 'blast', operation: 'delete', blastId: id }))[0]).toEqual({ id, deleted: true });
	});
});

describe('Calendar', () => {
	it('gets and updates the calendar, manages admins and submitted events', async () => {
		const [calendar] = await json({ resource: 'calendar', operation: 'get' });
		expect(calendar.id).toBe(sim.sim.state.primaryCalendarId);
		expect((await json({ resource: 'calendar', operation: 'update', calendarId: rl(String(calendar.id)), updateFields: { description: 'From n8n' } }))[0].description).toBe('From n8n');
		expect((await json({ resource: 'calendar', operation: 'listAdmins' })).length).toBeGreaterThanOrEqual(2);
		expect((await json({ resource: 'calendar', operation: 'addAdmins', emails: 'admin@example.com, newadmin@example.com' }))[0]).toMatchObject({ added_count: 1, skipped_count: 1 });

		const other = [...sim.sim.state.events.values()].find((entry) => entry.calendar_id === sim.sim.state.secondCalendarId && !entry.canceled)!;
		const [added] = await json({ resource: 'calendar', operation: 'addEvent', platform: 'luma', eventId: rl(other.id), submission_mode: 'pending' });
		expect(added.status).toBe('pending');
		const [found] = await json({ resource: 'calendar', operation: 'lookupEvent', lookupBy: 'eventId', eventId: other.id });
		expect(found).toMatchObject({ found: true, status: 'pending' });
		await json({ resource: 'calendar', operation: 'approveEvent', calendarEventId: String(added.id) });
		await json({ resource: 'calendar', operation: 'rejectEvent', calendarEventId: String(added.id), additionalFields: { message: 'Not a fit' } });
		const [external] = await json({
			resource: 'calendar', operation: 'addEvent', platform: 'external', url: 'https://example.com/e', name: 'Partner Event', start_at: '2027-02-02T19:00:00', duration: 'PT2H', timezone: 'America/New_York', submission_mode: 'auto',
		});
		expect(external.status).toBe('approved');
		const [byUrl] = await json({ resource: 'calendar', operation: 'lookupEvent', lookupBy: 'url', url: 'https://example.com/e' });
		expect(byUrl.found).toBe(true);
		const [org] = await json({ resource: 'calendar', operation: 'createOrganizationCalendar', name: 'Org Cal From n8n', additionalFields: { slug: 'org-cal-n8n' } }, { credentials: { apiKey: 'org-test-key', keyType: 'organization' } });
		expect(org.name).toBe('Org Cal From n8n');
	});
});

describe('Calendar-side resources', () => {
	it('contacts: import in batches, list with filters, block, remove, restore', async () => {
		const input = [{ email: 'imp1@example.com' }, { email: 'imp2@example.com' }];
		const items = await run({ resource: 'contact', operation: 'import', email: '={{ $json.email }}', additionalFields: { tags: 'VIP' } }, { input });
		expect(items.map((item) => item.json.imported)).toEqual([true, true]);
		expect(sim.requests('/v1/calendars/contacts/import')).toHaveLength(1);
		const vip = await json({ resource: 'contact', operation: 'getMany', returnAll: true, filters: { tags: 'VIP', query: 'imp' } });
		expect(vip.map((contact) => contact.email).sort()).toEqual(['imp1@example.com', 'imp2@example.com']);
		for (const operation of ['block', 'remove', 'restore']) {
			await json({ resource: 'contact', operation, contact: 'imp1@example.com' });
		}
		const all = await json({ resource: 'contact', operation: 'getMany', returnAll: true });
		expect(all.length).toBeGreaterThan(300);
	});

	it('contact tags and event tags: create, update, apply, unapply, list, delete', async () => {
		for (const [resource, target] of [
			['contactTag', { contacts: 'imp2@example.com' }],
			['eventTag', { eventId: rl([...sim.sim.state.events.values()].find((entry) => !entry.canceled && entry.calendar_id === sim.sim.state.primaryCalendarId)!.id) }],
		] as const) {
			const [tag] = await json({ resource, operation: 'create', name: `${resource} n8n` });
			const tagId = String(tag.id);
			await json({ resource, operation: 'update', tagId: rl(tagId), updateFields: { name: `${resource} n8n 2` } });
			const [applied] = await json({ resource, operation: 'apply', tagId: rl(tagId), ...target });
			expect(applied.applied_count).toBe(1);
			const [removed] = await json({ resource, operation: 'unapply', tagId: rl(tagId), ...target });
			expect(removed.removed_count).toBe(1);
			expect((await json({ resource, operation: 'getMany', returnAll: true })).map((entry) => entry.name)).toContain(`${resource} n8n 2`);
			await json({ resource, operation: 'delete', tagId: rl(tagId) });
		}
	});

	it('memberships, webhooks, organization, images, places, entities, user', async () => {
		const tiers = await json({ resource: 'membership', operation: 'getTiers', returnAll: true });
		const [member] = await json({ resource: 'membership', operation: 'addMember', email: 'newmember@example.com', membershipTierId: rl(String(tiers[0].id)) });
		expect(member.status).toBe('approved');
		const userId = sim.sim.state.usersByEmail.get('newmember@example.com')!.id;
		await json({ resource: 'membership', operation: 'updateMemberStatus', member: userId, status: 'declined' });

		const [hook] = await json({ resource: 'webhook', operation: 'create', url: 'https://example.com/n8n-hook', eventTypes: ['guest.registered'] });
		expect(hook.secret).not.toMatch(/^whsec_[0-9a-f]{10,}/);
		await json({ resource: 'webhook', operation: 'get', webhookId: rl(String(hook.id)) });
		await json({ resource: 'webhook', operation: 'update', webhookId: rl(String(hook.id)), updateFields: { status: 'paused' } });
		expect((await json({ resource: 'webhook', operation: 'getMany', returnAll: true })).map((entry) => entry.id)).toContain(hook.id);
		await json({ resource: 'webhook', operation: 'delete', webhookId: rl(String(hook.id)) });

		const org = { credentials: { apiKey: 'org-test-key', keyType: 'organization' } };
		expect((await json({ resource: 'organization', operation: 'listAdmins' }, org)).length).toBeGreaterThan(0);
		expect((await json({ resource: 'organization', operation: 'listCalendars', returnAll: true }, org)).length).toBeGreaterThanOrEqual(2);
		expect((await json({ resource: 'organization', operation: 'listEvents', returnAll: false, limit: 120 }, org)).length).toBe(120);

		const [uploadUrl] = await json({ resource: 'image', operation: 'createUploadUrl', contentType: 'image/png' });
		expect(String(uploadUrl.upload_url)).toContain('/sim-cdn/upload/');
		const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
		const [uploaded] = await json(
			{ resource: 'image', operation: 'upload', binaryPropertyName: 'data' },
			{ input: [{ json: {}, binary: { data: { data: png.toString('base64'), mimeType: 'image/png', fileName: 'cover.png' } } }] },
		);
		const served = await fetch(String(uploaded.file_url ?? uploaded.url));
		expect(Buffer.from(await served.arrayBuffer())).toEqual(png);
		expect((await json({ resource: 'image', operation: 'search', query: 'sunset', returnAll: false, limit: 3 })).length).toBe(3);
		expect((await json({ resource: 'place', operation: 'search', query: 'Berlin' })).length).toBe(5);
		const calendar = sim.sim.state.calendars.get(sim.sim.state.primaryCalendarId)!;
		expect((await json({ resource: 'entity', operation: 'lookup', slug: `https://luma.com/${calendar.slug}` }))[0]).toMatchObject({ type: 'calendar' });
		expect((await json({ resource: 'user', operation: 'getSelf' }))[0].email).toBe('owner@example.com');
	});
});

describe('coverage', () => {
	it('reached every spec path (or its successor) and every later route through the node', () => {
		const successors = Object.fromEntries(Object.entries(ROUTE_ALIASES).map(([current, old]) => [old, current]));
		const missing = [...loadSpec().operations.keys()].filter((route) => !reached.has(route) && !reached.has(successors[route] ?? ''));
		expect(missing).toEqual([]);
	});
});
