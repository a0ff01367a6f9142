/**
 * Creates whose answer is lost (issue 14, class 11), driven by the simulator's own faults: the
 * connection dropped after Luma handled the request (the event exists), or before (it does not).
 * Event → Create reconciles: it looks for the event it sent on the calendar and outputs it, or
 * says it was not created; it never sends the create twice. Guest → Add is keyed by email at
 * Luma, so the transport may resend it; other creates say what to check.
 */
import type { IDataObject } from 'n8n-workflow';

import type { LumaSim } from './helpers';
import { NODE, restoreTimings, runLuma, runLumaError, runLumaWorkflow, startLumaSim, useFastTimings } from './helpers';

let sim: LumaSim;

beforeAll(async () => {
	sim = await startLumaSim();
});
afterAll(async () => {
	await sim.close();
	restoreTimings();
});
beforeEach(() => {
	useFastTimings();
	sim.sim.resetStats();
});
afterEach(() => sim.sim.configure({ faults: [] }));

const rl = (value: string) => ({ __rl: true, mode: 'id', value });
const CREATE = '/v1/events/create';
let counter = 0;
/** A name no earlier test used, so the calendar holds exactly what this test made. */
const freshName = (what: string) => `${what} ${++counter} ${Date.now()}`;
const eventsNamed = (name: string) => [...sim.sim.state.events.values()].filter((event) => event.name === name);
const createEvent = (name: string) => ({ resource: 'event', operation: 'create', name, start_at: '2027-09-01T18:00:00', timezone: 'Europe/Berlin' });
const dropCreate = (beforeHandling: boolean, times = 1) =>
	sim.sim.configure({ faults: [{ method: 'POST', path: CREATE, dropConnection: true, beforeHandling, times }] });

function hintsOf(result: Awaited<ReturnType<typeof runLumaWorkflow>>): string[] {
	const runs = result.run.data.resultData.runData[NODE] ?? [];
	return runs.flatMap((run) => (run.hints ?? []).map((hint) => hint.message));
}

describe('Event → Create with a lost answer', () => {
	it('finds the event Luma created and outputs it, with a hint; the create is sent once', async () => {
		const name = freshName('Lost after handling');
		dropCreate(false);
		const result = await runLumaWorkflow(sim, createEvent(name));
		expect(result.error(NODE)).toBeUndefined();
		const [item] = result.output(NODE);
		const [created] = eventsNamed(name);
		expect(eventsNamed(name)).toHaveLength(1);
		expect(item.json).toMatchObject({ id: created.id, name, start_at: '2027-09-01T16:00:00.000Z' });
		expect(sim.requests(CREATE)).toHaveLength(1);
		expect(sim.requests('/v1/calendars/events/list').length).toBeGreaterThanOrEqual(1);
		expect(hintsOf(result)).toEqual([expect.stringMatching(new RegExp(`answer to the create was lost; it had made an event named "${name}" starting .* \\(${created.id}\\), which was found and used \\(reconciled`))]);
	});

	it('says the event was not created when the request never reached Luma, after looking twice', async () => {
		const name = freshName('Lost before handling');
		dropCreate(true);
		const error = await runLumaError(sim, createEvent(name));
		expect(error.message).toBe(`Luma's answer was lost and an event named "${name}" starting 2027-09-01T16:00:00.000Z was not found: it was most likely not created`);
		expect(eventsNamed(name)).toHaveLength(0);
		expect(sim.requests(CREATE)).toHaveLength(1);
		expect(sim.requests('/v1/calendars/events/list')).toHaveLength(2);
	});

	it('treats an answer without the event ID as lost, and reconciles', async () => {
		const name = freshName('No ID');
		sim.sim.configure({ faults: [{ method: 'POST', path: CREATE, status: 200, body: { ok: true }, times: 1 }] });
		const error = await runLumaError(sim, createEvent(name));
		expect(error.message).toMatch(/was not found: it was most likely not created$/);
		expect(sim.requests(CREATE)).toHaveLength(1);
	});

	it('does not take an older event with the same name and start for the lost one', async () => {
		const name = freshName('Look-alike');
		const old = sim.sim.state.addEvent(sim.sim.state.primaryCalendarId, {
			name,
			start_at: '2027-09-01T16:00:00.000Z',
			timezone: 'Europe/Berlin',
			created_at: new Date(Date.now() - 86_400_000).toISOString(),
		});
		dropCreate(true);
		const error = await runLumaError(sim, createEvent(name));
		expect(error.message).toMatch(/most likely not created$/);
		expect(eventsNamed(name).map((event) => event.id)).toEqual([old.id]);
	});

	it('gives identical items of one run each their own event', async () => {
		const name = freshName('Twins');
		dropCreate(false, 2);
		const items = await runLuma(sim, createEvent(name), { input: [{}, {}] });
		const ids = items.map((item) => item.json.id);
		expect(new Set(ids).size).toBe(2);
		expect(eventsNamed(name).map((event) => event.id).sort()).toEqual([...ids].sort());
		expect(sim.requests(CREATE)).toHaveLength(2);
	});

	it('with Continue On Fail, only the lost item fails and the others are created once', async () => {
		const names = [freshName('First'), freshName('Second'), freshName('Third')];
		sim.sim.configure({
			faults: [{ method: 'POST', path: CREATE, dropConnection: true, beforeHandling: true, times: 1 }],
		});
		const items = await runLuma(sim, { ...createEvent('={{ $json.name }}') }, { input: names.map((name) => ({ name })), continueOnFail: true });
		const failed = items.filter((item) => item.json.error);
		expect(failed).toHaveLength(1);
		expect(String(failed[0].json.error)).toMatch(/most likely not created$/);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(names.map((name) => eventsNamed(name).length).sort()).toEqual([0, 1, 1]);
		expect(sim.requests(CREATE)).toHaveLength(3);
	});
});

