/**
 * Per-client create limits: RPM over a sliding minute and jobs in flight, the two distinct 429s and
 * their headers, what does and does not use up the budget, and the stats tests and benchmarks read.
 */
import { agentsClient, image, KEY, LONG_JOBS, startAgents, video, waitForTerminal, type AgentsHarness } from './testClient';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function withAgents(options: Parameters<typeof startAgents>[0], timeScale: number, run: (h: AgentsHarness) => Promise<void>) {
	const h = await startAgents(options, timeScale);
	try {
		await run(h);
	} finally {
		await h.close();
	}
}

describe('requests per minute', () => {
	test('30 creates a minute by default, then 429 Rate limit exceeded with Retry-After and X-RateLimit-*', () =>
		// Real time: the headers carry Luma's own numbers.
		withAgents({ limits: { concurrentJobs: 100 } }, 1, async ({ api, sim }) => {
			for (let n = 1; n <= 30; n++) {
				const created = await api.post('/generations', image());
				expect(created.status).toBe(201);
				expect(created.headers.get('x-ratelimit-limit')).toBe('30');
				expect(created.headers.get('x-ratelimit-remaining')).toBe(String(30 - n));
				const reset = Number(created.headers.get('x-ratelimit-reset'));
				expect(reset - Date.now() / 1000).toBeGreaterThan(58);
				expect(reset - Date.now() / 1000).toBeLessThanOrEqual(61);
			}
			const refused = await api.post('/generations', image());
			expect(refused).toMatchObject({ status: 429, body: { detail: 'Rate limit exceeded' } });
			const retryAfter = Number(refused.headers.get('retry-after'));
			expect(retryAfter).toBeGreaterThanOrEqual(55);
			expect(retryAfter).toBeLessThanOrEqual(60);
			expect(refused.headers.get('x-ratelimit-limit')).toBe('30');
			expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
			// Reset is when the oldest create ages out, which is what Retry-After waits for.
			expect(Math.abs(Number(refused.headers.get('x-ratelimit-reset')) - (Date.now() / 1000 + retryAfter))).toBeLessThanOrEqual(1.5);
			expect(sim.agents.stats.sent429).toEqual({ rpm: 1, concurrent: 0 });
			expect(sim.stats().sent429.agents).toBe(1);
		}));

	test('the window slides: each create ages out on its own', () =>
		// Window: 60 s × 0.05 = 3 s; the second and third creates come 1.5 s after the first.
		withAgents({ ...LONG_JOBS, limits: { requestsPerMinute: 3 } }, 0.05, async ({ api }) => {
			const start = Date.now();
			expect((await api.post('/generations', image())).status).toBe(201);
			await sleep(1_500);
			expect((await api.post('/generations', image())).status).toBe(201);
			expect((await api.post('/generations', image())).status).toBe(201);
			expect((await api.post('/generations', image())).status).toBe(429);
			// The first create has aged out, the other two have not: exactly one slot is free.
			await sleep(Math.max(0, start + 3_200 - Date.now()));
			const freed = await api.post('/generations', image());
			expect(freed.status).toBe(201);
			expect(freed.headers.get('x-ratelimit-remaining')).toBe('0');
			expect((await api.post('/generations', image())).status).toBe(429);
		}));

	test('refused and invalid creates use up nothing; polling is outside the bucket', () =>
		// Window: 6 s, longer than the test.
		withAgents({ ...LONG_JOBS, limits: { requestsPerMinute: 2 } }, 0.1, async ({ api, sim }) => {
			expect((await api.post('/generations', image(''))).status).toBe(400);
			expect((await api.post('/generations', { type: 'image' })).status).toBe(422);
			const first = await api.post('/generations', image());
			expect(first.status).toBe(201);
			for (let n = 0; n < 40; n++) {
				const polled = await api.get(`/generations/${first.body.id}`);
				expect(polled.status).toBe(200);
				expect(polled.headers.get('x-ratelimit-limit')).toBeNull();
			}
			expect((await api.post('/generations', image())).status).toBe(201);
			expect((await api.post('/generations', image())).status).toBe(429);
			expect(sim.agents.stats.createsAccepted).toBe(2);
		}));
});

