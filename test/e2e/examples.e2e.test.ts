/**
 * The package in a real n8n (2.40.7 on Node 24, installed once into a cache by scripts/n8n-env.js):
 * installed as a community package, credentials for the simulator imported, every example workflow
 * of examples/ imported and run against the simulator — headless with `n8n execute`, and with
 * `n8n start` for the triggers and for a waiting generation that resumes after an n8n restart.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { E2eRun, harness } from './support';

const run = new E2eRun('examples');
const logged = run.logged.bind(run);
const until = run.until.bind(run);

beforeAll(async () => {
	await run.setUp({ timeScale: 0.01, dreamMachine: { callbackPolicy: { retries: 240, intervalMs: 500, timeoutMs: 5000 } } });
}, 900_000);

afterAll(async () => {
	await run.tearDown();
});

describe('headless (n8n import:workflow + n8n execute)', () => {
	test('2. nightly export: every guest of every upcoming event, as a CSV file', async () => {
		const started = Date.now();
		await harness.importWorkflow(run.userFolder, run.example('02-nightly-guest-export.json'));
		const { ok, data, res } = await harness.executeWorkflow(run.userFolder, 'lumaExample02GuestExport');
		run.durations['example 2 (headless)'] = Date.now() - started;
		if (!ok || data?.status !== 'success') throw new Error(`execution failed:\n${res.stdout.slice(-3000)}\n${res.stderr.slice(-3000)}`);
		const runData = data.data.resultData.runData;
		const now = new Date().toISOString();
		const upcoming = [...run.sim.state.events.values()].filter((event) => event.calendar_id === run.sim.state.primaryCalendarId && !event.canceled && event.start_at > now);
		const expectedGuests = upcoming.reduce((sum, event) => sum + run.sim.state.guestsOf(event.id).length, 0);
		expect(runData['Upcoming Events'][0].data.main[0]).toHaveLength(upcoming.length);
		expect(expectedGuests).toBeGreaterThan(1000);
		expect(runData['All Guests'][0].data.main[0]).toHaveLength(expectedGuests);
		const csv = runData['Guests CSV'][0].data.main[0][0].binary.data;
		expect(csv).toMatchObject({ mimeType: 'text/csv', fileName: 'guests.csv' });
		expect(run.sim.requestLog.filter((entry) => entry.status === 429)).toHaveLength(0);
	}, 300_000);

	test('3. chained pipeline: image → video → extend → upscale → add audio, video as binary data', async () => {
		const started = Date.now();
		await harness.importWorkflow(run.userFolder, run.example('03-generation-pipeline.json'));
		const { ok, data, res } = await harness.executeWorkflow(run.userFolder, 'lumaExample03Pipeline');
		run.durations['example 3 (headless)'] = Date.now() - started;
		if (!ok || data?.status !== 'success') throw new Error(`execution failed:\n${res.stdout.slice(-3000)}\n${res.stderr.slice(-3000)}`);
		const runData = data.data.resultData.runData;
		const steps = ['Image', 'Animate', 'Extend', 'Upscale', 'Add Audio'].map((name) => runData[name][0].data.main[0][0]);
		for (const step of steps) expect(step.json.state).toBe('completed');
		expect(steps[1].json.request.keyframes.frame0).toMatchObject({ type: 'image' });
		expect(steps[2].json.request.keyframes.frame0).toEqual({ type: 'generation', id: steps[1].json.id });
		expect(steps[4].binary.video).toMatchObject({ mimeType: 'video/mp4', fileName: `${steps[4].json.id}.mp4` });
	}, 300_000);
});

describe('headless, Luma Agents API', () => {
	/** Create bodies the Agents simulator accepted since `since` (a request log index). */
	const agentsCreates = (since: number) =>
		run.sim.requestLog
			.slice(since)
			.filter((entry) => entry.api === 'agents' && entry.method === 'POST' && entry.path === '/agents/v1/generations' && entry.status === 201)
			.map((entry) => entry.body as Record<string, any>);

	test('6. UNI-1 image → Ray 3.2 video from it → reframed to 9:16 → MP4 as binary data', async () => {
		const started = Date.now();
		const since = run.sim.requestLog.length;
		await harness.importWorkflow(run.userFolder, run.example('06-agents-image-video-reframe.json'));
		const { ok, data, res } = await harness.executeWorkflow(run.userFolder, 'lumaExample06AgentsPipeline');
		run.durations['example 6 (headless)'] = Date.now() - started;
		if (!ok || data?.status !== 'success') throw new Error(`execution failed:\n${res.stdout.slice(-3000)}\n${res.stderr.slice(-3000)}`);
		const runData = data.data.resultData.runData;
		const [image, animate, reframe] = ['Image', 'Animate', 'Reframe 9:16'].map((name) => runData[name][0].data.main[0][0]);
		expect([image, animate, reframe].map((step) => [step.json.type, step.json.state])).toEqual([
			['image', 'completed'],
			['video', 'completed'],
			['video_reframe', 'completed'],
		]);
		const [, animateBody, reframeBody] = agentsCreates(since);
		expect(String(animateBody.video.start_frame.url)).toContain(`/assets/${image.json.id}/`);
		expect(reframeBody).toMatchObject({ aspect_ratio: '9:16', source: { generation_id: animate.json.id } });
		expect(reframe.binary.video).toMatchObject({ mimeType: 'video/mp4', fileName: `${reframe.json.id}.mp4` });
	}, 400_000);

	test('7. a local image read from disk → UNI-1 edit (sent from binary data, no URL) → split into layers', async () => {
		const started = Date.now();
		const since = run.sim.requestLog.length;
		// n8n 2 reads files only below N8N_RESTRICT_FILE_ACCESS_TO: the sample goes to a folder of this run.
		const files = path.join(run.userFolder, 'files');
		await harness.importWorkflow(run.userFolder, run.example('07-agents-local-image-layers.json', (text) => harness.withSampleFile(text, files)));
		const { ok, data, res } = await harness.executeWorkflow(run.userFolder, 'lumaExample07LocalImageLayers', { env: { N8N_RESTRICT_FILE_ACCESS_TO: files } });
		run.durations['example 7 (headless)'] = Date.now() - started;
		if (!ok || data?.status !== 'success') throw new Error(`execution failed:\n${res.stdout.slice(-3000)}\n${res.stderr.slice(-3000)}`);
		const runData = data.data.resultData.runData;
		const [edit, layers] = ['Edit', 'Split Into Layers'].map((name) => runData[name][0].data.main[0][0]);
		const sample = fs.readFileSync(path.join(__dirname, '../../examples/sample-lighthouse.png'));
		const [editBody, layersBody] = agentsCreates(since);
		expect(editBody.source).toEqual({ data: sample.toString('base64'), media_type: 'image/png' });
		expect(String(layersBody.source.url)).toContain(`/assets/${edit.json.id}/`);
		expect(layers.json).toMatchObject({ type: 'layering', state: 'completed' });
		expect(Object.keys(layers.binary).sort()).toEqual(['layer_0', 'layer_1', 'layer_2']);
		expect(layers.json.layers.map((layer: { label: string }) => layer.label)).toEqual(['subject', 'foreground object', 'background']);
	}, 400_000);
});

