/**
 * The package in a real n8n (2.40.7 on Node 24, installed once into a cache by scripts/n8n-env.js):
 * installed as a community package, credentials for the simulator imported, every example workflow
 * of examples/ imported and run against the simulator — headless with `n8n execute`, and with
 * `n8n start` for the triggers and for a waiting generation that resumes after an n8n restart.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startSimulator, type Simulator } from '../simulator';

// Plain CommonJS harness shared with `npm run dev`.
const harness = require('../../scripts/n8n-env.js');

const EXAMPLES = path.resolve(__dirname, '../../examples');
const durations: Record<string, number> = {};

let sim: Simulator;
let userFolder: string;
/** Extra context for timeouts (the running n8n's log tail). */
let diagnostics = () => '';

function example(file: string, rewrite?: (text: string) => string): string {
	const source = fs.readFileSync(path.join(EXAMPLES, file), 'utf8');
	const target = path.join(userFolder, file);
	fs.writeFileSync(target, rewrite ? rewrite(source) : source);
	return target;
}

async function until<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value) return value;
		if (Date.now() > deadline) {
			const executions = userFolder ? await harness.readExecutions(userFolder).catch(() => []) : [];
			throw new Error(
				`timed out waiting for ${what}\nwebhooks: ${JSON.stringify(sim.events.stats().webhooks)}\nexecutions: ${JSON.stringify(executions)}\n` +
					`last requests: ${JSON.stringify(sim.requestLog.slice(-8).map((entry) => [entry.method, entry.path, entry.status]))}\n${diagnostics()}`,
			);
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

const logged = (api: 'events' | 'dreamMachine', method: string, pathPattern: RegExp) =>
	sim.requestLog.filter((entry) => entry.api === api && entry.method === method && pathPattern.test(entry.path) && entry.status >= 200 && entry.status < 300);

beforeAll(async () => {
	const started = Date.now();
	if (!fs.existsSync(path.resolve(__dirname, '../../dist/nodes'))) throw new Error('dist/ is missing: run `npm run build` before the e2e suite');
	await harness.ensureN8n({ quiet: false });
	durations['n8n install (or cache check)'] = Date.now() - started;
	sim = await startSimulator({ timeScale: 0.01, dreamMachine: { callbackPolicy: { retries: 240, intervalMs: 500, timeoutMs: 5000 } } });
	userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'luma-e2e-'));
	harness.installPackage(userFolder);
	const setup = Date.now();
	await harness.importCredentials(userFolder, harness.simulatorCredentials(sim.eventsUrl, sim.dreamMachineUrl));
	durations['import credentials'] = Date.now() - setup;
}, 900_000);

afterAll(async () => {
	await sim?.close();
	if (userFolder) fs.rmSync(userFolder, { recursive: true, force: true });
	console.log(
		`e2e durations:\n${Object.entries(durations)
			.map(([name, ms]) => `  ${name}: ${(ms / 1000).toFixed(1)} s`)
			.join('\n')}`,
	);
});

