/**
 * Several n8n processes (plain Node processes, each with its own scheduler, as queue-mode workers
 * are) sharing one calendar key against one simulator: the server's X-RateLimit count, read by every
 * process with a reserve for the others' requests on the wire, keeps them all inside Luma's budget.
 * Time is scaled (a one-minute window lasts 1 s); assertions are on what the simulator counted.
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
