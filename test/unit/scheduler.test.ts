/**
 * The shared transport's scheduler, driven through real n8n execution (WorkflowExecute + n8n's
 * authenticated HTTP helper) against a scripted local server that measures what arrives.
 * Time is scaled (windows and lockouts of a few hundred ms); assertions are on counts and ordering.
 */
import type { IDataObject, IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { readConcurrencySettings } from '../../nodes/shared/concurrency';
import { parseResetTime, parseRetryAfter } from '../../nodes/shared/headers';
import { runPerItem } from '../../nodes/shared/itemRunner';
import { getBucket, getSchedulerCounters, resetScheduler } from '../../nodes/shared/scheduler';
import { configureTransport, lumaApiRequest, setRunSettings } from '../../nodes/shared/transport';
import { runWorkflow } from '../helpers/n8n';
import { probeDescription } from '../helpers/probeNode';
import type { ScriptedAnswer, ScriptedServer } from '../helpers/scriptedServer';
import { startScriptedServer } from '../helpers/scriptedServer';

/** A node that sends one request per item through the shared transport. */
class TransportProbe implements INodeType {
	description: INodeTypeDescription = probeDescription(
		'transportProbe',
		[
			{ displayName: 'API', name: 'api', type: 'string', default: 'events' },
			{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
			{ displayName: 'Path', name: 'path', type: 'string', default: '/v1/users/get-self' },
			{ displayName: 'Limit Group', name: 'limitGroup', type: 'string', default: '' },
			{ displayName: 'Options', name: 'options', type: 'json', default: {} },
		],
		[{ name: 'lumaApi', required: false }, { name: 'lumaLabsApi', required: false }],
	);

	async execute(this: IExecuteFunctions) {
		const items = this.getInputData();
		// As the nodes' router does: Options → Concurrency read once, handed to the transport.
		const settings = readConcurrencySettings.call(this);
		setRunSettings(this, settings);
		return [
			await runPerItem.call(this, items.length, settings.maxConcurrentRequests, async (itemIndex) => {
				const method = this.getNodeParameter('method', itemIndex) as 'GET' | 'POST';
				const limitGroup = (this.getNodeParameter('limitGroup', itemIndex) as string) || undefined;
				return (await lumaApiRequest(this, this.getNodeParameter('api', itemIndex) as 'events', {
					method,
					path: this.getNodeParameter('path', itemIndex) as string,
					body: method === 'POST' ? { item: itemIndex } : undefined,
					limitGroup: limitGroup as 'video' | undefined,
					itemIndex,
				})) as IDataObject;
			}),
		];
	}
}

const WINDOW_MS = 400;

async function probe(
	server: ScriptedServer,
	{
		items = 1,
		method = 'GET',
		concurrency = {},
		apiKey = 'cal-key',
		cancelAfterMs,
		api = 'events',
		limitGroup = '',
		continueOnFail = false,
	}: {
		items?: number;
		method?: string;
		concurrency?: IDataObject;
		apiKey?: string;
		cancelAfterMs?: number;
		api?: 'events' | 'dreamMachine';
		limitGroup?: string;
		continueOnFail?: boolean;
	} = {},
) {
	return await runWorkflow({
		nodes: [
			{
				name: 'Probe',
				type: 'transportProbe',
				continueOnFail,
				parameters: {
					api,
					method,
					path: api === 'events' ? '/v1/events/x' : '/generations/video',
					limitGroup,
					options: { concurrency },
				},
			},
		],
		credentials: {
			lumaApi: { apiKey, baseUrl: server.url, keyType: 'calendar' },
			lumaLabsApi: { apiKey, baseUrl: server.url, plan: 'build' },
		},
		input: Array.from({ length: items }, (_, i) => ({ i })),
		extraNodeTypes: { transportProbe: new TransportProbe() },
		cancelAfterMs,
	});
}

/** A fixed-window rate limiter like Luma's: `limit` per window, then a lockout. */
function lumaLikeLimiter(limit: number, lockoutMs: number, { retryAfter = true, reset = true, countHeaders = true } = {}) {
	let windowStart = 0;
	let count = 0;
	let blockedUntil = 0;
	const rejected: number[] = [];
	const duringLockout: number[] = [];
	return {
		rejected,
		duringLockout,
		answer(arrival: { at: number }): ScriptedAnswer {
			const now = arrival.at;
			if (now < blockedUntil) {
				duringLockout.push(now);
				rejected.push(now);
				return { status: 429, body: { message: 'Rate limit exceeded', code: 'rate_limited' } };
			}
			if (now - windowStart >= WINDOW_MS) {
				windowStart = now;
				count = 0;
			}
			count++;
			if (count > limit) {
				blockedUntil = now + lockoutMs;
				rejected.push(now);
				const headers: Record<string, string> = {};
				if (retryAfter) headers['retry-after'] = String(Math.max(1, Math.ceil(lockoutMs / 1000)));
				if (reset) headers['x-ratelimit-reset'] = new Date(blockedUntil).toISOString();
				return { status: 429, headers, body: { message: 'Rate limit exceeded', code: 'rate_limited' } };
			}
			return {
				headers: countHeaders
					? {
							'x-ratelimit-limit': String(limit),
							'x-ratelimit-remaining': String(limit - count),
							'x-ratelimit-reset': new Date(windowStart + WINDOW_MS).toISOString(),
						}
					: {},
				body: { ok: true },
			};
		},
	};
}

describe('shared transport scheduler', () => {
	let server: ScriptedServer | undefined;

	beforeEach(() => {
		resetScheduler();
		configureTransport({ windowMs: WINDOW_MS, eventsLockoutMs: 300, backoffBaseMs: 20, backoffCapMs: 200 });
	});
	afterEach(async () => {
		await server?.close();
		server = undefined;
	});
	afterAll(() => configureTransport('defaults'));

	it('never has more requests in flight than Max Concurrent Requests (measured at the server)', async () => {
		server = await startScriptedServer(() => ({ delayMs: 30, body: { ok: true } }));
		const run = await probe(server, { items: 24, concurrency: { maxConcurrentRequests: 3, requestsPerMinute: 1000 } });
		expect(run.output('Probe')).toHaveLength(24);
		expect(server.arrivals).toHaveLength(24);
		expect(server.maxInFlight).toBe(3);
		expect(run.output('Probe').map((item) => item.pairedItem)).toEqual(
			Array.from({ length: 24 }, (_, item) => ({ item })),
		);
	});

	it('paces a steady stream to the budget so the server never answers 429', async () => {
		const limiter = lumaLikeLimiter(8, 300);
		server = await startScriptedServer((arrival) => limiter.answer(arrival));
		const run = await probe(server, { items: 30, concurrency: { maxConcurrentRequests: 4, requestsPerMinute: 8 } });
		expect(run.output('Probe')).toHaveLength(30);
		expect(limiter.rejected).toHaveLength(0);
		expect(server.arrivals).toHaveLength(30);
	});

	it('on 429 pauses every request of the account until the lockout ends (Retry-After honoured)', async () => {
		// The server allows 5 per window, sends no counts, and the node believes it may send 50:
		// it learns from the 429.
		const limiter = lumaLikeLimiter(5, 1000, { countHeaders: false });
		server = await startScriptedServer((arrival) => limiter.answer(arrival));
		const run = await probe(server, { items: 12, concurrency: { maxConcurrentRequests: 1, requestsPerMinute: 50 } });
		expect(run.output('Probe')).toHaveLength(12);
		expect(limiter.rejected.length).toBeGreaterThanOrEqual(1);
		// Nothing was sent while Luma's block was running (sending would only extend it).
		expect(limiter.duringLockout).toHaveLength(0);
		const first429 = limiter.rejected[0];
		const nextArrival = server.arrivals.find((arrival) => arrival.at > first429);
		expect(nextArrival!.at - first429).toBeGreaterThanOrEqual(1000 - 5);
		expect(getSchedulerCounters().rateLimited).toBe(limiter.rejected.length);
	});

	it('without Retry-After uses X-RateLimit-Reset, and without either the documented lockout', async () => {
		for (const headers of [
			{ retryAfter: false, reset: true, countHeaders: false },
			{ retryAfter: false, reset: false, countHeaders: false },
		]) {
			resetScheduler();
			const limiter = lumaLikeLimiter(4, 300, headers);
			server = await startScriptedServer((arrival) => limiter.answer(arrival));
			const run = await probe(server, { items: 10, concurrency: { maxConcurrentRequests: 1, requestsPerMinute: 50 } });
			expect(run.output('Probe')).toHaveLength(10);
			expect(limiter.duringLockout).toHaveLength(0);
			await server.close();
			server = undefined;
		}
	});

	it('retries under a 429 storm never push in-flight requests above the cap', async () => {
		let served = 0;
		server = await startScriptedServer(() => {
			served++;
			// Every other request is refused without any hint: exponential backoff with jitter applies.
			return served % 2 === 0 ? { status: 429, body: { message: 'Too many requests' } } : { delayMs: 15, body: { ok: 1 } };
		});
		const run = await probe(server, {
			api: 'dreamMachine',
			items: 16,
			concurrency: { maxConcurrentRequests: 3, requestsPerMinute: 10000 },
		});
		expect(run.output('Probe')).toHaveLength(16);
		expect(server.maxInFlight).toBeLessThanOrEqual(3);
		expect(getSchedulerCounters().retries).toBe(server.arrivals.length - 16);
	});

	it('gives up with a clear error once Max Retry Wait is used up', async () => {
		server = await startScriptedServer(() => ({ status: 429, headers: { 'retry-after': '1' }, body: { message: 'Slow down' } }));
		const run = await probe(server, { concurrency: { maxRetryWaitSeconds: 2.5 } });
		const error = run.error('Probe');
		expect(error?.message).toContain('Slow down');
		expect(error?.description).toContain('Max Retry Wait');
		// 1 s + (1 s + jitter ≤ 0.2 s) fit in the 2.5 s budget, a third wait does not: three requests in all.
		expect(server.arrivals).toHaveLength(3);
	});

	it('never sends a create (POST) twice after a 5xx or a dropped connection', async () => {
		server = await startScriptedServer(() => ({ status: 502, body: { message: 'Bad gateway' } }));
		let run = await probe(server, { method: 'POST', items: 3, continueOnFail: true });
		expect(server.arrivals.filter((a) => a.method === 'POST')).toHaveLength(3);
		expect(run.output('Probe').map((item) => item.json.httpCode)).toEqual(['502', '502', '502']);
		await server.close();

		server = await startScriptedServer(() => ({ destroy: true }));
		run = await probe(server, { method: 'POST' });
		expect(server.arrivals).toHaveLength(1);
		// Not a plain network error: the create may have happened, and the user is told to check first.
		expect(run.error('Probe')?.message).toBe('Luma may have done this already: the connection failed after the request may have reached Luma');
		expect(run.error('Probe')?.description).toMatch(/^Network error ECONNRESET\. .* before running the node again/);
	});

	it('never puts the API key in errors or outputs', async () => {
		const secret = 'luma-secret-key-7f3a9c';
		server = await startScriptedServer((_, index) =>
			index === 0 ? { status: 401, body: { message: 'Invalid API key', code: 'unauthorized' } } : { destroy: true },
		);
		const failed = await probe(server, { apiKey: secret, method: 'POST', items: 2, continueOnFail: true });
		expect(failed.output('Probe')[0].json.error).toBe('Luma: Invalid API key (unauthorized)');
		const stopped = await probe(server, { apiKey: secret, method: 'POST' });
		expect(stopped.error('Probe')).toBeDefined();
		for (const run of [failed, stopped]) {
			const serialised = JSON.stringify(run.run, (_key, value) =>
				value instanceof Error ? { ...value, message: value.message, stack: value.stack } : value,
			);
			expect(serialised).not.toContain(secret);
		}
	});

	it('retries reads (GET) on 5xx and dropped connections', async () => {
		server = await startScriptedServer((_, index) =>
			index === 0 ? { status: 503, body: { message: 'Unavailable' } } : index === 1 ? { destroy: true } : { body: { id: 'ok' } },
		);
		const run = await probe(server);
		expect(run.output('Probe')[0].json).toEqual({ id: 'ok' });
		expect(server.arrivals).toHaveLength(3);
	});

	it('resends a create when the connection was refused (it provably never reached the server)', async () => {
		server = await startScriptedServer(() => ({ body: {} }));
		const closedUrl = server.url;
		await server.close();
		server = undefined;
		const run = await runWorkflow({
			nodes: [{ name: 'Probe', type: 'transportProbe', parameters: { api: 'events', method: 'POST', path: '/v1/events/create', options: {} } }],
			credentials: { lumaApi: { apiKey: 'k', baseUrl: closedUrl, keyType: 'calendar' } },
			extraNodeTypes: { transportProbe: new TransportProbe() },
		});
		// n8n words the message for known network codes; the code stays in the description.
		expect(run.error('Probe')?.message).toMatch(/refused the connection/);
		expect(run.error('Probe')?.description).toContain('ECONNREFUSED');
		const counters = getSchedulerCounters();
		expect(counters.requestsSent).toBe(4); // first attempt + 3 retries
		expect(counters.retries).toBe(3);
	});

	it('stops waiting when the execution is cancelled', async () => {
		server = await startScriptedServer(() => ({ status: 429, headers: { 'retry-after': '30' }, body: { message: 'Locked' } }));
		const run = await probe(server, { items: 3, cancelAfterMs: 300 });
		expect(run.run.status).not.toBe('success');
		expect(getSchedulerCounters().rateLimited).toBeLessThanOrEqual(3);
		// The three items went out together and met the lockout; nobody waited out the 30 s block
		// (that would have sent them again): nothing else was sent before or after the cancellation.
		expect(server.arrivals.length).toBeLessThanOrEqual(3);
		const sent = server.arrivals.length;
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(server.arrivals).toHaveLength(sent);
	});

	it('shares one budget between executions using the same key, separate budgets per key', async () => {
		server = await startScriptedServer(() => ({ delayMs: 25, body: {} }));
		const concurrency = { maxConcurrentRequests: 2, requestsPerMinute: 1000 };
		await Promise.all([probe(server, { items: 8, concurrency }), probe(server, { items: 8, concurrency })]);
		expect(server.maxInFlight).toBe(2);

		const before = server.arrivals.length;
		server.maxInFlight = 0;
		await Promise.all([
			probe(server, { items: 8, concurrency, apiKey: 'key-a' }),
			probe(server, { items: 8, concurrency, apiKey: 'key-b' }),
		]);
		expect(server.arrivals.length - before).toBe(16);
		expect(server.maxInFlight).toBe(4);
	});

	it('follows the server count (X-RateLimit-Remaining) when another client shares the key', async () => {
		let resetAt = 0;
		const early: number[] = [];
		server = await startScriptedServer((arrival, index) => {
			if (index === 0) {
				resetAt = arrival.at + 300;
				return { headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': new Date(resetAt).toISOString() }, body: {} };
			}
			if (arrival.at < resetAt) early.push(arrival.at);
			return { body: {} };
		});
		const run = await probe(server, { items: 3, concurrency: { maxConcurrentRequests: 1, requestsPerMinute: 1000 } });
		expect(run.output('Probe')).toHaveLength(3);
		expect(early).toHaveLength(0);
	});

	it('paces Dream Machine creates to the plan per model family', async () => {
		const arrivalsPerWindow: number[] = [];
		server = await startScriptedServer((arrival) => {
			arrivalsPerWindow.push(arrival.at);
			return { status: 201, body: { id: 'g' } };
		});
		configureTransport({ windowMs: 200 });
		// Build tier: 20 video creates per window.
		const run = await probe(server, { api: 'dreamMachine', method: 'POST', limitGroup: 'video', items: 30, concurrency: { maxConcurrentRequests: 30 } });
		expect(run.output('Probe')).toHaveLength(30);
		const first = arrivalsPerWindow[0];
		expect(arrivalsPerWindow.filter((at) => at - first < 200).length).toBeLessThanOrEqual(20);
	});

	it('forgets idle accounts so its state stays bounded', () => {
		const now = Date.now();
		getBucket('a|events');
		expect(getSchedulerCounters().buckets).toBe(1);
		const spy = jest.spyOn(Date, 'now').mockReturnValue(now + 11 * 60 * 1000);
		try {
			getBucket('b|events');
			expect(getSchedulerCounters().buckets).toBe(1);
			expect(getSchedulerCounters('a|').buckets).toBe(0);
		} finally {
			spy.mockRestore();
		}
	});

	it('parses Retry-After and X-RateLimit-Reset in every format Luma might use', () => {
		const now = Date.parse('2026-01-01T00:00:00Z');
		expect(parseRetryAfter('60', now)).toBe(60_000);
		expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
		expect(parseRetryAfter('', now)).toBeUndefined();
		expect(parseResetTime(String(now / 1000 + 5), now)).toBe(now + 5000);
		expect(parseResetTime(String(now + 7000), now)).toBe(now + 7000);
		expect(parseResetTime('12', now)).toBe(now + 12_000);
		expect(parseResetTime('2026-01-01T00:00:09.000Z', now)).toBe(now + 9000);
	});
});