describe('concurrent jobs', () => {
	test('10 in flight by default, then 429 Too many concurrent jobs with Retry-After 60 and no X-RateLimit-*', () =>
		withAgents({}, 1, async ({ api, sim }) => {
			for (let n = 0; n < 10; n++) expect((await api.post('/generations', video())).status).toBe(201);
			const refused = await api.post('/generations', image());
			expect(refused).toMatchObject({ status: 429, body: { detail: 'Too many concurrent jobs' } });
			expect(refused.headers.get('retry-after')).toBe('60');
			for (const name of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset']) expect(refused.headers.get(name)).toBeNull();
			expect(sim.agents.stats).toMatchObject({ createsAccepted: 10, jobsInFlight: 10, maxJobsInFlight: 10, sent429: { rpm: 0, concurrent: 1 } });
		}));

	test('a slot frees when its job completes or fails', () =>
		// The first job processes for 2 s (2,000 documented seconds), the later ones for 30 ms.
		withAgents({ limits: { concurrentJobs: 1 }, timings: { processingMs: 2_000_000 } }, 0.001, async ({ api, sim }) => {
			const first = await api.post('/generations', image('[fail:generation_failed]'));
			expect((await api.post('/generations', image())).status).toBe(429);
			sim.configure({ agents: { timings: { processingMs: undefined } } });
			expect((await waitForTerminal(api, first.body.id)).state).toBe('failed');
			const second = await api.post('/generations', image());
			expect(second.status).toBe(201);
			await waitForTerminal(api, second.body.id);
			expect((await api.post('/generations', image())).status).toBe(201);
			expect(sim.agents.stats.maxJobsInFlight).toBe(1);
		}));

	test('a job that never finishes stops holding its slot after the active-job TTL', () =>
		// TTL 1,000 documented seconds at 0.001: 1 s; the job itself takes twenty hours.
		withAgents({ ...LONG_JOBS, limits: { concurrentJobs: 1, activeJobTtlMs: 1_000_000 } }, 0.001, async ({ api, sim }) => {
			const stuck = await api.post('/generations', image());
			expect((await api.post('/generations', image())).status).toBe(429);
			await sleep(1_100);
			expect(sim.agents.stats.jobsInFlight).toBe(0);
			expect((await api.post('/generations', image())).status).toBe(201);
			expect((await api.get(`/generations/${stuck.body.id}`)).body.state).not.toBe('completed');
		}));
});

describe('limits belong to the API client', () => {
	test('keys of one client share them; another client has its own', () =>
		withAgents(
			{ ...LONG_JOBS, limits: { concurrentJobs: 2 }, keys: { [KEY]: { client: 'acme' }, 'luma-api-acme-ci': { client: 'acme' }, 'luma-api-globex': { client: 'globex' } }, clients: { globex: { limits: { concurrentJobs: 3 } } } },
			0.001,
			async ({ api, sim }) => {
				const colleague = agentsClient(sim.agentsUrl, 'luma-api-acme-ci');
				const stranger = agentsClient(sim.agentsUrl, 'luma-api-globex');
				expect((await api.post('/generations', image())).status).toBe(201);
				expect((await colleague.post('/generations', image())).status).toBe(201);
				expect((await colleague.post('/generations', image())).status).toBe(429);
				for (let n = 0; n < 3; n++) expect((await stranger.post('/generations', image())).status).toBe(201);
				expect((await stranger.post('/generations', image())).status).toBe(429);
				expect(sim.agents.stats).toMatchObject({ jobsInFlight: 5, maxJobsInFlight: 5, sent429: { concurrent: 2 } });
			},
		));
});

describe('stats', () => {
	test('creates by type, duplicates, requests per endpoint; resetStats starts over', () =>
		withAgents({ ...LONG_JOBS, limits: { concurrentJobs: 100 } }, 0.001, async ({ api, sim }) => {
			await api.post('/generations', image('same', { user_id: 'u1' }));
			await api.post('/generations', { user_id: 'u1', prompt: 'same', model: 'uni-1', type: 'image' }); // same body, other key order
			await api.post('/generations', image('same', { user_id: 'u2' }));
			const clip = await api.post('/generations', video());
			await api.get(`/generations/${clip.body.id}`);
			await api.get('/files');
			await api.get('/generations');
			expect(sim.agents.stats).toMatchObject({
				createsAccepted: 4,
				createsByType: { image: 3, video: 1, image_edit: 0, video_edit: 0, video_reframe: 0, layering: 0 },
				duplicateCreates: 1,
				jobsInFlight: 4,
				maxJobsInFlight: 4,
			});
			expect(sim.agents.stats.requests).toMatchObject({ 'POST /generations': 4, 'GET /generations/{id}': 1, 'GET /files': 1, other: 1 });
			expect(sim.stats().requests.agents).toBe(7);

			sim.resetStats();
			expect(sim.agents.stats).toMatchObject({ createsAccepted: 0, duplicateCreates: 0, jobsInFlight: 4, maxJobsInFlight: 4, requests: { 'POST /generations': 0 } });
			expect(sim.requestLog).toHaveLength(0);
		}));
});
