/**
 * The Agents API as a whole: authentication (the four 401s, suspended clients), the headers on every
 * answer, and how the simulator core mounts it (request log, stats, faults, 404/405; the CLI line is
 * checked with the other base URLs in test/simulator/core.test.ts).
 */
import { agentsClient, image, KEY, send, startAgents, waitForTerminal, type AgentsHarness } from './testClient';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let h: AgentsHarness;

beforeAll(async () => {
	h = await startAgents({
		keys: {
			[KEY]: {},
			'luma-api-revoked': { revoked: true },
			'luma-api-expired': { expiresAt: '2026-01-01T00:00:00Z' },
			'luma-api-later': { expiresAt: '2999-01-01T00:00:00Z' },
			'luma-api-suspended': { client: 'suspended-co' },
			'luma-api-closed': { client: 'closed-co' },
		},
		clients: { 'suspended-co': { status: 'suspended' }, 'closed-co': { status: 'deactivated' } },
	});
});
afterAll(() => h.close());
beforeEach(() => {
	h.sim.configure({ faults: [] });
	h.sim.resetStats();
});

describe('authentication', () => {
	test.each([
		['no Authorization header', undefined, 401, 'Missing or invalid API key'],
		['lower-case scheme', 'bearer luma-api-test-key', 401, 'Missing or invalid API key'],
		['not a luma-api- token', 'Bearer sk-live-123', 401, 'Missing or invalid API key'],
		['unknown key', 'Bearer luma-api-unknown', 401, 'Invalid API key'],
		['revoked key', 'Bearer luma-api-revoked', 401, 'API key has been revoked'],
		['expired key', 'Bearer luma-api-expired', 401, 'API key has expired'],
		['suspended client', 'Bearer luma-api-suspended', 403, 'API client is suspended'],
		['deactivated client', 'Bearer luma-api-closed', 403, 'API client is deactivated'],
	])('%s', async (_name, authorization, status, message) => {
		for (const [method, route] of [
			['GET', '/generations/182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e'],
			['POST', '/generations'],
			['GET', '/files'],
		]) {
			const response = await send(h.sim.agentsUrl, method, route, {
				key: null,
				headers: { ...(authorization ? { authorization } : {}), 'content-type': 'application/json' },
				body: method === 'POST' ? JSON.stringify(image()) : undefined,
			});
			expect({ status: response.status, body: response.body }).toEqual({ status, body: { detail: message } });
			expect(response.headers.get('x-api-version')).toBe('2026-04-01');
		}
	});

	test('a key before its expiry works; without configured keys any luma-api- key does', async () => {
		expect((await agentsClient(h.sim.agentsUrl, 'luma-api-later').get('/files')).status).toBe(200);
		const open = await startAgents();
		try {
			expect((await agentsClient(open.sim.agentsUrl, 'luma-api-anything').get('/files')).status).toBe(200);
			expect((await agentsClient(open.sim.agentsUrl, 'anything').get('/files')).status).toBe(401);
		} finally {
			await open.close();
		}
	});

	test('a secret never shows up in an answer', async () => {
		const response = await send(h.sim.agentsUrl, 'GET', '/files', { key: 'luma-api-unknown-secret-value' });
		expect(JSON.stringify(response.body)).not.toContain('secret-value');
	});
});

describe('headers', () => {
	test('X-Request-Id is echoed, or a new UUID; X-API-Version is on every API answer', async () => {
		const echoed = await send(h.sim.agentsUrl, 'GET', '/files', { headers: { 'x-request-id': 'myapp-batch7-req003' } });
		expect(echoed.headers.get('x-request-id')).toBe('myapp-batch7-req003');
		const created = await h.api.post('/generations', image());
		const invalid = await h.api.post('/generations', image(''));
		const missing = await h.api.get('/generations/nope');
		for (const response of [created, invalid, missing]) {
			expect(response.headers.get('x-request-id')).toMatch(UUID);
			expect(response.headers.get('x-api-version')).toBe('2026-04-01');
		}
		expect(created.headers.get('x-request-id')).not.toBe(invalid.headers.get('x-request-id'));
		// Rate-limit headers are only on a 201 create (and the RPM 429).
		expect(created.headers.get('x-ratelimit-limit')).toBe('30');
		for (const response of [invalid, missing, echoed]) expect(response.headers.get('x-ratelimit-limit')).toBeNull();
	});

	test('downloads are S3 answers: no API headers, no auth needed', async () => {
		const done = await waitForTerminal(h.api, (await h.api.post('/generations', image())).body.id);
		const download = await fetch(done.output[0].url);
		expect(download.status).toBe(200);
		expect(download.headers.get('x-amz-request-id')).toBeTruthy();
		expect(download.headers.get('x-api-version')).toBeNull();
		const head = await fetch(done.output[0].url, { method: 'HEAD' });
		expect(head.headers.get('content-length')).toBe(download.headers.get('content-length'));
	});
});

describe('mounted by the simulator core', () => {
	test('sim.agentsUrl stands for https://agents.lumalabs.ai/v1; the log marks its requests', async () => {
		expect(h.sim.agentsUrl).toBe(`${h.sim.url}/agents/v1`);
		await h.api.post('/generations', image('logged'));
		await h.api.get('/files?limit=3');
		expect(h.sim.requestLog.map((entry) => [entry.api, entry.method, entry.path, entry.status])).toEqual([
			['agents', 'POST', '/agents/v1/generations', 201],
			['agents', 'GET', '/agents/v1/files', 200],
		]);
		expect(h.sim.requestLog[0].body).toEqual(image('logged'));
		expect(h.sim.requestLog[1].query).toEqual({ limit: '3' });
		expect(h.sim.stats().requests).toMatchObject({ agents: 2, dreamMachine: 0, events: 0 });
	});

	test('unknown routes are 404 Not Found, wrong methods 405, both with API headers', async () => {
		const unknown = await h.api.get('/models');
		expect(unknown).toMatchObject({ status: 404, body: { detail: 'Not Found' } });
		expect(unknown.headers.get('x-api-version')).toBe('2026-04-01');
		expect(await h.api.get('/generations')).toMatchObject({ status: 405, body: { detail: 'Method Not Allowed' } });
		expect(await h.api.delete('/generations/182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e')).toMatchObject({ status: 405 });
	});

	test('faults hit Agents paths like any other', async () => {
		h.sim.configure({ faults: [{ method: 'POST', path: '/agents/v1/generations', times: 1, status: 502, body: { detail: 'Upstream service unavailable' } }] });
		expect(await h.api.post('/generations', image())).toMatchObject({ status: 502, body: { detail: 'Upstream service unavailable' } });
		expect((await h.api.post('/generations', image())).status).toBe(201);
		expect(h.sim.stats().faults).toBe(1);
		expect(h.sim.agents.stats.createsAccepted).toBe(1);
	});
});
