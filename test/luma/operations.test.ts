/**
 * Every operation of the Luma Events node, run through real n8n execution (n8n-core WorkflowExecute)
 * against the simulator, which validates each request against Luma's OpenAPI document. Each test
 * gets a freshly seeded simulator and makes what else it needs, so any test runs alone (`-t`) and in
 * any order. Tests check what the node returned and what the simulator received or now stores. The
 * last test drives every operation itself and checks from the simulator's request log that every
 * spec path (or its renamed successor) and every later route is reached through the node.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { resources } from '../../nodes/Luma/actions/resources';
import { loadSpec, ROUTE_ALIASES } from '../simulator/luma-events/spec';
import { ORG_KEY, restoreTimings, runLuma, runLumaError, startLumaSim, useFastTimings, type LumaSim, type RunLumaOptions } from './helpers';

const rl = (value: string, mode = 'id') => ({ __rl: true, mode, value });
const org: RunLumaOptions = { credentials: { apiKey: ORG_KEY, keyType: 'organization' } };

let sim: LumaSim;

beforeEach(async () => {
	useFastTimings();
	sim = await startLumaSim();
});
afterEach(async () => {
	await sim.close();
});
afterAll(() => {
	restoreTimings();
});

const state = () => sim.sim.state;
const run = (parameters: IDataObject, options: RunLumaOptions = {}) => runLuma(sim, parameters, options);
const json = async (parameters: IDataObject, options: RunLumaOptions = {}) => (await run(parameters, options)).map((item) => item.json);
/** The one request the node sent to a path (fails the test if it sent none or several). */
const sentTo = (path: string) => {
	const requests = sim.requests(path);
	expect(requests).toHaveLength(1);
	return requests[0];
};
/** A new upcoming event on the primary calendar, with no guests. */
const newEvent = (fields: IDataObject = {}) =>
	state().addEvent(state().primaryCalendarId, { name: 'Fixture Event', start_at: '2027-03-01T18:00:00.000Z', end_at: '2027-03-01T20:00:00.000Z', timezone: 'UTC', ...fields });