describe('headless (n8n import:workflow + n8n execute)', () => {
	test('2. nightly export: every guest of every upcoming event, as a CSV file', async () => {
		const started = Date.now();
		await harness.importWorkflow(userFolder, example('02-nightly-guest-export.json'));
		const { ok, data, res } = await harness.executeWorkflow(userFolder, 'lumaExample02GuestExport');
		durations['example 2 (headless)'] = Date.now() - started;
		if (!ok || data?.status !== 'success') throw new Error(`execution failed:\n${res.stdout.slice(-3000)}\n${res.stderr.slice(-3000)}`);
		const runData = data.data.resultData.runData;
		const now = new Date().toISOString();
		const upcoming = [...sim.state.events.values()].filter((event) => event.calendar_id === sim.state.primaryCalendarId && !event.canceled && event.start_at > now);
		const expectedGuests = upcoming.reduce((sum, event) => sum + sim.state.guestsOf(event.id).length, 0);
		expect(runData['Upcoming Events'][0].data.main[0]).toHaveLength(upcoming.length);
		expect(expectedGuests).toBeGreaterThan(1000);
		expect(runData['All Guests'][0].data.main[0]).toHaveLength(expectedGuests);
		const csv = runData['Guests CSV'][0].data.main[0][0].binary.data;
		expect(csv).toMatchObject({ mimeType: 'text/csv', fileName: 'guests.csv' });
		expect(sim.requestLog.filter((entry) => entry.status === 429)).toHaveLength(0);
	}, 300_000);

	test('3. chained pipeline: image → video → extend → upscale → add audio, video as binary data', async () => {
		const started = Date.now();
		await harness.importWorkflow(userFolder, example('03-generation-pipeline.json'));
		const { ok, data, res } = await harness.executeWorkflow(userFolder, 'lumaExample03Pipeline');
		durations['example 3 (headless)'] = Date.now() - started;
		if (!ok || data?.status !== 'success') throw new Error(`execution failed:\n${res.stdout.slice(-3000)}\n${res.stderr.slice(-3000)}`);
		const runData = data.data.resultData.runData;
		const steps = ['Image', 'Animate', 'Extend', 'Upscale', 'Add Audio'].map((name) => runData[name][0].data.main[0][0]);
		for (const step of steps) expect(step.json.state).toBe('completed');
		expect(steps[1].json.request.keyframes.frame0).toMatchObject({ type: 'image' });
		expect(steps[2].json.request.keyframes.frame0).toEqual({ type: 'generation', id: steps[1].json.id });
		expect(steps[4].binary.video).toMatchObject({ mimeType: 'video/mp4', fileName: `${steps[4].json.id}.mp4` });
	}, 300_000);
});

