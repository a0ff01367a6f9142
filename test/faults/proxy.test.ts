/**
 * The fault proxy itself, driven with undici against the real simulator: every fault does what its
 * name says, proven from the client's side (what arrived) and from upstream's (the simulator's own
 * request log and its store), and the proxy's log agrees with both.
 */
import type { IncomingHttpHeaders } from 'node:http';

import { Agent, request } from 'undici';

import { startSimulator, type Simulator } from '../simulator';
import { DREAM_MACHINE_MOUNT } from '../simulator/dream-machine';
import { faults, startFaultProxy, type FaultProxy } from './proxy';

const KEY = 'proxy-test-key-61c0e2b9';
const EVENTS_HEADERS = { 'x-luma-api-key': KEY, 'content-type': 'application/json' };

let sim: Simulator;
let proxy: FaultProxy;
let eventId: string;

beforeAll(async () => {
	sim = await startSimulator({ timeScale: 0.01 });
	proxy = await startFaultProxy({ upstream: sim.url });
	eventId = String([...sim.state.events.values()][0].id);
});
afterAll(async () => {
	await proxy.close();
	await sim.close();
});
beforeEach(() => {
	proxy.clear();
	sim.resetStats();
});

type Answer = { status: number; headers: IncomingHttpHeaders; text: string; error?: undefined } | { error: string; status?: number };

