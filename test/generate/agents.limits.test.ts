/**
 * The Agents API's two limits, shared account-wide through the one scheduler: concurrent jobs (a job
 * slot held from create until the job is final) and creates per sliding minute (with the server's
 * X-RateLimit-* honoured); the two 429s told apart end to end; polls outside the create budget.
 * Counts come from the simulator (jobs in flight, 429s by kind, repeated creates), never from clocks.
 */
import { createHash } from 'node:crypto';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { getSchedulerCounters } from '../../nodes/shared/scheduler';
import { runWorkflow } from '../helpers/n8n';
import { agentsClient } from '../simulator/agents/testClient';
import { agentsNode, KEY, NODE, runAgents, useAgentsSim } from './agentsHelpers';
import { until } from './helpers';

const env = useAgentsSim({}, { resetStats: false });
let key = KEY;
let keys = 0;
beforeEach(async () => {
	// Each test is its own Luma account (API client): the sliding minute of the one before does not spill over.
	key = `${KEY}-${++keys}`;
	env.sim.agents.configure({ keys: { [key]: { client: key } } });
	// Jobs in flight are counted over all accounts: start from none.
	await until(() => env.sim.agents.stats.jobsInFlight === 0);
	env.sim.resetStats();
});
afterEach(() => env.sim.agents.configure({ limits: { requestsPerMinute: 30, concurrentJobs: 10 } }));

/** The test's own account, with the given limits. */
const account = (extra: IDataObject = {}) => ({ apiKey: key, ...extra });

const prompts = (count: number, word = 'scene') => Array.from({ length: count }, (_, n) => ({ prompt: `${word} ${n + 1}` }));
const generate = (extra: IDataObject = {}) => ({ resource: 'image', operation: 'generate', prompt: '={{ $json.prompt }}', ...extra });

function expectCompletedInOrder(items: INodeExecutionData[], count: number) {
	expect(items).toHaveLength(count);
	expect(items.map((item) => item.json.state)).toEqual(Array(count).fill('completed'));
	expect(items.map((item) => item.pairedItem)).toEqual(Array.from({ length: count }, (_, item) => ({ item })));
	expect(new Set(items.map((item) => item.json.id)).size).toBe(count);
}

test("25 items under the credential's 3 concurrent jobs: never more than 3 in flight, no 429, no create twice", async () => {
	env.sim.agents.configure({ limits: { concurrentJobs: 3, requestsPerMinute: 1000 } });
	const items = await runAgents(env, generate(), { input: prompts(25), credentials: account({ concurrentJobs: 3, requestsPerMinute: 1000 }) });
	expectCompletedInOrder(items, 25);
	const stats = env.sim.agents.stats;
	expect(stats.maxJobsInFlight).toBe(3);
	expect(stats.sent429).toEqual({ rpm: 0, concurrent: 0 });
	expect(stats.createsAccepted).toBe(25);
	expect(stats.duplicateCreates).toBe(0);
});

test('Options → Max Concurrent Jobs overrides the credential', async () => {
	env.sim.agents.configure({ limits: { concurrentJobs: 10, requestsPerMinute: 1000 } });
	const items = await runAgents(env, generate({ options: { concurrency: { maxConcurrentJobs: 2 } } }), { input: prompts(8), credentials: account({ requestsPerMinute: 1000 }) });
	expectCompletedInOrder(items, 8);
	expect(env.sim.agents.stats.maxJobsInFlight).toBe(2);
});

test('when Luma allows fewer jobs than the credential says, "Too many concurrent jobs" waits for one of the account\'s jobs, never sends twice', async () => {
	env.sim.agents.configure({ limits: { concurrentJobs: 2, requestsPerMinute: 1000 } });
	const items = await runAgents(env, generate(), { input: prompts(12), credentials: account({ concurrentJobs: 5, requestsPerMinute: 1000 }) });
	expectCompletedInOrder(items, 12);
	const stats = env.sim.agents.stats;
	expect(stats.sent429.concurrent).toBeGreaterThan(0);
	expect(stats.sent429.rpm).toBe(0);
	expect(stats.maxJobsInFlight).toBe(2);
	expect(stats.createsAccepted).toBe(12);
	expect(stats.duplicateCreates).toBe(0);
});

