/**
 * One key, several n8n processes: the arithmetic each process spends by (nodes/shared/transport/sharing.ts),
 * as tables, and the scheduler's bucket driven with scripted answers (no HTTP, a fake clock): what it
 * lets out against the server's X-RateLimit count, alone and with other clients on the key.
 */
import type { BucketLimits } from '../../nodes/shared/scheduler';
import type { SendTicket } from '../../nodes/shared/serverCount';
import { Bucket } from '../../nodes/shared/scheduler';
import { resetIsWholeSeconds } from '../../nodes/shared/headers';
import { localShare, othersIn, processesSharingKey, reserveFor, spendable } from '../../nodes/shared/transport/sharing';

describe('the arithmetic of sharing a key', () => {
	test.each([
		// budget, processes, share
		[200, 1, 200],
		[200, 3, 66],
		[500, 4, 125],
		[20, 3, 6],
		[2, 3, 1],
		[Number.POSITIVE_INFINITY, 3, Number.POSITIVE_INFINITY],
	])('local share of %p for %p processes is %p (the server says nothing)', (budget, processes, share) => {
		expect(localShare(budget, processes)).toBe(share);
	});

	test.each([
		// processes, maxConcurrent, measured, limit, reserve
		[1, 5, 0, 200, 0],
		[3, 5, 0, 200, 10],
		[4, 5, 0, 200, 15],
		[1, 5, 12, 200, 12],
		[3, 5, 14, 200, 10],
		[3, 5, 3, 200, 10],
		[1, 5, 180, 200, 100],
		[10, 50, 0, 200, 100],
		[2, 30, 0, 30, 15],
	])('%p processes at concurrency %p, %p measured, limit %p: reserve %p', (processes, maxConcurrent, foreignInFlight, limit, reserve) => {
		expect(reserveFor({ processes, maxConcurrent, foreignInFlight, limit })).toBe(reserve);
	});

	test.each([
		// remaining, unobserved, reserve, spendable
		[200, 0, 0, 200],
		[40, 5, 10, 25],
		[12, 3, 10, -1],
		[0, 0, 0, 0],
	])('remaining %p, %p of ours unseen, reserve %p: %p may go', (remaining, unobserved, reserve, expected) => {
		expect(spendable(remaining, unobserved, reserve)).toBe(expected);
	});

	test.each([
		// growth of the count, of which ours at most, others at least
		[1, 1, 0],
		[5, 1, 4],
		[12, 5, 7],
		[3, 3, 0],
		[0, 4, 0],
	])("the count grew by %p, %p of it ours: %p of others'", (growth, ours, others) => {
		expect(othersIn(growth, ours)).toBe(others);
	});

	test.each([
		['1767261600', true],
		['12', true],
		['2026-01-01T10:00:00Z', true],
		['Thu, 01 Jan 2026 10:00:00 GMT', true],
		['2026-01-01T10:00:00.250Z', false],
		['1767261600250', false],
		['1767261600.25', false],
	])('reset %p is given in whole seconds: %p', (value, whole) => {
		expect(resetIsWholeSeconds(value)).toBe(whole);
	});

	test.each([
		[{}, 1],
		[{ processesSharingKey: 3 }, 3],
		[{ processesSharingKey: '4' }, 4],
		[{ processesSharingKey: 0 }, 1],
		[{ processesSharingKey: 2.7 }, 2],
		[{ processesSharingKey: 'many' }, 1],
	])('credential %j: %p processes', (credentials, processes) => {
		expect(processesSharingKey(credentials)).toBe(processes);
	});
});

/** A Luma-like server answering a scripted bucket: fixed windows of `limit` requests, counts in headers. */
function scriptedServer(limit: number, windowMs: number, start: number) {
	let windowStart = start;
	let counted = 0;
	return {
		/** Counts a request at `now` (ours or someone else's) and returns the answer headers. */
		count(now: number) {
			if (now - windowStart >= windowMs) {
				windowStart = now;
				counted = 0;
			}
			counted++;
			return {
				status: counted > limit ? 429 : 200,
				headers: {
					'x-ratelimit-limit': String(limit),
					'x-ratelimit-remaining': String(Math.max(0, limit - counted)),
					'x-ratelimit-reset': new Date(windowStart + windowMs).toISOString(),
				},
			};
		},
		get counted() {
			return counted;
		},
	};
}