describe('other creates with a lost answer', () => {
	it('Guest → Add is resent (Luma keys guests by email) and the guest is added once', async () => {
		const event = sim.sim.state.bigEventId;
		sim.sim.configure({ faults: [{ method: 'POST', path: '/v1/events/guests/add', dropConnection: true, beforeHandling: false, times: 1 }] });
		const items = await runLuma(sim, { resource: 'guest', operation: 'add', eventId: rl(event), email: 'resent@example.com' });
		expect(items[0].json).toMatchObject({ email: 'resent@example.com', added: true });
		expect(sim.requests('/v1/events/guests/add')).toHaveLength(2);
		expect(sim.sim.state.guestsOf(event).filter((guest) => guest.user_email === 'resent@example.com')).toHaveLength(1);
	});

	it('Ticket Type → Create says Luma may have done it, and what to look for', async () => {
		const event = sim.sim.state.bigEventId;
		sim.sim.configure({ faults: [{ method: 'POST', path: '/v1/events/ticket-types/create', dropConnection: true, beforeHandling: false, times: 1 }] });
		const error = await runLumaError(sim, { resource: 'ticketType', operation: 'create', eventId: rl(event), name: 'Late Bird', price: 0, currency: 'usd' });
		expect(error.message).toMatch(/^Luma may have done this already/);
		expect(error.description).toContain(`Check Ticket Type → Get Many of ${event} for a ticket type named "Late Bird"`);
		expect(sim.requests('/v1/events/ticket-types/create')).toHaveLength(1);
	});
});

describe('Webhook → Create and private addresses', () => {
	it('sends a private URL only with Allow Private Network URLs on', async () => {
		const parameters: IDataObject = { resource: 'webhook', operation: 'create', url: 'http://192.168.10.20/luma', eventTypes: ['event.canceled'] };
		const refused = await runLumaError(sim, parameters);
		expect(refused.message).toMatch(/^URL points at a private or local address \(192\.168\.10\.20\)/);
		expect(sim.requests('/v2/webhooks/create')).toHaveLength(0);
		const [created] = await runLuma(sim, { ...parameters, options: { allowPrivateNetworkUrls: true } });
		expect(created.json).toMatchObject({ url: 'http://192.168.10.20/luma' });
	});
});