test('when Luma allows fewer creates per minute than the credential says, "Rate limit exceeded" waits Retry-After, never sends twice', async () => {
	env.sim.agents.configure({ limits: { concurrentJobs: 100, requestsPerMinute: 4 } });
	const items = await runAgents(env, generate({ waitForCompletion: 'none' }), { input: prompts(8), credentials: account({ requestsPerMinute: 100 }) });
	expect(items.map((item) => item.json.state)).toEqual(Array(8).fill('queued'));
	const stats = env.sim.agents.stats;
	expect(stats.sent429.rpm).toBeGreaterThan(0);
	expect(stats.sent429.concurrent).toBe(0);
	expect(stats.createsAccepted).toBe(8);
	expect(stats.duplicateCreates).toBe(0);
});

test("paced to the credential's creates per minute (Luma's sliding minute): no 429 at all", async () => {
	env.sim.agents.configure({ limits: { concurrentJobs: 100, requestsPerMinute: 4 } });
	const items = await runAgents(env, generate({ waitForCompletion: 'none' }), { input: prompts(9), credentials: account({ requestsPerMinute: 4 }) });
	expect(items).toHaveLength(9);
	expect(env.sim.agents.stats.sent429).toEqual({ rpm: 0, concurrent: 0 });
	expect(env.sim.agents.stats.createsAccepted).toBe(9);
});

test('X-RateLimit-Remaining on a 201 is honoured: another client spent most of the minute, the node waits instead of running into 429s', async () => {
	env.sim.agents.configure({ limits: { concurrentJobs: 100, requestsPerMinute: 5 } });
	const other = agentsClient(env.sim.agentsUrl, key);
	for (let n = 0; n < 3; n++) expect((await other.post('/generations', { prompt: `other client ${n}` })).status).toBe(201);
	const items = await runAgents(env, generate({ waitForCompletion: 'none', options: { concurrency: { maxConcurrentRequests: 1 } } }), {
		input: prompts(6),
		credentials: account({ requestsPerMinute: 100 }),
	});
	expect(items).toHaveLength(6);
	expect(env.sim.agents.stats.sent429.rpm).toBe(0);
	expect(env.sim.agents.stats.createsAccepted).toBe(9);
});

test('two executions on one account share its job slots', async () => {
	env.sim.agents.configure({ limits: { concurrentJobs: 3, requestsPerMinute: 1000 } });
	const run = (word: string) =>
		runWorkflow({ nodes: [agentsNode(generate())], credentials: env.credentials(account({ concurrentJobs: 3, requestsPerMinute: 1000 })), input: prompts(6, word) });
	const [first, second] = await Promise.all([run('left'), run('right')]);
	expectCompletedInOrder(first.output(NODE), 6);
	expectCompletedInOrder(second.output(NODE), 6);
	expect(env.sim.agents.stats.maxJobsInFlight).toBe(3);
	expect(env.sim.agents.stats.sent429).toEqual({ rpm: 0, concurrent: 0 });
});

test('polls are not counted against the create budget', async () => {
	env.sim.agents.configure({ limits: { concurrentJobs: 10, requestsPerMinute: 1000 } });
	const items = await runAgents(env, { resource: 'video', operation: 'generate', prompt: '={{ $json.prompt }}' }, { input: prompts(3), credentials: account({ requestsPerMinute: 3 }) });
	expectCompletedInOrder(items, 3);
	const bucket = `lumaAgentsApi|${env.sim.agentsUrl}|${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
	expect(getSchedulerCounters(`${bucket}|create`).requestsSent).toBe(3);
	expect(env.sim.agents.stats.requests['GET /generations/{id}']).toBeGreaterThan(3);
	expect(getSchedulerCounters(`${bucket}|read`).requestsSent).toBe(env.sim.agents.stats.requests['GET /generations/{id}']);
});