/** One request on its own connection; a failure comes back as its error code (and the status, if headers arrived). */
async function call(
	base: string,
	method: 'GET' | 'POST',
	path: string,
	{ body, headers = EVENTS_HEADERS, timeoutMs }: { body?: object; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Answer> {
	const dispatcher = new Agent({ headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
	let status: number | undefined;
	try {
		const response = await request(`${base}${path}`, { method, headers, body: body && JSON.stringify(body), dispatcher });
		status = response.statusCode;
		return { status, headers: response.headers, text: await response.body.text() };
	} catch (error) {
		return { error: (error as { code?: string }).code ?? String(error), status };
	} finally {
		await dispatcher.destroy();
	}
}

const viaProxy = (method: 'GET' | 'POST', path: string, options?: Parameters<typeof call>[3]) => call(proxy.url, method, path, options);
const direct = (method: 'GET' | 'POST', path: string, options?: Parameters<typeof call>[3]) => call(sim.url, method, path, options);

const GET_EVENT = () => `/v1/events/get?event_id=${eventId}`;
const CREATE = '/v1/events/create';
const newEvent = (name: string) => ({ name, start_at: '2027-03-01T10:00:00.000Z', timezone: 'UTC' });
const eventsNamed = (name: string) => [...sim.state.events.values()].filter((event) => event.name === name).length;
const upstreamSaw = (path: string) => sim.requestLog.filter((entry) => entry.path === path).length;

function expectSuccess(answer: Answer) {
	if (answer.error !== undefined) throw new Error(`request failed: ${answer.error}`);
	return answer;
}

describe('no rule', () => {
	test('passes a read through unchanged: same status, content type and body as upstream gives', async () => {
		const expected = expectSuccess(await direct('GET', GET_EVENT()));
		sim.resetStats();
		const answer = expectSuccess(await viaProxy('GET', GET_EVENT()));
		expect(answer.status).toBe(200);
		expect(answer.headers['content-type']).toBe(expected.headers['content-type']);
		expect(JSON.parse(answer.text)).toEqual(JSON.parse(expected.text));
		expect(sim.requestLog).toMatchObject([{ method: 'GET', path: '/v1/events/get', query: { event_id: eventId }, status: 200 }]);
		expect(proxy.log).toMatchObject([
			{ method: 'GET', path: '/v1/events/get', search: `?event_id=${eventId}`, upstreamSaw: true, upstreamStatus: 200, client: 'response', clientStatus: 200, done: true },
		]);
		expect(proxy.log[0].fault).toBeUndefined();
	});

	test('passes a create through with its body and headers (the key reaches upstream, not the log)', async () => {
		const answer = expectSuccess(await viaProxy('POST', CREATE, { body: newEvent('Passed through') }));
		expect(answer.status).toBe(200);
		expect(eventsNamed('Passed through')).toBe(1);
		expect(proxy.log[0]).toMatchObject({ method: 'POST', path: CREATE, body: JSON.stringify(newEvent('Passed through')), upstreamStatus: 200 });

		// Without the key header upstream refuses: the header above was forwarded.
		const unauthenticated = expectSuccess(await viaProxy('GET', GET_EVENT(), { headers: {} }));
		expect(unauthenticated.status).toBe(400);
		expect(JSON.stringify(proxy.log)).not.toContain(KEY);
	});

	test('keeps the Host header: URLs upstream builds point back at the proxy, and they work through it', async () => {
		const labs = { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' };
		const created = expectSuccess(await viaProxy('POST', `${DREAM_MACHINE_MOUNT}/generations/image`, { headers: labs, body: { prompt: 'a red kite', model: 'photon-1' } }));
		const { id } = JSON.parse(created.text) as { id: string };
		let generation: { state: string; assets: { image: string } | null };
		for (let polls = 0; ; polls++) {
			generation = JSON.parse(expectSuccess(await viaProxy('GET', `${DREAM_MACHINE_MOUNT}/generations/${id}`, { headers: labs })).text);
			if (generation.state === 'completed') break;
			if (polls > 500) throw new Error(`generation still ${generation.state}`);
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
		expect(generation.assets?.image.startsWith(`${proxy.url}/`)).toBe(true);
		const asset = expectSuccess(await call(generation.assets!.image, 'GET', '', { headers: {} }));
		expect(asset.status).toBe(200);
		expect(asset.headers['content-type']).toMatch(/^image\//);
	});

	test('an unreachable upstream is a 502 from the proxy, logged as not seen', async () => {
		const gone = await startSimulator();
		const url = gone.url;
		await gone.close();
		const orphan = await startFaultProxy({ upstream: url });
		try {
			expect(expectSuccess(await call(orphan.url, 'GET', GET_EVENT())).status).toBe(502);
			expect(orphan.log[0]).toMatchObject({ upstreamSaw: false, upstreamError: 'ECONNREFUSED', client: 'response', clientStatus: 502 });
		} finally {
			await orphan.close();
		}
	});
});

describe('5xx and other answers from the proxy', () => {
	test('a 5xx with a JSON body: upstream never sees the request', async () => {
		proxy.inject({ path: CREATE, fault: faults.jsonError(503) });
		const answer = expectSuccess(await viaProxy('POST', CREATE, { body: newEvent('Never made') }));
		expect(answer.status).toBe(503);
		expect(answer.headers['content-type']).toBe('application/json');
		expect(JSON.parse(answer.text)).toEqual({ message: 'Service temporarily unavailable' });
		expect(upstreamSaw(CREATE)).toBe(0);
		expect(eventsNamed('Never made')).toBe(0);
		expect(proxy.log[0]).toMatchObject({ fault: '503 before forwarding', upstreamSaw: false, client: 'response', clientStatus: 503 });
	});

	test('a 5xx with an HTML error page', async () => {
		proxy.inject({ path: '/v1/events/get', fault: faults.htmlError(502) });
		const answer = expectSuccess(await viaProxy('GET', GET_EVENT()));
		expect(answer.status).toBe(502);
		expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
		expect(answer.text).toMatch(/^<!DOCTYPE html>[\s\S]*<title>502 Bad Gateway<\/title>/);
		expect(upstreamSaw('/v1/events/get')).toBe(0);
	});

	test('an HTML 200 before forwarding never reaches upstream; after forwarding upstream processed it', async () => {
		proxy.inject({ path: CREATE, nth: 1, fault: faults.html200('before') });
		proxy.inject({ path: CREATE, nth: 2, fault: faults.html200('after') });
		for (const name of ['HTML before', 'HTML after']) {
			const answer = expectSuccess(await viaProxy('POST', CREATE, { body: newEvent(name) }));
			expect(answer.status).toBe(200);
			expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
			expect(() => JSON.parse(answer.text)).toThrow();
		}
		expect(eventsNamed('HTML before')).toBe(0);
		expect(eventsNamed('HTML after')).toBe(1);
		expect(proxy.log.map((entry) => [entry.upstreamSaw, entry.upstreamStatus, entry.clientStatus])).toEqual([
			[false, undefined, 200],
			[true, 200, 200],
		]);
	});

	test('429 with and without Retry-After', async () => {
		proxy.inject({ path: '/v1/events/get', nth: 1, fault: faults.tooManyRequests(2) });
		proxy.inject({ path: '/v1/events/get', nth: 2, fault: faults.tooManyRequests() });
		const withHeader = expectSuccess(await viaProxy('GET', GET_EVENT()));
		const without = expectSuccess(await viaProxy('GET', GET_EVENT()));
		expect([withHeader.status, without.status]).toEqual([429, 429]);
		expect(withHeader.headers['retry-after']).toBe('2');
		expect(without.headers['retry-after']).toBeUndefined();
		expect(JSON.parse(without.text)).toEqual({ message: 'Too many requests, slow down.' });
		expect(upstreamSaw('/v1/events/get')).toBe(0);
	});
});

describe('connection resets', () => {
	test('before forwarding: the client gets ECONNRESET and upstream never sees the request', async () => {
		proxy.inject({ path: CREATE, fault: faults.resetBeforeForwarding() });
		expect(await viaProxy('POST', CREATE, { body: newEvent('Reset before') })).toEqual({ error: 'ECONNRESET', status: undefined });
		expect(upstreamSaw(CREATE)).toBe(0);
		expect(eventsNamed('Reset before')).toBe(0);
		expect(proxy.log[0]).toMatchObject({ fault: 'reset before forwarding', upstreamSaw: false, client: 'reset' });
	});

	test('after forwarding: the client gets ECONNRESET, but upstream processed the request', async () => {
		proxy.inject({ path: CREATE, fault: faults.resetAfterForwarding() });
		expect(await viaProxy('POST', CREATE, { body: newEvent('Reset after') })).toEqual({ error: 'ECONNRESET', status: undefined });
		expect(upstreamSaw(CREATE)).toBe(1);
		expect(eventsNamed('Reset after')).toBe(1);
		expect(proxy.log[0]).toMatchObject({ fault: 'reset after forwarding', upstreamSaw: true, upstreamStatus: 200, client: 'reset' });
	});
});

describe('stalls', () => {
	test('before forwarding: the client times out, upstream never sees the request, not even later', async () => {
		proxy.inject({ path: CREATE, fault: faults.stallBeforeForwarding() });
		expect(await viaProxy('POST', CREATE, { body: newEvent('Stall before'), timeoutMs: 200 })).toEqual({ error: 'UND_ERR_HEADERS_TIMEOUT', status: undefined });
		await proxy.idle();
		expect(proxy.log[0]).toMatchObject({ fault: 'stall before forwarding', upstreamSaw: false, client: 'hung-up', done: true });
		expect(upstreamSaw(CREATE)).toBe(0);
		expect(eventsNamed('Stall before')).toBe(0);
	});

	test('after forwarding: the client times out, but upstream processed the request', async () => {
		proxy.inject({ path: CREATE, fault: faults.stallAfterForwarding() });
		expect(await viaProxy('POST', CREATE, { body: newEvent('Stall after'), timeoutMs: 200 })).toEqual({ error: 'UND_ERR_HEADERS_TIMEOUT', status: undefined });
		await proxy.idle();
		expect(proxy.log[0]).toMatchObject({ upstreamSaw: true, upstreamStatus: 200, client: 'hung-up' });
		expect(eventsNamed('Stall after')).toBe(1);
	});

	test('a stall shorter than the client is patient for only delays the answer', async () => {
		proxy.inject({ path: '/v1/events/get', nth: 1, fault: faults.stallBeforeForwarding(50) });
		proxy.inject({ path: '/v1/events/get', nth: 2, fault: faults.stallAfterForwarding(50) });
		for (let attempt = 0; attempt < 2; attempt++) {
			const answer = expectSuccess(await viaProxy('GET', GET_EVENT(), { timeoutMs: 5_000 }));
			expect(answer.status).toBe(200);
			expect(JSON.parse(answer.text)).toMatchObject({ id: eventId });
		}
		expect(upstreamSaw('/v1/events/get')).toBe(2);
		expect(proxy.log.map((entry) => entry.fault)).toEqual(['stall before forwarding for 50 ms', 'stall after forwarding for 50 ms']);
	});

	test('close() ends a stalled request: the client sees its connection go', async () => {
		const own = await startFaultProxy({ upstream: sim.url });
		own.inject({ path: '/v1/events/get', fault: faults.stallBeforeForwarding() });
		const pending = call(own.url, 'GET', GET_EVENT());
		while (own.log.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
		await own.close();
		expect((await pending).error).toBe('UND_ERR_SOCKET');
		expect(own.log[0]).toMatchObject({ client: 'hung-up', upstreamSaw: false, done: true });
	});
});

describe('broken bodies', () => {
	test('truncated JSON: a complete response whose body is the first half of upstream\'s JSON', async () => {
		const full = expectSuccess(await direct('GET', GET_EVENT())).text;
		proxy.inject({ path: '/v1/events/get', fault: faults.truncatedJson() });
		const answer = expectSuccess(await viaProxy('GET', GET_EVENT()));
		expect(answer.status).toBe(200);
		expect(answer.headers['content-type']).toBe('application/json');
		expect(answer.headers['content-length']).toBe(String(Buffer.byteLength(answer.text)));
		expect(answer.text).toBe(full.slice(0, Math.floor(full.length / 2)));
		expect(() => JSON.parse(answer.text)).toThrow();
		expect(proxy.log[0]).toMatchObject({ fault: 'truncated body', upstreamSaw: true, upstreamStatus: 200, client: 'response', clientStatus: 200 });
	});

	test('keepBytes cuts exactly there', async () => {
		const full = expectSuccess(await direct('GET', GET_EVENT())).text;
		proxy.inject({ path: '/v1/events/get', fault: faults.truncatedJson({ keepBytes: 7 }) });
		expect(expectSuccess(await viaProxy('GET', GET_EVENT())).text).toBe(full.slice(0, 7));
	});

	test('cut mid-stream: the status arrives, then the connection drops before the announced length', async () => {
		proxy.inject({ path: CREATE, fault: faults.truncatedJson({ cutConnection: true }) });
		expect(await viaProxy('POST', CREATE, { body: newEvent('Cut') })).toEqual({ error: 'UND_ERR_SOCKET', status: 200 });
		expect(eventsNamed('Cut')).toBe(1);
		expect(proxy.log[0]).toMatchObject({ fault: 'body cut mid-stream', upstreamSaw: true, client: 'cut', clientStatus: 200 });
	});
});

describe('which requests a rule hits', () => {
	const get = async () => expectSuccess(await viaProxy('GET', GET_EVENT())).status;

	test('method and exact path: other methods and other paths pass', async () => {
		proxy.inject({ method: 'POST', path: '/v1/events/get', fault: faults.jsonError(500) });
		proxy.inject({ method: 'get', path: '/v1/events', fault: faults.jsonError(500) });
		expect(await get()).toBe(200);
		expect(proxy.log[0].fault).toBeUndefined();
	});

	test('a pattern matches the path without its query string', async () => {
		proxy.inject({ path: /^\/v1\/events\/get$/, fault: faults.jsonError(500) });
		expect(await get()).toBe(500);
	});

	test('where: only the requests it accepts (here one event ID in the query)', async () => {
		const other = String([...sim.state.events.values()][1].id);
		proxy.inject({ path: '/v1/events/get', where: (request) => request.search.includes(other), fault: faults.jsonError(500) });
		expect(await get()).toBe(200);
		expect(expectSuccess(await viaProxy('GET', `/v1/events/get?event_id=${other}`)).status).toBe(500);
	});

	test('nth: only that matching request; count: that many in a row (a 429 storm); both: a window', async () => {
		const second = proxy.inject({ path: '/v1/events/get', nth: 2, fault: faults.jsonError(500) });
		const statuses = [];
		for (let index = 0; index < 4; index++) statuses.push(await get());
		expect(statuses).toEqual([200, 500, 200, 200]);
		expect([second.matched, second.applied]).toEqual([4, 1]);

		proxy.clear();
		proxy.inject({ path: '/v1/events/get', count: 3, fault: faults.tooManyRequests() });
		statuses.length = 0;
		for (let index = 0; index < 5; index++) statuses.push(await get());
		expect(statuses).toEqual([429, 429, 429, 200, 200]);

		proxy.clear();
		proxy.inject({ path: '/v1/events/get', nth: 2, count: 2, fault: faults.jsonError(503) });
		statuses.length = 0;
		for (let index = 0; index < 5; index++) statuses.push(await get());
		expect(statuses).toEqual([200, 503, 503, 200, 200]);
		// Only the requests that passed: 3 of 4, 2 of 5, 3 of 5.
		expect(upstreamSaw('/v1/events/get')).toBe(3 + 2 + 3);
	});

	test('the first rule whose window includes the request applies; every matching rule counts it', async () => {
		const first = proxy.inject({ path: '/v1/events/get', count: 1, fault: faults.jsonError(500) });
		const second = proxy.inject({ path: '/v1/events/get', nth: 2, fault: faults.jsonError(502) });
		const always = proxy.inject({ path: '/v1/events/get', fault: faults.jsonError(504) });
		const statuses = [];
		for (let index = 0; index < 3; index++) statuses.push(await get());
		expect(statuses).toEqual([500, 502, 504]);
		expect([first.matched, second.matched, always.matched]).toEqual([3, 3, 3]);
		expect([first.applied, second.applied, always.applied]).toEqual([1, 1, 1]);
	});

	test('a label names the fault in the log; clear() removes rules and empties the log', async () => {
		proxy.inject({ path: '/v1/events/get', label: 'gateway hiccup', fault: faults.jsonError(502) });
		expect(await get()).toBe(502);
		expect(proxy.log[0].fault).toBe('gateway hiccup');
		proxy.clear();
		expect(proxy.log).toHaveLength(0);
		expect(await get()).toBe(200);
		expect(proxy.log).toHaveLength(1);
	});
});
