/**
 * Several n8n processes (plain Node processes, each with its own scheduler, as queue-mode workers
 * are) sharing one key against one simulator, the credential saying how many share it:
 * - events: the server's X-RateLimit count, read by every process with a reserve for the others'
 *   requests on the wire, keeps them all inside Luma's budget (a one-minute window lasts 1 s);
 * - Dream Machine: the account's listing of generations, with slots handed over by rule, keeps the
 *   plan's jobs and creates per minute for all of them together (time 1:20).
 * Assertions are on what the simulator counted.
 */
import type { IDataObject } from 'n8n-workflow';

import { startSimulator, type Simulator } from '../simulator';
import { runProcesses } from './processes';
import type { WorkerConfig } from './worker';

const WINDOW_MS = 1000;
const LIMIT = 40;
const KEY = 'shared-calendar-key';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({ timeScale: WINDOW_MS / 60_000, events: { rateLimit: { calendarPerWindow: LIMIT } } });
});
afterAll(async () => await sim.close());

/** The transport's and the poller's timings at a time scale (Luma's documented ones multiplied by it). */
function scaledTimings(scale: number): Pick<WorkerConfig, 'timing' | 'polling'> {
	return {
		timing: { windowMs: 60_000 * scale, eventsLockoutMs: 60_000 * scale, backoffBaseMs: 1_000 * scale, backoffCapMs: 60_000 * scale, accountActivityMaxAgeMs: 1_000 * scale },
		polling: { firstIntervalMs: { image: 1_000 * scale, video: 4_000 * scale }, maxIntervalMs: { image: 5_000 * scale, video: 20_000 * scale } },
	};
}

function eventIds(count: number): string[] {
	const ids = [...sim.state.events.values()].filter((event) => event.calendar_id === sim.state.primaryCalendarId).map((event) => String(event.id));
	return Array.from({ length: count }, (_, index) => ids[index % ids.length]);
}

function eventReads(items: number, credentials: IDataObject = {}): WorkerConfig {
	const node = {
		name: 'Luma Events',
		type: 'luma',
		parameters: {
			resource: 'event',
			operation: 'get',
			eventId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			options: { concurrency: { maxConcurrentRequests: 4 } },
		},
	};
	return {
		executions: [{ node, input: eventIds(items).map((id) => ({ id })) }],
		credentials: { lumaApi: { apiKey: KEY, keyType: 'calendar', baseUrl: sim.eventsUrl, ...credentials } },
		warmUp: {
			node: { ...node, parameters: { resource: 'user', operation: 'getSelf' } },
			credentials: { lumaApi: { apiKey: 'warm-up-key', keyType: 'calendar', baseUrl: sim.eventsUrl } },
		},
		timing: { windowMs: WINDOW_MS, eventsLockoutMs: WINDOW_MS, serverResetGraceMs: 30, backoffBaseMs: 20, backoffCapMs: 500 },
	};
}

test('three processes reading with one key (n8n Processes Sharing This Key: 3): no 429, no request during a lockout, every item once', async () => {
	sim.resetStats();
	// 150 reads against 40 per window: the processes share the budget over four windows.
	const items = 50;
	const config = eventReads(items, { processesSharingKey: 3 });
	const results = await runProcesses([config, config, config]);
	const events = sim.events.stats();
	expect(results.map((result) => result.errors)).toEqual([[], [], []]);
	expect(results.map((result) => result.items)).toEqual([items, items, items]);
	expect(events.rejectedDuringLockout).toBe(0);
	expect(events.sent429).toBe(0);
	// Nothing was sent twice: the simulator saw one read per item, and no process retried.
	expect(sim.requestLog.filter((entry) => entry.path === '/v1/events/get')).toHaveLength(3 * items);
	expect(results.reduce((sum, result) => sum + result.requestsSent, 0)).toBe(3 * items);
});

test('three processes making videos with one Luma Labs key (Build tier, 3 processes set): every video once, Luma almost never refuses', async () => {
	const scale = 0.05;
	const labs = await startSimulator({ timeScale: scale, dreamMachine: { credits: 1_000_000_000 } });
	try {
		const node = { name: 'Luma Generate', type: 'lumaGenerate', parameters: { resource: 'video', operation: 'generate', model: 'ray-2', prompt: '={{ $json.prompt }}', waitForCompletion: 'poll' } };
		const videos = 8;
		const config = (worker: number): WorkerConfig => ({
			executions: [{ node, input: Array.from({ length: videos }, (_, index) => ({ prompt: `worker ${worker} scene ${index + 1}` })) }],
			credentials: { lumaLabsApi: { apiKey: 'shared-labs-key', baseUrl: labs.dreamMachineUrl, plan: 'build', processesSharingKey: 3 } },
			warmUp: {
				node: { ...node, parameters: { resource: 'account', operation: 'getCredits' } },
				credentials: { lumaLabsApi: { apiKey: 'warm-up-key', baseUrl: labs.dreamMachineUrl, plan: 'build' } },
			},
			...scaledTimings(scale),
		});
		const results = await runProcesses([config(1), config(2), config(3)]);
		const stats = labs.dreamMachine.stats;
		expect(results.map((result) => result.errors)).toEqual([[], [], []]);
		expect(results.flatMap((result) => result.outputs.map((output) => output.state))).toEqual(Array(3 * videos).fill('completed'));
		// Each of the 24 prompts became exactly one video.
		expect(stats.createsByGroup.video).toBe(3 * videos);
		expect(new Set(results.flatMap((result) => result.outputs.map((output) => output.id))).size).toBe(3 * videos);
		// 24 videos on 10 job slots across three processes: without the shared view each process would
		// send its 8 creates at once; with it, a refused create is a rare collision over a freed slot.
		expect(stats.sent429).toBeLessThanOrEqual(2);
	} finally {
		await labs.close();
	}
});