describe('n8n start: triggers and waiting executions', () => {
	let port: number;
	const n8n = () => run.n8n!;

	beforeAll(async () => {
		port = await harness.freePort();
		const base = `http://127.0.0.1:${port}/`;
		// Examples 5a and 5b ship a public placeholder the trigger refuses: give them a token, as a user must.
		const secret = randomBytes(24).toString('hex');
		const files = [
			run.example('01-new-guest-tag-contact.json'),
			run.example('04-batch-prompts-callback.json'),
			run.example('05a-generate-dont-wait.json', (text) => harness.withOwnSecret(text.replace('http://localhost:5678/', base), secret)),
			run.example('05b-generation-finished-trigger.json', (text) => harness.withOwnSecret(text, secret)),
		];
		for (const file of files) await harness.importWorkflow(run.userFolder, file);
		for (const id of ['lumaExample01GuestTag', 'lumaExample04Batch', 'lumaExample05Start', 'lumaExample05Done']) {
			await harness.publishWorkflow(run.userFolder, id);
		}
		await run.startN8n('n8n start (first)', port);
	}, 600_000);

	test('1. a guest registers at Luma → the Luma Events Trigger fires → guest looked up → contact tagged', async () => {
		const started = Date.now();
		const registration = await until('the trigger to register its webhook', () =>
			[...run.sim.state.webhooks.values()].find((hook) => String(hook.url).startsWith(`${n8n().url}/webhook/`)),
		);
		expect(registration.event_types).toEqual(['guest.registered']);
		expect(new URL(registration.url).searchParams.get('token')).toMatch(/^[0-9a-f]{64}$/);

		const email = 'e2e-registrant@example.com';
		const add = await fetch(`${run.sim.eventsUrl}/v1/events/guests/add`, {
			method: 'POST',
			headers: { 'x-luma-api-key': 'e2e-test', 'content-type': 'application/json' },
			body: JSON.stringify({ event_id: run.sim.state.bigEventId, guests: [{ email, name: 'E2E Registrant' }] }),
		});
		expect(add.status).toBe(200);
		const applied = await until('the workflow to tag the contact', () =>
			logged('events', 'POST', /^\/v1\/calendars\/contact-tags\/apply$/).find((entry) => JSON.stringify(entry.body).includes(email)),
		);
		expect(applied.body).toMatchObject({ tag: 'VIP', emails: [email] });
		expect(logged('events', 'GET', /^\/v1\/events\/guests\/get$/).some((entry) => entry.query.id !== undefined)).toBe(true);
		const contact = run.sim.state.contactsOf(run.sim.state.primaryCalendarId).find((entry) => entry.email === email)!;
		const vip = [...run.sim.state.contactTags.values()].find((tag) => tag.name === 'VIP')!;
		expect(contact.tagIds.has(vip.id)).toBe(true);
		run.durations['example 1 (webhook → tag)'] = Date.now() - started;

		// A forged delivery (no token, no signature) starts nothing.
		const forged = await fetch(registration.url.replace(/\?.*$/, ''), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"guest.registered","data":{}}' });
		expect(forged.status).toBe(401);
	}, 180_000);

	test("5. Don't Wait + Luma Generate Trigger: the callback starts the second workflow", async () => {
		const started = Date.now();
		run.sim.resetStats();
		const response = await fetch(`${n8n().url}/webhook/luma-start-image`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
		expect(response.status).toBe(200);
		const create = await until('the image create', () => logged('dreamMachine', 'POST', /\/generations\/image$/)[0]);
		expect(String((create.body as { callback_url: string }).callback_url)).toContain(`${n8n().url}/webhook/`);
		// The trigger confirms the callback by reading the generation, then the workflow continues.
		await until('the trigger to confirm the generation and the workflow to run', () => logged('dreamMachine', 'GET', /\/credits$/).length > 0);
		expect(logged('dreamMachine', 'GET', /\/generations\/[^/]+$/).length).toBeGreaterThan(0);
		const executions = await run.executions('lumaExample05Done');
		expect(executions.filter((execution) => execution.status === 'success').length).toBeGreaterThanOrEqual(1);
		run.durations["example 5 (don't wait + trigger)"] = Date.now() - started;
	}, 180_000);

	test('4. batch of prompts waiting by callback resumes after an n8n restart', async () => {
		const started = Date.now();
		run.sim.resetStats();
		// Long enough dreaming (8 s at this time scale) for n8n to go down while the videos are generated.
		run.sim.configure({ dreamMachine: { timings: { video: { queuedMs: 1_000, dreamingMs: 800_000 } } } });
		const response = await fetch(`${n8n().url}/webhook/luma-batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
		expect(response.status).toBe(200);
		await until('five video creates', () => logged('dreamMachine', 'POST', /\/generations\/video$/).length === 5, 120_000);
		const creates = logged('dreamMachine', 'POST', /\/generations\/video$/);
		for (const entry of creates) expect(String((entry.body as { callback_url: string }).callback_url)).toContain('/webhook-waiting/');
		const waiting = await until('the execution to wait', async () => {
			const rows = await run.executions('lumaExample04Batch');
			return rows.find((row) => row.status === 'waiting');
		});

		await run.stopN8n();
		run.durations['example 4: creates → n8n stopped'] = Date.now() - started;
		expect(logged('dreamMachine', 'GET', /\/credits$/)).toHaveLength(0);

		await run.startN8n('n8n start (restart)', port);
		await until('the resumed execution to finish', () => logged('dreamMachine', 'GET', /\/credits$/).length > 0, 180_000);
		const finished = await until('the execution to be stored as finished', async () => {
			const rows = await run.executions('lumaExample04Batch');
			return rows.find((row) => row.id === waiting.id && row.status === 'success');
		});
		expect(finished.status).toBe('success');
		// Each video was created exactly once, before the restart.
		expect(logged('dreamMachine', 'POST', /\/generations\/video$/)).toHaveLength(5);
		run.durations['example 4 (batch, callback wait across a restart)'] = Date.now() - started;
	}, 600_000);
});