describe('Event', () => {
	it('creates an event with wall-clock times in its time zone', async () => {
		const [created] = await json({
			resource: 'event',
			operation: 'create',
			name: 'Node Test Launch',
			start_at: '2027-06-01T18:00:00',
			timezone: 'Europe/Berlin',
			additionalFields: { end_at: '2027-06-01T20:30:00', description_md: '**Hello**', max_capacity: 80, visibility: 'public', slug: 'node-test-launch' },
		});
		expect(created).toMatchObject({ name: 'Node Test Launch', timezone: 'Europe/Berlin', start_at: '2027-06-01T16:00:00.000Z', end_at: '2027-06-01T18:30:00.000Z' });
		expect(sentTo('/v1/events/create').body).toMatchObject({ start_at: '2027-06-01T16:00:00.000Z', end_at: '2027-06-01T18:30:00.000Z', max_capacity: 80 });
		expect(state().events.get(String(created.id))).toMatchObject({
			calendar_id: state().primaryCalendarId,
			name: 'Node Test Launch',
			description_md: '**Hello**',
			max_capacity: 80,
			slug: 'node-test-launch',
			start_at: '2027-06-01T16:00:00.000Z',
		});
	});

	it('gets an event by ID, and by its luma.com link with Simplify', async () => {
		const event = newEvent({ name: 'Findable', slug: 'findable-event', description_md: 'Long text' });
		const [byId] = await json({ resource: 'event', operation: 'get', eventId: rl(event.id) });
		expect(byId).toMatchObject({ id: event.id, name: 'Findable', description_md: 'Long text', hosts: [expect.objectContaining({ email: 'owner@example.com' })] });
		expect(sentTo('/v1/events/get').query).toEqual({ event_id: event.id });

		sim.sim.resetStats();
		const [byUrl] = await json({ resource: 'event', operation: 'get', eventId: rl('https://luma.com/findable-event', 'url'), simplify: true });
		expect(byUrl).toMatchObject({ id: event.id, name: 'Findable' });
		expect(byUrl.description_md).toBeUndefined();
	});

	it('updates only the fields that were set', async () => {
		const event = newEvent({ name: 'Before', timezone: 'Europe/Berlin', max_capacity: 40 });
		// 19:00 in Berlin (the event's zone, UTC+1 in March) is 18:00 UTC.
		const [updated] = await json({ resource: 'event', operation: 'update', eventId: rl(event.id), updateFields: { name: 'After', start_at: '2027-03-01T19:00:00' } });
		expect(updated).toMatchObject({ id: event.id, name: 'After', start_at: '2027-03-01T18:00:00.000Z' });
		expect(Object.keys(sentTo('/v1/events/update').body as object).sort()).toEqual(['event_id', 'name', 'start_at']);
		expect(state().events.get(event.id)).toMatchObject({
			name: 'After',
			start_at: '2027-03-01T18:00:00.000Z',
			end_at: '2027-03-01T20:00:00.000Z',
			timezone: 'Europe/Berlin',
			max_capacity: 40,
		});
	});

	it('gets many events with Return All across pages, and a start-time filter', async () => {
		const onCalendar = [...state().events.values()].filter((event) => event.calendar_id === state().primaryCalendarId && !event.canceled);
		const all = await json({ resource: 'event', operation: 'getMany', returnAll: true });
		expect(all.map((event) => event.id).sort()).toEqual(onCalendar.map((event) => event.id).sort());
		expect(sim.requests('/v1/calendars/events/list')).toHaveLength(Math.ceil(onCalendar.length / 100));

		sim.sim.resetStats();
		const after = new Date().toISOString();
		const upcoming = await json({ resource: 'event', operation: 'getMany', returnAll: false, limit: 5, filters: { after } });
		expect(upcoming).toHaveLength(5);
		expect(upcoming.every((event) => String(event.start_at) >= after)).toBe(true);
		expect(sentTo('/v1/calendars/events/list').query).toMatchObject({ after });
	});

	it("reads wall-clock start filters in the workflow's time zone, the same in Event and Organization lists", async () => {
		const filters = { after: '2027-01-15T12:00:00' };
		await json({ resource: 'event', operation: 'getMany', returnAll: false, limit: 1, filters });
		await json({ resource: 'organization', operation: 'listEvents', returnAll: false, limit: 1, filters }, org);
		const sent = sim.sim.requestLog.filter((entry) => /events\/list$/.test(entry.path)).map((entry) => entry.query.after);
		// n8n's default workflow time zone is America/New_York: noon there is 17:00 UTC in January.
		expect(sent).toEqual(['2027-01-15T17:00:00.000Z', '2027-01-15T17:00:00.000Z']);
	});

	it('requests a cancellation token', async () => {
		const event = newEvent();
		const [token] = await json({ resource: 'event', operation: 'requestCancellation', eventId: rl(event.id) });
		expect(token).toMatchObject({ event_id: event.id, is_paid: false, guest_count: 0 });
		expect(state().cancellations.get(String(token.cancellation_token))).toMatchObject({ eventId: event.id });
		expect(state().events.get(event.id)!.canceled).toBe(false);
	});

	it('cancels in one step: fetches a token, then cancels with it', async () => {
		const event = newEvent();
		const [canceled] = await json({ resource: 'event', operation: 'cancel', eventId: rl(event.id) });
		expect(canceled).toMatchObject({ event_id: event.id, canceled: true });
		expect(sentTo('/v1/events/cancel/request').body).toEqual({ event_id: event.id });
		expect(sentTo('/v1/events/cancel').body).toMatchObject({ event_id: event.id, cancellation_token: expect.stringMatching(/^cxl_/) });
		expect(state().events.get(event.id)!.canceled).toBe(true);
		const error = await runLumaError(sim, { resource: 'event', operation: 'get', eventId: rl(event.id) });
		expect(error.message).toMatch(/not found/i);
	});

	it('transfers an event to another calendar with an organization key, and refuses with a calendar key', async () => {
		const event = newEvent();
		const [moved] = await json({ resource: 'event', operation: 'transferCalendar', eventId: rl(event.id), calendarId: rl(state().secondCalendarId) }, org);
		expect(moved).toMatchObject({ transferred: true });
		expect(state().events.get(event.id)!.calendar_id).toBe(state().secondCalendarId);

		sim.sim.resetStats();
		const refused = await runLumaError(sim, { resource: 'event', operation: 'transferCalendar', eventId: rl(event.id), calendarId: rl(state().primaryCalendarId) });
		expect(refused.message).toMatch(/organization/i);
		expect(sim.requests('/v1/organizations/events/transfer-calendar').map((entry) => entry.status)).toEqual([403]);
		expect(state().events.get(event.id)!.calendar_id).toBe(state().secondCalendarId);
	});

	it('rejects bad input before calling Luma, naming the field and the item', async () => {
		const error = await runLumaError(sim, { resource: 'event', operation: 'create', name: 'Bad', start_at: 'next tuesday', timezone: 'UTC' });
		expect(error.message).toContain('Start is not a valid date and time');
		const items = await run(
			{ resource: 'event', operation: 'create', name: '={{ $json.name }}', start_at: '2027-01-01T10:00:00', timezone: 'UTC', additionalFields: { end_at: '2026-12-31T10:00:00' } },
			{ input: [{ name: 'One' }], continueOnFail: true },
		);
		expect(items[0].json.error).toMatch(/End must be after Start/);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(sim.requests('/v1/events/create')).toHaveLength(0);
	});

	it('stops on a bad item before any item is created, so a re-run after the fix creates each event once', async () => {
		const parameters = {
			resource: 'event',
			operation: 'create',
			name: '={{ $json.name }}',
			start_at: '2027-05-01T18:00:00',
			timezone: 'UTC',
			additionalFields: { end_at: '={{ $json.end }}' },
		};
		const input = [0, 1, 2, 3, 4].map((index) => ({ name: `Re-run Safe ${index}`, end: '2027-05-01T20:00:00' }));
		const created = () => [...state().events.values()].filter((event) => event.name.startsWith('Re-run Safe '));

		const error = await runLumaError(sim, parameters, { input: input.map((item, index) => (index === 3 ? { ...item, end: '2027-05-01T17:00:00' } : item)) });
		expect(error.message).toMatch(/End must be after Start/);
		expect(error.context?.itemIndex).toBe(3);
		expect(sim.requests('/v1/events/create')).toHaveLength(0);
		expect(created()).toHaveLength(0);

		const items = await run(parameters, { input });
		expect(items.map((item) => item.json.name)).toEqual(input.map((item) => item.name));
		expect(sim.requests('/v1/events/create')).toHaveLength(5);
		expect(created().map((event) => event.name).sort()).toEqual(input.map((item) => item.name));
	});
});

