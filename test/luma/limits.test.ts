/**
 * The Luma Events node against the simulator's rate limit (200 per window for a calendar key, one
 * window scaled to 600 ms, lockout after a 429): items beyond the budget wait instead of failing,
 * and Luma's error messages reach the user with the item index; a 404 says whether the ID or the
 * route is unknown.
 */
import { restoreTimings, runLuma, runLumaError, runLumaWorkflow, startLumaSim, useFastTimings, type LumaSim, NODE } from './helpers';

let sim: LumaSim;

beforeAll(async () => {
	sim = await startLumaSim({ events: { rateLimit: { calendarPerWindow: 40, organizationPerWindow: 100 } } });
});
afterAll(async () => {
	await sim.close();
	restoreTimings();
});
beforeEach(() => {
	useFastTimings();
	sim.sim.resetStats();
});

test('120 items with a 40-per-window budget: every item succeeds and no request is refused', async () => {
	const items = await runLuma(
		sim,
		{ resource: 'user', operation: 'getSelf', options: { concurrency: { maxConcurrentRequests: 8, requestsPerMinute: 40 } } },
		{ input: Array.from({ length: 120 }, (_, index) => ({ index })) },
	);
	expect(items).toHaveLength(120);
	expect(items.map((item) => item.pairedItem)).toEqual(Array.from({ length: 120 }, (_, index) => ({ item: index })));
	expect(sim.sim.events.stats().sent429).toBe(0);
	expect(sim.requests('/v1/users/get-self')).toHaveLength(120);
});

test("a budget set higher than the key's: Luma's own count (X-RateLimit-*) keeps the node inside the key's budget", async () => {
	const items = await runLuma(
		sim,
		{ resource: 'user', operation: 'getSelf', options: { concurrency: { maxConcurrentRequests: 8, requestsPerMinute: 400 } } },
		// A key of its own: its first requests go out before any answer shows the count, into a fresh window.
		{ input: Array.from({ length: 90 }, (_, index) => ({ index })), credentials: { apiKey: 'budget-above-the-key' } },
	);
	expect(items).toHaveLength(90);
	expect(sim.sim.events.stats().sent429).toBe(0);
	expect(sim.requests('/v1/users/get-self')).toHaveLength(90);
});

test('without the count in the answers, a budget set too high meets 429s, waits out the lockout, and still completes every item once', async () => {
	const blind = await startLumaSim({ events: { rateLimit: { calendarPerWindow: 40, organizationPerWindow: 100, countHeaders: false } } });
	try {
		const items = await runLuma(
			blind,
			{ resource: 'user', operation: 'getSelf', options: { concurrency: { maxConcurrentRequests: 8, requestsPerMinute: 400 } } },
			{ input: Array.from({ length: 90 }, (_, index) => ({ index })) },
		);
		expect(items).toHaveLength(90);
		const stats = blind.sim.events.stats();
		// Each lockout starts with one 429 past the budget (at most one per window of the 3 that 90 items need).
		const lockouts = stats.sent429 - stats.rejectedDuringLockout;
		expect(lockouts).toBeGreaterThan(0);
		expect(lockouts).toBeLessThanOrEqual(3);
		// After a 429 the account pauses: only the other requests already in flight (at most 7) can hit its lockout.
		expect(stats.rejectedDuringLockout).toBeLessThanOrEqual(7 * lockouts);
		expect(blind.requests('/v1/users/get-self').filter((entry) => entry.status === 200)).toHaveLength(90);
	} finally {
		await blind.close();
	}
});

test("Luma's own error message reaches the user with the item index; Continue On Fail keeps the other items", async () => {
	const result = await runLumaWorkflow(sim, { resource: 'event', operation: 'get', eventId: { __rl: true, mode: 'id', value: 'evt-doesnotexist' } });
	const error = result.error(NODE) as Error & { httpCode?: string; context?: { itemIndex?: number } };
	expect(error.message).toMatch(/Event not found/);
	expect(error.httpCode).toBe('404');

	const existing = [...sim.sim.state.events.values()][0].id;
	const items = await runLuma(
		sim,
		{ resource: 'event', operation: 'get', eventId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
		{ input: [{ id: existing }, { id: 'evt-doesnotexist' }, { id: existing }], continueOnFail: true },
	);
	expect(items.map((item) => (item.json.error ? 'error' : item.json.id))).toEqual([existing, 'error', existing]);
	expect(String(items[1].json.error)).toMatch(/not found/i);
	expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	expect(JSON.stringify(items)).not.toContain('test-calendar-key');
});

/**
 * A 404 means one of two things, and the error says which (nodes/shared/errors.ts, isUnknownRoute):
 * Luma does not know the ID (its JSON names what it did not find: "Event not found."), or the server
 * does not serve the route at all (a wrong base URL, or an endpoint the account does not have) and
 * answers a bare "not found" for the path: the simulator's is core's "No route for <path>"
 * (test/simulator/index.ts).
 */
describe('a 404: unknown ID or unknown route', () => {
	const ID_HINT = 'Luma does not know this ID';
	const ROUTE_HINT = 'This endpoint is not available at this base URL';
	const getEvent = (eventId: string) => ({ resource: 'event', operation: 'get', eventId: { __rl: true, mode: 'id', value: eventId } });

	test('an event ID Luma does not know: its "Event not found", and the hint is about the ID', async () => {
		const error = await runLumaError(sim, getEvent('evt-doesnotexist'));
		expect(error.message).toBe('Luma: Event not found. (not_found)');
		expect(error.httpCode).toBe('404');
		expect(error.description).toContain(ID_HINT);
		expect(error.description).not.toContain(ROUTE_HINT);
		// Luma answered it, once (a 404 is not sent again).
		expect(sim.requests('/v1/events/get').map((entry) => [entry.query.event_id, entry.status])).toEqual([['evt-doesnotexist', 404]]);
	});

	test('a base URL the API is not served at: the route is unknown, and the hint says so instead of blaming the ID', async () => {
		// An event that exists: only the route is wrong.
		const existing = String([...sim.sim.state.events.values()][0].id);
		const error = await runLumaError(sim, getEvent(existing), { credentials: { baseUrl: `${sim.url}/no-such-prefix` } });
		expect(error.message).toBe('Luma: No route for /no-such-prefix/v1/events/get (not_found)');
		expect(error.httpCode).toBe('404');
		expect(error.description).toContain(ROUTE_HINT);
		expect(error.description).toContain('check the base URL in the credential');
		expect(error.description).not.toContain(ID_HINT);
		// The server answered the path, once; the events API itself was never reached.
		expect(sim.sim.requestLog.map((entry) => [entry.path, entry.query.event_id, entry.status])).toEqual([['/no-such-prefix/v1/events/get', existing, 404]]);
		expect(sim.requests()).toEqual([]);
	});
});
