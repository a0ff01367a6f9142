/**
 * Many items → many generations within the plan's limits: the job-slot limiter keeps the number of
 * queued/dreaming generations at the limit (measured by the simulator), the next create goes out as
 * soon as one finishes, and 429s from Luma are waited out without ever sending a create twice.
 */
import type { IDataObject } from 'n8n-workflow';

import { runWorkflow } from '../helpers/n8n';
import type { GenerateSim } from './helpers';
import { generateNode, outputOf, restoreTimings, runGenerate, startGenerateSim, startWaitingWebhooks, useFastTimings } from './helpers';

let sim: GenerateSim;

beforeAll(async () => {
	sim = await startGenerateSim();
});
afterAll(async () => {
	await sim.close();
	restoreTimings();
});
beforeEach(() => {
	useFastTimings();
	sim.simulator.resetStats();
});

const ITEMS = 25;
const input = Array.from({ length: ITEMS }, (_, n) => ({ prompt: `scene number ${n + 1}` }));
const videoParameters = (extra: IDataObject = {}) => ({ resource: 'video', operation: 'generate', prompt: '={{ $json.prompt }}', ...extra });

function expectAllCompletedInOrder(items: Array<{ json: IDataObject; pairedItem?: unknown }>) {
	expect(items).toHaveLength(ITEMS);
	expect(items.map((item) => item.json.state)).toEqual(Array(ITEMS).fill('completed'));
	expect(items.map((item) => item.pairedItem)).toEqual(input.map((_, item) => ({ item })));
	expect(items.map((item) => (item.json.request as IDataObject).prompt)).toEqual(input.map((entry) => entry.prompt));
	expect(new Set(items.map((item) => item.json.id)).size).toBe(ITEMS);
}

test('25 items with Max Concurrent Jobs 3: never more than 3 generations in flight, no 429', async () => {
	sim.simulator.configure({ limits: { video: { concurrent: 3, createsPerMinute: 1000 } } });
	const generationsBefore = sim.simulator.generations.size;
	const items = await runGenerate(sim, videoParameters({ options: { concurrency: { maxConcurrentJobs: 3 } } }), { input });
	expectAllCompletedInOrder(items);
	const stats = sim.simulator.stats;
	expect(stats.maxConcurrentJobs.video).toBe(3);
	expect(stats.sent429).toBe(0);
	expect(stats.createsByGroup.video).toBe(ITEMS);
	expect(sim.simulator.generations.size - generationsBefore).toBe(ITEMS);
});

test("without the option the credential's plan decides (custom plan: 4 concurrent video jobs)", async () => {
	sim.simulator.configure({ limits: { video: { concurrent: 4, createsPerMinute: 1000 } } });
	const items = await runGenerate(sim, videoParameters(), { input, credentials: { plan: 'custom', videoConcurrentJobs: 4, videoCreatesPerMinute: 1000 } });
	expectAllCompletedInOrder(items);
	expect(sim.simulator.stats.maxConcurrentJobs.video).toBe(4);
	expect(sim.simulator.stats.sent429).toBe(0);
});

test('when Luma allows fewer jobs than configured, its "too many concurrent" 429s are waited out, no create is sent twice', async () => {
	sim.simulator.configure({ limits: { video: { concurrent: 3, createsPerMinute: 1000 } } });
	const generationsBefore = sim.simulator.generations.size;
	const items = await runGenerate(sim, videoParameters({ options: { concurrency: { maxConcurrentJobs: 8, maxConcurrentRequests: 8 } } }), { input });
	expectAllCompletedInOrder(items);
	const stats = sim.simulator.stats;
	expect(stats.sent429).toBeGreaterThan(0);
	expect(stats.maxConcurrentJobs.video).toBeLessThanOrEqual(3);
	// Every accepted create is one generation, and there is exactly one per item.
	expect(stats.createsByGroup.video).toBe(ITEMS);
	expect(sim.simulator.generations.size - generationsBefore).toBe(ITEMS);
});

test("the per-minute create budget is respected: Luma's rate limit is never hit", async () => {
	sim.simulator.configure({ limits: { image: { concurrent: 40, createsPerMinute: 10 } } });
	const generationsBefore = sim.simulator.generations.size;
	const items = await runGenerate(
		sim,
		{ resource: 'image', operation: 'generate', prompt: '={{ $json.prompt }}' },
		{ input, credentials: { plan: 'custom', imageCreatesPerMinute: 10, imageConcurrentJobs: 40 } },
	);
	expect(items.map((item) => item.json.state)).toEqual(Array(ITEMS).fill('completed'));
	expect(sim.simulator.stats.sent429).toBe(0);
	expect(sim.simulator.generations.size - generationsBefore).toBe(ITEMS);
});

test('callback waiting with more items than job slots: polls only to start the rest, then pauses', async () => {
	sim.simulator.configure({ limits: { video: { concurrent: 2, createsPerMinute: 1000 } } });
	const waiting = await startWaitingWebhooks();
	try {
		const credentials = sim.credentials();
		const small = input.slice(0, 6);
		const run = await runWorkflow({
			nodes: [generateNode(videoParameters({ waitForCompletion: 'callback', options: { concurrency: { maxConcurrentJobs: 2 } } }))],
			credentials,
			input: small,
			mode: 'webhook',
			additionalData: { executionId: 'callback-slots', webhookWaitingBaseUrl: waiting.baseUrl },
		});
		expect(run.run.status).toBe('waiting');
		waiting.register(run, 'callback-slots', credentials);
		const items = outputOf(await waiting.resumed('callback-slots'));
		expect(items.map((item) => item.json.state)).toEqual(Array(6).fill('completed'));
		expect(items.map((item) => item.pairedItem)).toEqual(small.map((_, item) => ({ item })));
		expect(sim.simulator.stats.maxConcurrentJobs.video).toBe(2);
		expect(sim.simulator.stats.sent429).toBe(0);
	} finally {
		await waiting.close();
	}
});
