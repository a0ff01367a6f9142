/**
 * The package in n8n's queue mode (scripts/queue-env.js): a main instance, three `n8n worker`
 * processes, private Redis and PostgreSQL, the example workflows published. "Wait for Luma's
 * Callback" pauses an execution on one worker and resumes it exactly once on another: the pausing
 * worker is stopped while the videos are still dreaming, and which worker ran each job comes from
 * the workers' own logs (the main instance logs enqueuing each job and hearing back). Both
 * triggers receive on the main instance and start one execution per delivery; a repeated
 * delivery starts none.
 */
import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startQueue, type QueueCluster, type QueueJob } from '../../scripts/queue-env';
import { startSimulator, type Simulator } from '../simulator';
import { harness, pollUntil, simulatorDiagnostics, successfulRequests } from './support';

const BATCH = 'lumaExample04Batch';
const GUEST_TAG = 'lumaExample01GuestTag';
const START_IMAGE = 'lumaExample05Start';
const GENERATION_DONE = 'lumaExample05Done';

let sim: Simulator;
let cluster: QueueCluster;
let folder = '';
const durations: Record<string, number> = {};

const logged = (api: 'events' | 'dreamMachine', method: string, pattern: RegExp) => successfulRequests(sim, api, method, pattern);

async function until<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
	return await pollUntil(what, probe, timeoutMs, async () => {
		const executions = await cluster.executions().catch(() => []);
		const tails = [cluster.main, ...cluster.workers].map((process) => `--- ${process.name} ---\n${process.output().slice(-1500)}`).join('\n');
		return `executions: ${JSON.stringify(executions)}\njobs: ${JSON.stringify(cluster.jobs())}\n${simulatorDiagnostics(sim)}\n${tails}`;
	});
}

/** The output item of a node in each stored execution of a workflow, oldest first. */
async function nodeOutputs(workflowId: string, nodeName: string) {
	const rows = await cluster.executions(workflowId);
	const data = await cluster.executionData(rows.map((row) => row.id));
	return rows.map((row, index) => ({ id: row.id, status: row.status, items: data[index].resultData.runData[nodeName][0].data.main[0] as Array<{ json: Record<string, any> }> }));
}

async function successfulExecutions(workflowId: string, expected: number) {
	return await until(`${expected} successful executions of ${workflowId}`, async () => {
		const rows = await cluster.executions(workflowId);
		return rows.length >= expected && rows.every((row) => row.status === 'success') && rows;
	});
}

/** Both sides have recorded these jobs: the worker that ran each, and the main instance hearing back. */
const reported = (jobs: QueueJob[]) => jobs.every((job) => job.worker !== undefined && job.reportedBy !== undefined);

/** Every execution was enqueued by the main instance and run as one job by a worker. */
async function ranOnceOnAWorker(executionIds: number[]) {
	for (const id of executionIds) {
		const jobs = await until(`the job record of execution ${id}`, () => {
			const found = cluster.jobs(id);
			return found.length > 0 && reported(found) && found;
		});
		expect(jobs).toHaveLength(1);
		expect(jobs[0].enqueuedBy).toBe('main');
		expect(jobs[0].startedOn).toHaveLength(1);
		expect(cluster.workers.map((worker) => worker.name)).toContain(jobs[0].worker);
	}
}

beforeAll(async () => {
	if (!fs.existsSync(path.resolve(__dirname, '../../dist/nodes'))) throw new Error('dist/ is missing: run `npm run build` before the e2e suite');
	const started = Date.now();
	sim = await startSimulator({ timeScale: 0.01, dreamMachine: { duplicateCallbacks: true, callbackPolicy: { retries: 240, intervalMs: 500, timeoutMs: 5000 } } });
	folder = fs.mkdtempSync(path.join(os.tmpdir(), 'luma-queue-e2e-'));
	const examples = path.resolve(__dirname, '../../examples');
	const secret = randomBytes(24).toString('hex');
	const copy = (file: string, rewrite: (text: string) => string = (text) => text) => {
		const target = path.join(folder, file);
		fs.writeFileSync(target, rewrite(fs.readFileSync(path.join(examples, file), 'utf8')));
		return target;
	};
	// Example 5a names its trigger's URL: the main instance's port is chosen first.
	const port = await harness.freePort();
	cluster = await startQueue({
		workers: 3,
		port,
		credentials: harness.simulatorCredentials(sim.eventsUrl, sim.dreamMachineUrl),
		workflows: [
			copy('01-new-guest-tag-contact.json'),
			copy('04-batch-prompts-callback.json'),
			copy('05a-generate-dont-wait.json', (text) => harness.withOwnSecret(text.replace('http://localhost:5678/', `http://127.0.0.1:${port}/`), secret)),
			copy('05b-generation-finished-trigger.json', (text) => harness.withOwnSecret(text, secret)),
		],
		publish: [GUEST_TAG, BATCH, START_IMAGE, GENERATION_DONE],
	});
	Object.assign(durations, cluster.durations, { 'whole set-up': Date.now() - started });
}, 900_000);