describe('n8n start: triggers and waiting executions', () => {
	let n8n: { url: string; port: number; stop(): Promise<void>; output(): string } | undefined;
	let port: number;

	const start = async (label: string) => {
		const started = Date.now();
		n8n = await harness.startN8n(userFolder, { port });
		diagnostics = () => `n8n log:\n${n8n?.output().slice(-4000) ?? ''}`;
		durations[label] = Date.now() - started;
		return n8n!;
	};

	beforeAll(async () => {
		port = await harness.freePort();
		const base = `http://127.0.0.1:${port}/`;
		const files = [
			example('01-new-guest-tag-contact.json'),
			example('04-batch-prompts-callback.json'),
			example('05a-generate-dont-wait.json', (text) => text.replace('http://localhost:5678/', base)),
			example('05b-generation-finished-trigger.json'),
		];
		for (const file of files) await harness.importWorkflow(userFolder, file);
		for (const id of ['lumaExample01GuestTag', 'lumaExample04Batch', 'lumaExample05Start', 'lumaExample05Done']) {
			await harness.publishWorkflow(userFolder, id);
		}
		await start('n8n start (first)');
	}, 600_000);

	afterAll(async () => {
		await n8n?.stop();
	});

	test('1. a guest registers at Luma → the Luma Events Trigger fires → guest looked up → contact tagged', async () => {
		const started = Date.now();
		const registration = await until('the trigger to register its webhook', () =>
			[...sim.state.webhooks.values()].find((hook) => String(hook.url).startsWith(`${n8n!.url}/webhook/`)),
		);
		expect(registration.event_types).toEqual(['guest.registered']);
		expect(new URL(registration.url).searchParams.get('token')).toMatch(/^[0-9a-f]{64}$/);

		const email = 'e2e-registrant@example.com';
		const add = await fetch(`${sim.eventsUrl}/v1/events/guests/add`, {
			method: 'POST',
			headers: { 'x-luma-api-key': 'e2e-test', 'content-type': 'application/json' },
			body: JSON.stringify({ event_id: sim.state.bigEventId, guests: [{ email, name: 'E2E Registrant' }] }),
		});
		expect(add.status).toBe(200);
		const applied = await until('the workflow to tag the contact', () =>
			logged('events', 'POST', /^\/v1\/calendars\/contact-tags\/apply$/).find((entry) => JSON.stringify(entry.body).includes(email)),
		);
		expect(applied.body).toMatchObject({ tag: 'VIP', emails: [email] });
		expect(logged('events', 'GET', /^\/v1\/events\/guests\/get$/).some((entry) => entry.query.id !== undefined)).toBe(true);
		const contact = sim.state.contactsOf(sim.state.primaryCalendarId).find((entry) => entry.email === email)!;
		const vip = [...sim.state.contactTags.values()].find((tag) => tag.name === 'VIP')!;
		expect(contact.tagIds.has(vip.id)).toBe(true);
		durations['example 1 (webhook → tag)'] = Date.now() - started;

		// A forged delivery (no token, no signature) starts nothing.
		const forged = await fetch(registration.url.replace(/\?.*$/, ''), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"guest.registered","data":{}}' });
		expect(forged.status).toBe(401);
	}, 180_000);

	test("5. Don't Wait + Luma Generate Trigger: the callback starts the second workflow", async () => {
		const started = Date.now();
		sim.resetStats();
		const response = await fetch(`${n8n!.url}/webhook/luma-start-image`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
		expect(response.status).toBe(200);
		const create = await until('the image create', () => logged('dreamMachine', 'POST', /\/generations\/image$/)[0]);
		expect(String((create.body as { callback_url: string }).callback_url)).toContain(`${n8n!.url}/webhook/`);
		// The trigger confirms the callback by reading the generation, then the workflow continues.
		await until('the trigger to confirm the generation and the workflow to run', () => logged('dreamMachine', 'GET', /\/credits$/).length > 0);
		expect(logged('dreamMachine', 'GET', /\/generations\/[^/]+$/).length).toBeGreaterThan(0);
		const executions = await harness.readExecutions(userFolder);
		expect(executions.filter((execution: { workflowId: string; status: string }) => execution.workflowId === 'lumaExample05Done' && execution.status === 'success').length).toBeGreaterThanOrEqual(1);
		durations["example 5 (don't wait + trigger)"] = Date.now() - started;
	}, 180_000);

	test('4. batch of prompts waiting by callback resumes after an n8n restart', async () => {
		const started = Date.now();
		sim.resetStats();
		// Long enough dreaming (8 s at this time scale) for n8n to go down while the videos are generated.
		sim.configure({ dreamMachine: { timings: { video: { queuedMs: 1_000, dreamingMs: 800_000 } } } });
		const response = await fetch(`${n8n!.url}/webhook/luma-batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
		expect(response.status).toBe(200);
		await until('five video creates', () => logged('dreamMachine', 'POST', /\/generations\/video$/).length === 5, 120_000);
		const creates = logged('dreamMachine', 'POST', /\/generations\/video$/);
		for (const entry of creates) expect(String((entry.body as { callback_url: string }).callback_url)).toContain('/webhook-waiting/');
		const waiting = await until('the execution to wait', async () => {
			const rows = await harness.readExecutions(userFolder);
			return rows.find((row: { workflowId: string; status: string }) => row.workflowId === 'lumaExample04Batch' && row.status === 'waiting');
		});

		await n8n!.stop();
		n8n = undefined;
		durations['example 4: creates → n8n stopped'] = Date.now() - started;
		expect(logged('dreamMachine', 'GET', /\/credits$/)).toHaveLength(0);

		await start('n8n start (restart)');
		await until('the resumed execution to finish', () => logged('dreamMachine', 'GET', /\/credits$/).length > 0, 180_000);
		const finished = await until('the execution to be stored as finished', async () => {
			const rows = await harness.readExecutions(userFolder);
			return rows.find((row: { id: number; status: string }) => row.id === waiting.id && row.status === 'success');
		});
		expect(finished.status).toBe('success');
		// Each video was created exactly once, before the restart.
		expect(logged('dreamMachine', 'POST', /\/generations\/video$/)).toHaveLength(5);
		durations['example 4 (batch, callback wait across a restart)'] = Date.now() - started;
	}, 600_000);
});