describe('Guest', () => {
	const big = () => state().bigEventId;
	/** A seeded guest of the big event. */
	const someGuest = () => state().guestsOf(big()).find((guest) => guest.approval_status === 'approved' && guest.event_tickets.length === 1)!;

	it('gets many guests of the 1,250-guest event, each exactly once, and filters by status', async () => {
		const guests = await json({ resource: 'guest', operation: 'getMany', eventId: rl(big()), returnAll: true, simplify: true });
		expect(guests.map((guest) => guest.id).sort()).toEqual(state().guestsOf(big()).map((guest) => guest.id).sort());

		sim.sim.resetStats();
		const waitlist = await json({ resource: 'guest', operation: 'getMany', eventId: rl(big()), returnAll: true, filters: { approval_status: 'waitlist' } });
		expect(waitlist.length).toBe(state().guestsOf(big()).filter((guest) => guest.approval_status === 'waitlist').length);
		expect(waitlist.every((guest) => guest.approval_status === 'waitlist')).toBe(true);
		expect(sim.requests('/v1/events/guests/list').every((entry) => entry.query.approval_status === 'waitlist')).toBe(true);
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
		expect(state().findGuest(big(), 'batch149@example.com')).toMatchObject({ user_name: 'Batch 149', approval_status: 'approved' });
	});

	it('fails only the invalid item with Continue On Fail', async () => {
		const items = await run(
			{ resource: 'guest', operation: 'add', eventId: rl(big()), email: '={{ $json.email }}' },
			{ input: [{ email: 'good@example.com' }, { email: 'not-an-email' }], continueOnFail: true },
		);
		expect(items.map((item) => item.json.added ?? item.json.error)).toEqual([true, expect.stringContaining('not a valid email')]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect((sentTo('/v1/events/guests/add').body as IDataObject).guests).toEqual([expect.objectContaining({ email: 'good@example.com' })]);
		expect(state().findGuest(big(), 'good@example.com')).toBeDefined();
	});

	it('gets a guest by email, guest ID and ticket key', async () => {
		const guest = someGuest();
		for (const key of [guest.user_email, guest.id, guest.event_tickets[0].key]) {
			const [found] = await json({ resource: 'guest', operation: 'get', eventId: rl(big()), guestId: key });
			expect({ key, id: found.id, email: found.user_email }).toEqual({ key, id: guest.id, email: guest.user_email });
		}
	});

	it("updates a guest's status with a message, and refuses a message longer than Luma allows before sending", async () => {
		const guest = someGuest();
		const [declined] = await json({ resource: 'guest', operation: 'updateStatus', eventId: rl(big()), guestId: guest.user_email, status: 'declined', additionalFields: { message: 'Sorry, full' } });
		expect(declined).toMatchObject({ id: guest.id, approval_status: 'declined' });
		expect(sentTo('/v1/events/guests/update-status').body).toMatchObject({ event_id: big(), status: 'declined', message: 'Sorry, full' });
		expect(state().guests.get(guest.id)!.approval_status).toBe('declined');

		sim.sim.resetStats();
		const tooLong = await runLumaError(sim, { resource: 'guest', operation: 'updateStatus', eventId: rl(big()), guestId: guest.id, status: 'approved', additionalFields: { message: 'x'.repeat(201) } });
		expect(tooLong.message).toContain('200');
		expect(sim.requests('/v1/events/guests/update-status')).toHaveLength(0);
		expect(state().guests.get(guest.id)!.approval_status).toBe('declined');
	});

	it("adds a ticket to a guest's tickets", async () => {
		const guest = someGuest();
		const vip = state().ticketTypesOf(big()).find((type) => type.name === 'VIP')!;
		const [withTicket] = await json({ resource: 'guest', operation: 'updateTickets', eventId: rl(big()), guestId: guest.id, ticketTypesToAdd: vip.id });
		expect((withTicket.event_tickets as IDataObject[]).map((ticket) => ticket.event_ticket_type_id)).toContain(vip.id);
		expect(sentTo('/v1/events/guests/update-tickets').body).toMatchObject({ guest_id: guest.id, tickets_to_add: [{ event_ticket_type_id: vip.id }] });
		expect(state().guests.get(guest.id)!.event_tickets.map((ticket: IDataObject) => ticket.event_ticket_type_id)).toEqual([expect.any(String), vip.id]);
	});

	it('sends invites in batches', async () => {
		const items = await run({ resource: 'guest', operation: 'sendInvites', eventId: rl(big()), email: '={{ $json.email }}' }, { input: [{ email: 'inv1@example.com' }, { email: 'inv2@example.com' }] });
		expect(items.map((item) => item.json.invited)).toEqual([true, true]);
		expect(sentTo('/v1/events/guests/send-invites').body).toMatchObject({ guests: [{ email: 'inv1@example.com' }, { email: 'inv2@example.com' }] });
		expect(state().findGuest(big(), 'inv2@example.com')!.approval_status).toBe('invited');
	});
});

describe('Ticket Type', () => {
	it('creates a paid ticket type with the price in currency units', async () => {
		const event = newEvent();
		const [created] = await json({ resource: 'ticketType', operation: 'create', eventId: rl(event.id), name: 'Supporter', price: 25.5, currency: 'eur', additionalFields: { max_capacity: 20 } });
		expect(created).toMatchObject({ name: 'Supporter', type: 'paid', cents: 2550, currency: 'eur', max_capacity: 20 });
		expect(state().ticketTypes.get(String(created.id))).toMatchObject({ eventId: event.id, type: 'paid', cents: 2550, currency: 'eur' });
	});

	it('gets, lists, updates and deletes a ticket type', async () => {
		const event = newEvent();
		const ticketType = state().addTicketType(event, { name: 'Supporter', type: 'paid', cents: 1000, currency: 'usd' });
		const target = { eventId: rl(event.id), ticketTypeId: rl(ticketType.id) };
		expect((await json({ resource: 'ticketType', operation: 'get', ...target }))[0]).toMatchObject({ id: ticketType.id, name: 'Supporter', cents: 1000 });
		const listed = await json({ resource: 'ticketType', operation: 'getMany', eventId: rl(event.id), returnAll: true });
		expect(listed.map((type) => type.name).sort()).toEqual(['Standard', 'Supporter']);
		expect((await json({ resource: 'ticketType', operation: 'update', ...target, updateFields: { name: 'Supporter+' } }))[0]).toMatchObject({ id: ticketType.id, name: 'Supporter+' });
		expect(state().ticketTypes.get(ticketType.id)!.name).toBe('Supporter+');
		expect((await json({ resource: 'ticketType', operation: 'delete', ...target }))[0]).toEqual({ id: ticketType.id, deleted: true });
		expect(state().ticketTypesOf(event.id).map((type) => type.name)).toEqual(['Standard']);
	});
	it('updates a ticket type with only what the user changed: a new price keeps its currency', async () => {
		const event = newEvent();
		const [created] = await json({ resource: 'ticketType', operation: 'create', eventId: rl(event.id), name: 'Euro Ticket', price: 25, currency: 'eur' });
		const ticketTypeId = rl(String(created.id));
		const update = (updateFields: IDataObject) => json({ resource: 'ticketType', operation: 'update', eventId: rl(event.id), ticketTypeId, updateFields });
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
		expect(state().ticketTypes.get(String(created.id))).toMatchObject({ name: 'Franc Ticket', cents: 2000, currency: 'chf' });

		sim.sim.resetStats();
		expect((await update({ price: 0 }))[0]).toMatchObject({ type: 'free', cents: null, currency: null });
		const error = await runLumaError(sim, { resource: 'ticketType', operation: 'update', eventId: rl(event.id), ticketTypeId, updateFields: { price: 10 } });
		expect(error.message).toBe('Currency is required with this Price: the ticket type is free, so it has no currency to keep');
		expect(sentUpdates()).toHaveLength(1);
		const [paidAgain] = await update({ price: 10, currency: 'gbp' });
		expect(paidAgain).toMatchObject({ type: 'paid', cents: 1000, currency: 'gbp' });
	});
});

describe('Coupon', () => {
	it('creates event and calendar coupons with amounts in currency units', async () => {
		const event = newEvent();
		const [eventCoupon] = await json({ resource: 'coupon', operation: 'create', scope: 'event', eventId: rl(event.id), code: 'node20', discountType: 'percent', percentOff: 20 });
		expect(eventCoupon).toMatchObject({ code: 'NODE20', percent_off: 20 });
		expect(state().coupons.get(String(eventCoupon.id))).toMatchObject({ eventId: event.id, code: 'NODE20', percent_off: 20 });
		const [calendarCoupon] = await json({ resource: 'coupon', operation: 'create', scope: 'calendar', code: 'CALNODE', discountType: 'amount', amountOff: 7.5, currency: 'usd' });
		expect(calendarCoupon).toMatchObject({ cents_off: 750, currency: 'usd' });
		expect(state().coupons.get(String(calendarCoupon.id))).toMatchObject({ eventId: undefined, calendarId: state().primaryCalendarId, cents_off: 750 });
	});

	it('refuses a code longer than Luma allows before sending', async () => {
		const tooLong = await runLumaError(sim, { resource: 'coupon', operation: 'create', scope: 'calendar', code: 'X'.repeat(21), discountType: 'percent', percentOff: 5 });
		expect(tooLong.message).toContain('20');
		expect(sim.requests('/v1/calendars/coupons/create')).toHaveLength(0);
	});

	it('updates and lists event and calendar coupons', async () => {
		const event = newEvent();
		const eventCoupon = state().addCoupon({ calendarId: state().primaryCalendarId, eventId: event.id, code: 'NODE20', percent_off: 20 });
		const calendarCoupon = state().addCoupon({ calendarId: state().primaryCalendarId, code: 'CALNODE', cents_off: 750, currency: 'usd' });

		const [eventUpdate] = await json({ resource: 'coupon', operation: 'update', scope: 'event', eventId: rl(event.id), code: 'node20', updateFields: { remaining_count: 3 } });
		expect(eventUpdate).toMatchObject({ code: 'NODE20', remaining_count: 3, updated: true });
		expect(eventCoupon.remaining_count).toBe(3);
		const listed = await json({ resource: 'coupon', operation: 'getMany', scope: 'event', eventId: rl(event.id), returnAll: true });
		expect(listed.map((coupon) => [coupon.code, coupon.remaining_count])).toEqual([['NODE20', 3]]);

		await json({ resource: 'coupon', operation: 'update', scope: 'calendar', code: 'calnode', updateFields: { valid_end_at: '2027-12-31T23:59:00Z' } });
		expect(calendarCoupon.valid_end_at).toBe('2027-12-31T23:59:00.000Z');
		const calendarCoupons = await json({ resource: 'coupon', operation: 'getMany', scope: 'calendar', returnAll: true });
		expect(calendarCoupons.find((coupon) => coupon.code === 'CALNODE')?.valid_end_at).toBe('2027-12-31T23:59:00.000Z');
		expect(calendarCoupons.map((coupon) => coupon.code)).not.toContain('NODE20');
	});
});

describe('Host', () => {
	it('adds, updates and removes a host', async () => {
		const event = newEvent();
		const hostOf = () => state().events.get(event.id)!;
		const [added] = await json({ resource: 'host', operation: 'add', eventId: rl(event.id), email: 'cohost@example.com', additionalFields: { name: 'Co Host', access_level: 'check-in' } });
		expect(added).toEqual({ event_id: event.id, email: 'cohost@example.com', name: 'Co Host', access_level: 'check-in', added: true });
		expect(hostOf().hostSettings['cohost@example.com']).toEqual({ access_level: 'check-in', is_visible: true });

		const [updated] = await json({ resource: 'host', operation: 'update', eventId: rl(event.id), email: 'cohost@example.com', updateFields: { is_visible: false } });
		expect(updated).toMatchObject({ email: 'cohost@example.com', is_visible: false, updated: true });
		expect(hostOf().hostSettings['cohost@example.com']).toEqual({ access_level: 'check-in', is_visible: false });

		const [removed] = await json({ resource: 'host', operation: 'remove', eventId: rl(event.id), email: 'cohost@example.com' });
		expect(removed).toEqual({ event_id: event.id, email: 'cohost@example.com', removed: true });
		expect(hostOf().hostEmails).toEqual(['owner@example.com']);
	});
});

describe('Blast', () => {
	it('creates, gets, lists, updates and deletes an email blast', async () => {
		const event = newEvent();
		const [blast] = await json({ resource: 'blast', operation: 'create', eventId: rl(event.id), content_md: 'Doors open at 6', additionalFields: { subject: 'Tonight', recipients: ['approved', 'waitlist'] } });
		expect(blast).toMatchObject({ status: 'sent', subject: 'Tonight', content_md: 'Doors open at 6' });
		const id = String(blast.id);
		expect(state().blasts.get(id)!.recipient_groups).toEqual([{ status: 'approved' }, { status: 'waitlist' }]);
		expect((await json({ resource: 'blast', operation: 'get', blastId: id }))[0]).toMatchObject({ id, subject: 'Tonight' });
		expect((await json({ resource: 'blast', operation: 'getMany', eventId: rl(event.id), returnAll: true })).map((entry) => entry.id)).toEqual([id]);
		expect((await json({ resource: 'blast', operation: 'update', blastId: id, updateFields: { subject: 'Tonight!' } }))[0].subject).toBe('Tonight!');
		expect(state().blasts.get(id)!.subject).toBe('Tonight!');
		expect((await json({ resource: 'blast', operation: 'delete', blastId: id }))[0]).toEqual({ id, deleted: true });
		expect(state().blasts.get(id)!.deleted).toBe(true);
	});
});

describe('Calendar', () => {
	it('gets and updates the calendar', async () => {
		const [calendar] = await json({ resource: 'calendar', operation: 'get' });
		expect(calendar).toMatchObject({ id: state().primaryCalendarId, name: 'Simulated Community' });
		const [updated] = await json({ resource: 'calendar', operation: 'update', calendarId: rl(state().primaryCalendarId), updateFields: { description: 'From n8n' } });
		expect(updated).toMatchObject({ id: state().primaryCalendarId, description: 'From n8n' });
		expect(sentTo('/v1/calendars/update').body).toEqual({ calendar_id: state().primaryCalendarId, description: 'From n8n' });
		expect(state().calendars.get(state().primaryCalendarId)!.description).toBe('From n8n');
	});

	it('lists admins and adds the ones not yet admins', async () => {
		const admins = await json({ resource: 'calendar', operation: 'listAdmins' });
		expect(admins.map((admin) => admin.email).sort()).toEqual(['admin@example.com', 'owner@example.com']);
		const [result] = await json({ resource: 'calendar', operation: 'addAdmins', emails: 'admin@example.com, newadmin@example.com' });
		expect(result).toMatchObject({ added_count: 1, skipped_count: 1 });
		expect(sentTo('/v1/calendars/admins/add').body).toEqual({ emails: ['admin@example.com', 'newadmin@example.com'] });
		expect(state().calendars.get(state().primaryCalendarId)!.admins).toContain(state().usersByEmail.get('newadmin@example.com')!.id);
	});

	it('adds a Luma event for review, looks it up, approves and then rejects it', async () => {
		const other = state().addEvent(state().secondCalendarId, { name: 'Elsewhere', start_at: '2027-04-01T18:00:00.000Z' });
		const [added] = await json({ resource: 'calendar', operation: 'addEvent', platform: 'luma', eventId: rl(other.id), submission_mode: 'pending' });
		expect(added.status).toBe('pending');
		const submission = () => state().calendarEvents.get(String(added.id))!;
		expect(submission()).toMatchObject({ calendarId: state().primaryCalendarId, eventId: other.id, status: 'pending' });
		const [found] = await json({ resource: 'calendar', operation: 'lookupEvent', lookupBy: 'eventId', eventId: other.id });
		expect(found).toMatchObject({ found: true, status: 'pending' });

		expect((await json({ resource: 'calendar', operation: 'approveEvent', calendarEventId: String(added.id) }))[0]).toEqual({ calendar_event_id: added.id, status: 'approved' });
		expect(submission().status).toBe('approved');
		const [rejected] = await json({ resource: 'calendar', operation: 'rejectEvent', calendarEventId: String(added.id), additionalFields: { message: 'Not a fit' } });
		expect(rejected).toEqual({ calendar_event_id: added.id, status: 'rejected' });
		expect(sentTo('/v1/calendars/events/reject').body).toMatchObject({ calendar_event_id: added.id, message: 'Not a fit' });
		expect(submission().status).toBe('rejected');
	});

	it('adds an external event and finds it by its URL', async () => {
		const [external] = await json({
			resource: 'calendar', operation: 'addEvent', platform: 'external', url: 'https://example.com/e', name: 'Partner Event', start_at: '2027-02-02T19:00:00', duration: 'PT2H', timezone: 'America/New_York', submission_mode: 'auto',
		});
		expect(external.status).toBe('approved');
		expect(state().calendarEvents.get(String(external.id))!.external).toMatchObject({ name: 'Partner Event', url: 'https://example.com/e', start_at: '2027-02-03T00:00:00.000Z' });
		const [byUrl] = await json({ resource: 'calendar', operation: 'lookupEvent', lookupBy: 'url', url: 'https://example.com/e' });
		expect(byUrl).toMatchObject({ found: true, status: 'approved' });
		const [missing] = await json({ resource: 'calendar', operation: 'lookupEvent', lookupBy: 'url', url: 'https://example.com/other' });
		expect(missing.found).toBe(false);
	});

	it('creates an organization calendar with an organization key', async () => {
		const [created] = await json({ resource: 'calendar', operation: 'createOrganizationCalendar', name: 'Org Cal From n8n', additionalFields: { slug: 'org-cal-n8n' } }, org);
		expect(created).toMatchObject({ name: 'Org Cal From n8n', slug: 'org-cal-n8n' });
		expect(state().calendars.get(String(created.id))).toMatchObject({ name: 'Org Cal From n8n', slug: 'org-cal-n8n', organizationId: state().organization.id });
	});
});

describe('Contact', () => {
	it('imports contacts in one request with a tag, and lists them with filters', async () => {
		const input = [{ email: 'imp1@example.com' }, { email: 'imp2@example.com' }];
		const items = await run({ resource: 'contact', operation: 'import', email: '={{ $json.email }}', additionalFields: { tags: 'VIP' } }, { input });
		expect(items.map((item) => item.json.imported)).toEqual([true, true]);
		expect(sentTo('/v1/calendars/contacts/import').body).toMatchObject({ contacts: input, tags: ['VIP'] });
		const vipTag = [...state().contactTags.values()].find((tag) => tag.name === 'VIP')!;
		const imported = state().contactsOf(state().primaryCalendarId).filter((contact) => contact.email.startsWith('imp'));
		expect(imported.map((contact) => [contact.email, contact.tagIds.has(vipTag.id)])).toEqual([['imp1@example.com', true], ['imp2@example.com', true]]);

		const vip = await json({ resource: 'contact', operation: 'getMany', returnAll: true, filters: { tags: 'VIP', query: 'imp' } });
		expect(vip.map((contact) => contact.email).sort()).toEqual(['imp1@example.com', 'imp2@example.com']);
	});

	it('gets every active contact with Return All', async () => {
		const active = state().contactsOf(state().primaryCalendarId).filter((contact) => contact.state === 'active');
		const all = await json({ resource: 'contact', operation: 'getMany', returnAll: true });
		expect(all.map((contact) => contact.id).sort()).toEqual(active.map((contact) => contact.id).sort());
	});

	it('blocks, removes and restores a contact', async () => {
		const contact = state().contactsOf(state().primaryCalendarId).find((entry) => entry.email === 'contact001@example.com')!;
		for (const [operation, flag, stored] of [['block', 'blocked', 'blocked'], ['remove', 'removed', 'removed'], ['restore', 'restored', 'active']]) {
			const [result] = await json({ resource: 'contact', operation, contact: 'contact001@example.com' });
			expect({ operation, result, stored: contact.state }).toEqual({ operation, result: { email: 'contact001@example.com', [flag]: true }, stored });
		}
	});
});

describe.each([
	{ resource: 'contactTag', map: () => state().contactTags, target: () => ({ contacts: 'contact001@example.com' }), tagged: (tagId: string) => state().contactsOf(state().primaryCalendarId).find((entry) => entry.email === 'contact001@example.com')!.tagIds.has(tagId) },
	{ resource: 'eventTag', map: () => state().eventTags, target: () => ({ eventId: rl(state().bigEventId) }), tagged: (tagId: string) => state().events.get(state().bigEventId)!.tagIds.includes(tagId) },
])('$resource', ({ resource, map, target, tagged }) => {
	it('creates, renames, lists and deletes a tag', async () => {
		const [tag] = await json({ resource, operation: 'create', name: 'From n8n', additionalFields: { color: 'green' } });
		const tagId = String(tag.id);
		expect(map().get(tagId)).toMatchObject({ name: 'From n8n', color: 'green', calendarId: state().primaryCalendarId });
		expect((await json({ resource, operation: 'update', tagId: rl(tagId), updateFields: { name: 'From n8n 2' } }))[0]).toMatchObject({ id: tagId, name: 'From n8n 2', updated: true });
		expect(map().get(tagId)!.name).toBe('From n8n 2');
		const listed = await json({ resource, operation: 'getMany', returnAll: true });
		expect(listed.map((entry) => entry.name).sort()).toEqual([...map().values()].map((entry) => entry.name).sort());
		expect((await json({ resource, operation: 'delete', tagId: rl(tagId) }))[0]).toEqual({ id: tagId, deleted: true });
		expect(map().has(tagId)).toBe(false);
	});

	it('applies a tag and takes it off again', async () => {
		const tagId = [...map().values()][0].id;
		expect(tagged(tagId)).toBe(false);
		const [applied] = await json({ resource, operation: 'apply', tagId: rl(tagId), ...target() });
		expect(applied).toMatchObject({ applied_count: 1, skipped_count: 0 });
		expect(tagged(tagId)).toBe(true);
		const [removed] = await json({ resource, operation: 'unapply', tagId: rl(tagId), ...target() });
		expect(removed).toMatchObject({ removed_count: 1, skipped_count: 0 });
		expect(tagged(tagId)).toBe(false);
	});
});

describe('Membership', () => {
	it('lists the membership tiers', async () => {
		const tiers = await json({ resource: 'membership', operation: 'getTiers', returnAll: true });
		expect(tiers.map((tier) => tier.name)).toEqual(['Community', 'Patron']);
	});

	it('adds a member to a tier', async () => {
		const tier = [...state().tiers.values()].find((entry) => entry.name === 'Community')!;
		const [member] = await json({ resource: 'membership', operation: 'addMember', email: 'newmember@example.com', membershipTierId: rl(tier.id) });
		expect(member.status).toBe('approved');
		const contact = state().contactsOf(state().primaryCalendarId).find((entry) => entry.email === 'newmember@example.com')!;
		expect(contact.membership).toEqual({ status: 'approved', calendar_membership_tier_id: tier.id });
	});

	it("changes a member's status", async () => {
		const contact = state().contactsOf(state().primaryCalendarId).find((entry) => entry.membership?.status === 'approved')!;
		const [result] = await json({ resource: 'membership', operation: 'updateMemberStatus', member: contact.user_id, status: 'declined' });
		expect(result).toMatchObject({ status: 'declined' });
		expect(sentTo('/v1/memberships/members/update-status').body).toEqual({ user_id: contact.user_id, status: 'declined' });
		expect(contact.membership.status).toBe('declined');
	});
});

describe('Webhook', () => {
	it('creates, gets, pauses, lists and deletes a webhook, never showing its secret', async () => {
		const [hook] = await json({ resource: 'webhook', operation: 'create', url: 'https://example.com/n8n-hook', eventTypes: ['guest.registered'] });
		const id = String(hook.id);
		expect(hook).toMatchObject({ url: 'https://example.com/n8n-hook', event_types: ['guest.registered'], status: 'active' });
		expect(state().webhooks.get(id)!.secret).toMatch(/^whsec_/);
		expect(hook.secret).not.toBe(state().webhooks.get(id)!.secret);
		expect(hook.secret).not.toMatch(/^whsec_[0-9a-f]{10,}/);

		const [got] = await json({ resource: 'webhook', operation: 'get', webhookId: rl(id) });
		expect(got).toMatchObject({ id, url: 'https://example.com/n8n-hook' });
		expect(got.secret).not.toBe(state().webhooks.get(id)!.secret);
		expect((await json({ resource: 'webhook', operation: 'update', webhookId: rl(id), updateFields: { status: 'paused' } }))[0]).toMatchObject({ id, status: 'paused' });
		expect(state().webhooks.get(id)!.status).toBe('paused');
		expect((await json({ resource: 'webhook', operation: 'getMany', returnAll: true })).map((entry) => entry.id)).toEqual([id]);
		expect((await json({ resource: 'webhook', operation: 'delete', webhookId: rl(id) }))[0]).toEqual({ id, deleted: true });
		expect(state().webhooks.has(id)).toBe(false);
	});
});

describe('Organization', () => {
	it('lists admins, calendars and events of the organization with an organization key', async () => {
		expect((await json({ resource: 'organization', operation: 'listAdmins' }, org)).map((admin) => admin.email)).toEqual(['owner@example.com']);
		const calendars = await json({ resource: 'organization', operation: 'listCalendars', returnAll: true }, org);
		expect(calendars.map((calendar) => calendar.id).sort()).toEqual([state().primaryCalendarId, state().secondCalendarId].sort());
		const events = await json({ resource: 'organization', operation: 'listEvents', returnAll: false, limit: 120 }, org);
		expect(events).toHaveLength(120);
		expect(new Set(events.map((event) => event.id)).size).toBe(120);
	});
});

describe('Image', () => {
	it('creates an upload URL', async () => {
		const [uploadUrl] = await json({ resource: 'image', operation: 'createUploadUrl', contentType: 'image/png' });
		expect(String(uploadUrl.upload_url)).toContain('/sim-cdn/upload/');
		expect(sentTo('/v1/images/create-upload-url').body).toEqual({ content_type: 'image/png' });
	});

	it("uploads an image to Luma's CDN, where it is served byte for byte", async () => {
		const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
		const input: INodeExecutionData[] = [{ json: {}, binary: { data: { data: png.toString('base64'), mimeType: 'image/png', fileName: 'cover.png' } } }];
		const [uploaded] = await json({ resource: 'image', operation: 'upload', binaryPropertyName: 'data' }, { input });
		const served = await fetch(String(uploaded.file_url ?? uploaded.url));
		expect(Buffer.from(await served.arrayBuffer())).toEqual(png);
	});

	it('searches stock images', async () => {
		const found = await json({ resource: 'image', operation: 'search', query: 'sunset', returnAll: false, limit: 3 });
		expect(found.map((image) => image.id)).toEqual(['stock-sunset-1', 'stock-sunset-2', 'stock-sunset-3']);
	});
});

describe('Place, Entity, User', () => {
	it('searches places', async () => {
		const places = await json({ resource: 'place', operation: 'search', query: 'Berlin' });
		expect(places.map((place) => place.name)).toEqual(['Berlin Hall', 'Berlin Cafe', 'Berlin Library', 'Berlin Park', 'Berlin Studio']);
		expect(sentTo('/v1/places/search').query).toEqual({ query: 'Berlin' });
	});

	it('looks up what a luma.com link points to', async () => {
		const calendar = state().calendars.get(state().primaryCalendarId)!;
		expect((await json({ resource: 'entity', operation: 'lookup', slug: `https://luma.com/${calendar.slug}` }))[0]).toMatchObject({ found: true, type: 'calendar', id: calendar.id });
		const event = newEvent({ slug: 'entity-event' });
		expect((await json({ resource: 'entity', operation: 'lookup', slug: 'entity-event' }))[0]).toMatchObject({ found: true, type: 'event', id: event.id });
	});

	it('gets the user that owns the API key', async () => {
		expect((await json({ resource: 'user', operation: 'getSelf' }))[0]).toMatchObject({ id: state().owner.id, email: 'owner@example.com' });
	});
});

interface Call {
	parameters: IDataObject;
	options?: RunLumaOptions;
}
/** The ID an earlier call of this run returned (its first item's `id`). */
type EarlierId = (resource: string, operation: string) => string;

/**
 * One valid call of every operation (several where an option leads to another route), in an order
 * where later calls find what earlier ones made. `resource` and `operation` come from the keys.
 */
function everyOperation(store: LumaSim['sim']['state']): Record<string, Record<string, (id: EarlierId) => Call[]>> {
	const big = store.bigEventId;
	const guest = store.guestsOf(big)[0];
	const fixture = rl(store.addEvent(store.primaryCalendarId, { name: 'Coverage Fixture', start_at: '2027-05-01T18:00:00.000Z' }).id);
	const movable = rl(store.addEvent(store.primaryCalendarId, { name: 'Coverage Movable', start_at: '2027-05-02T18:00:00.000Z' }).id);
	const elsewhere = rl(store.addEvent(store.secondCalendarId, { name: 'Coverage Elsewhere', start_at: '2027-05-03T18:00:00.000Z' }).id);
	const one = (parameters: IDataObject, options?: RunLumaOptions) => () => [{ parameters, options }];
	const page = { returnAll: false, limit: 1 };
	return {
		event: {
			create: one({ name: 'Coverage', start_at: '2027-05-01T10:00:00', timezone: 'UTC' }),
			get: (id) => [{ parameters: { eventId: rl(id('event', 'create')) } }],
			getMany: one(page),
			update: (id) => [{ parameters: { eventId: rl(id('event', 'create')), updateFields: { name: 'Coverage 2' } } }],
			requestCancellation: (id) => [{ parameters: { eventId: rl(id('event', 'create')) } }],
			cancel: (id) => [{ parameters: { eventId: rl(id('event', 'create')) } }],
			transferCalendar: one({ eventId: movable, calendarId: rl(store.secondCalendarId) }, org),
		},
		guest: {
			getMany: one({ eventId: rl(big), ...page }),
			get: one({ eventId: rl(big), guestId: guest.user_email }),
			add: one({ eventId: rl(big), email: 'coverage@example.com' }),
			updateStatus: one({ eventId: rl(big), guestId: 'coverage@example.com', status: 'declined' }),
			updateTickets: one({ eventId: rl(big), guestId: guest.id, ticketTypesToAdd: store.ticketTypesOf(big)[0].id }),
			sendInvites: one({ eventId: rl(big), email: 'coverage-invite@example.com' }),
		},
		ticketType: {
			create: one({ eventId: fixture, name: 'Coverage', price: 10, currency: 'usd' }),
			get: (id) => [{ parameters: { eventId: fixture, ticketTypeId: rl(id('ticketType', 'create')) } }],
			getMany: one({ eventId: fixture, returnAll: true }),
			update: (id) => [{ parameters: { eventId: fixture, ticketTypeId: rl(id('ticketType', 'create')), updateFields: { name: 'Coverage 2' } } }],
			delete: (id) => [{ parameters: { eventId: fixture, ticketTypeId: rl(id('ticketType', 'create')) } }],
		},
		coupon: {
			create: () => [
				{ parameters: { scope: 'calendar', code: 'COVERAGE', discountType: 'percent', percentOff: 10 } },
				{ parameters: { scope: 'event', eventId: fixture, code: 'COVERAGE', discountType: 'percent', percentOff: 10 } },
			],
			getMany: () => [{ parameters: { scope: 'calendar', ...page } }, { parameters: { scope: 'event', eventId: fixture, ...page } }],
			update: () => [
				{ parameters: { scope: 'calendar', code: 'COVERAGE', updateFields: { remaining_count: 1 } } },
				{ parameters: { scope: 'event', eventId: fixture, code: 'COVERAGE', updateFields: { remaining_count: 1 } } },
			],
		},
		host: {
			add: one({ eventId: fixture, email: 'coverage-host@example.com' }),
			update: one({ eventId: fixture, email: 'coverage-host@example.com', updateFields: { is_visible: false } }),
			remove: one({ eventId: fixture, email: 'coverage-host@example.com' }),
		},
		blast: {
			create: one({ eventId: fixture, content_md: 'Coverage' }),
			get: (id) => [{ parameters: { blastId: id('blast', 'create') } }],
			getMany: one({ eventId: fixture, ...page }),
			update: (id) => [{ parameters: { blastId: id('blast', 'create'), updateFields: { subject: 'Coverage' } } }],
			delete: (id) => [{ parameters: { blastId: id('blast', 'create') } }],
		},
		calendar: {
			get: one({}),
			update: one({ calendarId: rl(store.primaryCalendarId), updateFields: { description: 'Coverage' } }),
			listAdmins: one({}),
			addAdmins: one({ emails: 'coverage-admin@example.com' }),
			addEvent: () => [
				{ parameters: { platform: 'luma', eventId: elsewhere, submission_mode: 'pending' } },
				{ parameters: { platform: 'external', url: 'https://example.com/coverage', name: 'Coverage', start_at: '2027-02-02T19:00:00', timezone: 'UTC', submission_mode: 'pending' } },
			],
			lookupEvent: one({ lookupBy: 'url', url: 'https://example.com/coverage' }),
			approveEvent: (id) => [{ parameters: { calendarEventId: id('calendar', 'addEvent') } }],
			rejectEvent: (id) => [{ parameters: { calendarEventId: id('calendar', 'addEvent') } }],
			createOrganizationCalendar: one({ name: 'Coverage' }, org),
		},
		contact: {
			import: one({ email: 'coverage-contact@example.com' }),
			getMany: one(page),
			block: one({ contact: 'coverage-contact@example.com' }),
			remove: one({ contact: 'coverage-contact@example.com' }),
			restore: one({ contact: 'coverage-contact@example.com' }),
		},
		contactTag: {
			create: one({ name: 'Coverage' }),
			update: (id) => [{ parameters: { tagId: rl(id('contactTag', 'create')), updateFields: { name: 'Coverage 2' } } }],
			apply: (id) => [{ parameters: { tagId: rl(id('contactTag', 'create')), contacts: 'coverage-contact@example.com' } }],
			unapply: (id) => [{ parameters: { tagId: rl(id('contactTag', 'create')), contacts: 'coverage-contact@example.com' } }],
			getMany: one(page),
			delete: (id) => [{ parameters: { tagId: rl(id('contactTag', 'create')) } }],
		},
		entity: { lookup: one({ slug: 'simulated-community' }) },
		eventTag: {
			create: one({ name: 'Coverage' }),
			update: (id) => [{ parameters: { tagId: rl(id('eventTag', 'create')), updateFields: { name: 'Coverage 2' } } }],
			apply: (id) => [{ parameters: { tagId: rl(id('eventTag', 'create')), eventId: fixture } }],
			unapply: (id) => [{ parameters: { tagId: rl(id('eventTag', 'create')), eventId: fixture } }],
			getMany: one(page),
			delete: (id) => [{ parameters: { tagId: rl(id('eventTag', 'create')) } }],
		},
		image: {
			createUploadUrl: one({ contentType: 'image/png' }),
			upload: one({ binaryPropertyName: 'data' }, { input: [{ json: {}, binary: { data: { data: Buffer.from('png').toString('base64'), mimeType: 'image/png' } } }] }),
			search: one({ query: 'coverage', ...page }),
		},
		membership: {
			getTiers: one(page),
			addMember: one({ email: 'coverage-member@example.com', membershipTierId: rl([...store.tiers.values()][0].id) }),
			updateMemberStatus: () => [{ parameters: { member: store.usersByEmail.get('coverage-member@example.com')!.id, status: 'declined' } }],
		},
		organization: {
			listAdmins: one(page, org),
			listCalendars: one(page, org),
			listEvents: one(page, org),
		},
		place: { search: one({ query: 'Coverage' }) },
		user: { getSelf: one({}) },
		webhook: {
			create: one({ url: 'https://example.com/coverage', eventTypes: ['event.created'] }),
			get: (id) => [{ parameters: { webhookId: rl(id('webhook', 'create')) } }],
			update: (id) => [{ parameters: { webhookId: rl(id('webhook', 'create')), updateFields: { status: 'paused' } } }],
			getMany: one(page),
			delete: (id) => [{ parameters: { webhookId: rl(id('webhook', 'create')) } }],
		},
	};
}

describe('coverage', () => {
	it('reaches every spec path (or its successor) and every later route through the node, each operation answered with success', async () => {
		const calls = everyOperation(state());
		const operationsOf = (table: Record<string, Record<string, unknown>>) =>
			Object.fromEntries(Object.entries(table).map(([resource, operations]) => [resource, Object.keys(operations).sort()]));
		expect(operationsOf(calls)).toEqual(operationsOf(Object.fromEntries(Object.entries(resources).map(([resource, { module }]) => [resource, module.operations]))));

		const firstIds = new Map<string, string>();
		const earlierId: EarlierId = (resource, operation) => {
			const id = firstIds.get(`${resource}.${operation}`);
			if (!id) throw new Error(`${resource}.${operation} has not returned an ID before it was needed`);
			return id;
		};
		const reached = new Set<string>();
		const refused: string[] = [];
		for (const [resource, operations] of Object.entries(calls)) {
			for (const [operation, makeCalls] of Object.entries(operations)) {
				for (const { parameters, options } of makeCalls(earlierId)) {
					sim.sim.resetStats();
					const items = await json({ resource, operation, ...parameters }, options).catch((error: Error) => error);
					const log = sim.requests();
					const answers = log.map((entry) => `${entry.status} ${entry.path}`).join(', ');
					if (items instanceof Error) {
						refused.push(`${resource}.${operation}: ${items.message} (${answers})`);
						continue;
					}
					if (!firstIds.has(`${resource}.${operation}`) && items[0]?.id) firstIds.set(`${resource}.${operation}`, String(items[0].id));
					if (items.length === 0 || log.length === 0 || log.some((entry) => entry.status < 200 || entry.status >= 300)) {
						refused.push(`${resource}.${operation}: ${items.length} items (${answers})`);
					}
					for (const entry of log) reached.add(`${entry.method} ${entry.path}`);
				}
			}
		}
		expect(refused).toEqual([]);

		const formerName = Object.fromEntries(Object.entries(ROUTE_ALIASES).map(([former, current]) => [current, former]));
		const missing = [...loadSpec().operations.keys()].filter((route) => !reached.has(route) && !reached.has(formerName[route] ?? ''));
		expect(missing).toEqual([]);
	});
});