afterAll(async () => {
	await cluster?.stop();
	await sim?.close();
	if (folder) fs.rmSync(folder, { recursive: true, force: true });
	console.log(`queue e2e durations:\n${Object.entries(durations).map(([name, ms]) => `  ${name}: ${(ms / 1000).toFixed(1)} s`).join('\n')}`);
});

test("Wait for Luma's Callback: paused on one worker, resumed exactly once on a different worker", async () => {
	const started = Date.now();
	sim.resetStats();
	// 20 s of dreaming: the callbacks that can resume the execution come long after the pausing worker is gone.
	sim.configure({ dreamMachine: { timings: { video: { queuedMs: 1_000, dreamingMs: 2_000_000 } } } });
	const response = await fetch(`${cluster.webhookUrl}/webhook/luma-batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
	expect(response.status).toBe(200);
	await until('five video creates', () => logged('dreamMachine', 'POST', /\/generations\/video$/).length === 5, 120_000);
	const waiting = await until('the execution to wait', async () => (await cluster.executions(BATCH)).find((row) => row.status === 'waiting'));
	const [paused] = await until('the pausing worker to report its job', () => {
		const jobs = cluster.jobs(waiting.id);
		return jobs.length === 1 && reported(jobs) && jobs;
	});
	const pausing = cluster.workers.find((worker) => worker.name === paused.worker)!;
	await pausing.stop();
	const pausingGone = Date.now();
	durations['batch: webhook → paused → pausing worker stopped'] = Date.now() - started;
	// Nothing could resume while the pausing worker ran: no video had finished when it exited.
	const videos = [...sim.dreamMachine.generations.values()];
	expect(videos).toHaveLength(5);
	expect(videos.filter((video) => video.state === 'completed' || video.state === 'failed')).toEqual([]);

	await until('the resumed execution to succeed', async () => (await cluster.executions(BATCH)).find((row) => row.id === waiting.id && row.status === 'success'), 180_000);
	const jobs = await until('both jobs to be reported', () => {
		const found = cluster.jobs(waiting.id);
		return found.length >= 2 && reported(found) && found;
	});
	expect(jobs.map((job) => job.startedOn)).toEqual([[pausing.name], [jobs[1].worker]]);
	expect(jobs[0].worker).toBe(pausing.name);
	expect(jobs[1].worker).not.toBe(pausing.name);
	expect(cluster.workers.find((worker) => worker.name === jobs[1].worker)!.running()).toBe(true);
	// And by the clock: the resume job started after the pausing worker's process had exited.
	expect(Date.parse(jobs[1].startedAt!)).toBeGreaterThan(pausingGone);

	// Exactly once: one execution, five videos created, the step after the wait ran once, with every video.
	expect(await cluster.executions(BATCH)).toHaveLength(1);
	expect(logged('dreamMachine', 'POST', /\/generations\/video$/)).toHaveLength(5);
	expect(logged('dreamMachine', 'GET', /\/credits$/)).toHaveLength(1);
	const [run] = await nodeOutputs(BATCH, 'Generate Videos');
	expect(run.items.map((item) => item.json.state)).toEqual(Array(5).fill('completed'));
	expect(new Set(run.items.map((item) => item.json.id))).toEqual(new Set(videos.map((video) => video.id)));
	durations['batch: paused on one worker, resumed on another'] = Date.now() - started;
}, 400_000);

describe('triggers on the main instance, executions on the workers', () => {
	test('Luma Events Trigger: one execution per registration, a repeated delivery none', async () => {
		const started = Date.now();
		sim.resetStats();
		const registration = await until('the trigger to register its webhook with Luma', () =>
			[...sim.state.webhooks.values()].find((hook) => String(hook.url).startsWith(`${cluster.url}/webhook/`)),
		);
		const register = async (email: string) => {
			const added = await fetch(`${sim.eventsUrl}/v1/events/guests/add`, {
				method: 'POST',
				headers: { 'x-luma-api-key': 'e2e-test', 'content-type': 'application/json' },
				body: JSON.stringify({ event_id: sim.state.bigEventId, guests: [{ email, name: 'Queue Registrant' }] }),
			});
			expect(added.status).toBe(200);
		};
		const emails = ['queue-1@example.com', 'queue-2@example.com', 'queue-3@example.com'];
		for (const email of emails) await register(email);
		await successfulExecutions(GUEST_TAG, emails.length);

		// Luma delivering the first message again (same webhook-id, freshly signed): acknowledged, not run.
		const [first] = await nodeOutputs(GUEST_TAG, 'When a Guest Registers');
		const { type, data, delivery_id: deliveryId } = first.items[0].json;
		const body = JSON.stringify({ type, data });
		const t = Math.floor(Date.now() / 1000);
		const again = await fetch(registration.url, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				'webhook-id': String(deliveryId),
				'webhook-signature': `t=${t},v1=${createHmac('sha256', String(registration.secret)).update(`${t}.${body}`).digest('hex')}`,
			},
			body,
		});
		expect({ status: again.status, body: await again.json() }).toEqual({ status: 200, body: { received: true, emitted: false, reason: 'duplicate delivery' } });
		// A last registration marks the end: every execution before it is accounted for.
		await register('queue-marker@example.com');
		const rows = await successfulExecutions(GUEST_TAG, emails.length + 1);
		expect(rows).toHaveLength(emails.length + 1);
		const tagged = logged('events', 'POST', /^\/v1\/calendars\/contact-tags\/apply$/).map((entry) => (entry.body as { emails: string[] }).emails).flat();
		expect(tagged.sort()).toEqual([...emails, 'queue-marker@example.com'].sort());
		await ranOnceOnAWorker(rows.map((row) => row.id));
		durations['events trigger: 4 registrations + 1 repeat → 4 executions'] = Date.now() - started;
	}, 300_000);

	test('Luma Generate Trigger: one execution per final state, repeated callbacks none', async () => {
		const started = Date.now();
		sim.resetStats();
		const response = await fetch(`${cluster.webhookUrl}/webhook/luma-start-image`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
		expect(response.status).toBe(200);
		const create = await until('the image create', () => logged('dreamMachine', 'POST', /\/generations\/image$/)[0]);
		const callbackUrl = String((create.body as { callback_url: string }).callback_url);
		expect(callbackUrl.startsWith(`${cluster.url}/webhook/`)).toBe(true);
		// Luma calls back twice per state (dreaming, completed): four callbacks, answered by the main instance.
		await until('four callbacks answered 200', () => sim.dreamMachine.stats.callbacks.successes >= 4, 120_000);
		expect(sim.dreamMachine.stats.callbacks.failures).toBe(0);

		// A last generation calling back to the same trigger marks the end.
		const marker = await fetch(`${sim.dreamMachineUrl}/generations/image`, {
			method: 'POST',
			headers: { authorization: 'Bearer e2e-labs-key', 'content-type': 'application/json' },
			body: JSON.stringify({ model: 'photon-1', prompt: 'a marker', callback_url: callbackUrl }),
		}).then(async (answer) => (await answer.json()) as { id: string });
		const rows = await successfulExecutions(GENERATION_DONE, 2);
		expect(rows).toHaveLength(2);
		const emitted = (await nodeOutputs(GENERATION_DONE, 'When a Generation Finishes')).map((execution) => execution.items[0].json);
		const image = (await nodeOutputs(START_IMAGE, 'Generate Image'))[0].items[0].json;
		expect(emitted.map((json) => [json.id, json.state])).toEqual([
			[image.id, 'completed'],
			[marker.id, 'completed'],
		]);
		expect(await cluster.executions(START_IMAGE)).toHaveLength(1);
		expect(logged('dreamMachine', 'GET', /\/credits$/)).toHaveLength(2);
		await ranOnceOnAWorker([...(await cluster.executions(START_IMAGE)), ...rows].map((row) => row.id));
		durations['generate trigger: 8 callbacks → 2 executions'] = Date.now() - started;
	}, 300_000);
});