describe('the bucket against the server count', () => {
	const WINDOW = 60_000;
	let now: number;
	let clock: jest.SpyInstance;
	beforeEach(() => {
		now = Date.parse('2026-03-01T10:00:00Z');
		clock = jest.spyOn(Date, 'now').mockImplementation(() => now);
	});
	afterEach(() => clock.mockRestore());

	const limitsFor = (overrides: Partial<BucketLimits> = {}): BucketLimits => ({
		maxConcurrent: 5,
		requestsPerWindow: 200,
		windowMs: WINDOW,
		resetGraceMs: 1000,
		...overrides,
	});

	/**
	 * Sends from `bucket` while it lets requests out without waiting, `inFlight` at a time, answering
	 * each after 10 ms; `others` requests of other clients land at the server per answer of ours.
	 * Returns how many of ours went out.
	 */
	async function spend(bucket: Bucket, server: ReturnType<typeof scriptedServer>, limits: BucketLimits, { others = 0, max = 1000 } = {}) {
		let sent = 0;
		const wire: SendTicket[] = [];
		const answerOne = () => {
			now += 10;
			for (let other = 0; other < others; other++) server.count(now);
			bucket.finishSend(wire.shift()!, server.count(now), limits);
		};
		while (sent < max) {
			while (wire.length < limits.maxConcurrent && bucket.sendDelay(limits) === 0 && sent < max) {
				wire.push(await bucket.startSend(limits));
				sent++;
			}
			if (wire.length === 0) break;
			answerOne();
		}
		while (wire.length) answerOne();
		return sent;
	}

	test('alone, it follows the count to the last request of the window, then waits for the reset', async () => {
		const start = now;
		const limits = limitsFor();
		const server = scriptedServer(200, WINDOW, now);
		const bucket = new Bucket();
		expect(await spend(bucket, server, limits)).toBe(200);
		expect(server.counted).toBe(200);
		expect(bucket.reserve(limits, 200)).toBe(0);
		// The reset comes to the millisecond: only the clock tolerance (100 ms) is added, not a second.
		now = start + WINDOW + 99;
		expect(bucket.sendDelay(limits)).toBe(1);
		now = start + WINDOW + 100;
		expect(bucket.sendDelay(limits)).toBe(0);
	});

	test('another client on the key is measured from the count: a reserve is left for it', async () => {
		const limits = limitsFor();
		const server = scriptedServer(200, WINDOW, now);
		const bucket = new Bucket();
		const ours = await spend(bucket, server, limits, { others: 2 });
		const reserve = bucket.reserve(limits, 200);
		// Two foreign requests per answer of ours, five of ours on the wire: about ten of theirs unseen at any time.
		expect(reserve).toBeGreaterThanOrEqual(10);
		expect(server.counted).toBeLessThanOrEqual(200);
		expect(ours + 2 * ours).toBeGreaterThanOrEqual(200 - reserve - 3 * limits.maxConcurrent);
	});

	test.each([
		[3, 10],
		[4, 15],
	])('configured for %p processes at concurrency 5, it stops with %p left for the others', async (processes, left) => {
		const limits = limitsFor({ processes });
		const server = scriptedServer(200, WINDOW, now);
		const bucket = new Bucket();
		expect(await spend(bucket, server, limits)).toBe(200 - left);
		expect(200 - server.counted).toBe(left);
	});

	test('on a sliding window (the Agents API: every create answered with its own reset) the reserve holds too', async () => {
		const limits = limitsFor({ processes: 3, requestsPerWindow: 30, serverWindow: 'sliding' });
		const bucket = new Bucket();
		const accepted: number[] = [];
		let sent = 0;
		const wire: SendTicket[] = [];
		while (sent < 100) {
			while (wire.length < limits.maxConcurrent && bucket.sendDelay(limits) === 0) {
				wire.push(await bucket.startSend(limits));
				sent++;
			}
			if (wire.length === 0) break;
			now += 10;
			accepted.push(now);
			const headers = { 'x-ratelimit-limit': '30', 'x-ratelimit-remaining': String(30 - accepted.length), 'x-ratelimit-reset': String(Math.ceil((now + WINDOW) / 1000)) };
			bucket.finishSend(wire.shift()!, { status: 201, headers }, limits);
		}
		// 30 per minute, 2 more processes at concurrency 5: 10 left for their creates in flight.
		expect(accepted).toHaveLength(20);
	});

	test("after the reset it sends into the new window before any answer shows that window's count, up to the budget", async () => {
		const limits = limitsFor({ processes: 3 });
		const server = scriptedServer(200, WINDOW, now);
		const bucket = new Bucket();
		await spend(bucket, server, limits);
		now += WINDOW;
		expect(bucket.sendDelay(limits)).toBe(0);
		expect(await spend(bucket, server, limits, { max: 3 })).toBe(3);
	});

	test("a budget set below the server's keeps the local count, shared out between the processes", async () => {
		const limits = limitsFor({ requestsPerWindow: 90, processes: 3 });
		const server = scriptedServer(200, WINDOW, now);
		expect(await spend(new Bucket(), server, limits)).toBe(30);
	});

	test('without a count from the server, each of 3 processes gets a third of the budget', async () => {
		const limits = limitsFor({ processes: 3 });
		const bucket = new Bucket();
		let sent = 0;
		while (bucket.sendDelay(limits) === 0 && sent < 500) {
			const ticket = await bucket.startSend(limits);
			now += 5;
			bucket.finishSend(ticket, { status: 200, headers: {} }, limits);
			sent++;
		}
		expect(sent).toBe(66);
	});

	test('a reset given in whole seconds may be rounded down: a second of grace', async () => {
		const limits = limitsFor();
		const bucket = new Bucket();
		const resetAt = Math.floor(now / 1000) * 1000 + 5000;
		const ticket = await bucket.startSend(limits);
		bucket.finishSend(ticket, { status: 200, headers: { 'x-ratelimit-limit': '1', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(resetAt / 1000) } }, limits);
		expect(bucket.sendDelay(limits)).toBe(resetAt + 1000 - now);
	});

	test('a sliding window (Agents API) goes back to the local count once its reset has passed', async () => {
		const limits = limitsFor({ requestsPerWindow: 30, serverWindow: 'sliding' });
		const bucket = new Bucket();
		const ticket = await bucket.startSend(limits);
		bucket.finishSend(ticket, { status: 429, headers: { 'x-ratelimit-limit': '30', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.ceil((now + 5000) / 1000)) } }, limits);
		expect(bucket.sendDelay(limits)).toBeGreaterThan(4000);
		now += 6000 + 1000;
		// Back to the local count: the one request we sent still counts for a window after its answer.
		expect(bucket.sendDelay(limits)).toBe(0);
	});
});
