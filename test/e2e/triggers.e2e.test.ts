/**
 * Both trigger nodes in a real n8n (`n8n start` on a loopback port, the package installed as a
 * community package), with the simulator registering webhooks, delivering them and calling back:
 * the Luma Events Trigger registers when the workflow is published in the running n8n and
 * deregisters when it is unpublished (the editor's own REST calls), every event type starts one
 * execution, forged / replayed / repeated deliveries start nothing; the Luma Generate Trigger
 * starts exactly one execution per final state and a forged callback cannot inject a result.
 */
import { createHmac, randomUUID } from 'node:crypto';

import { E2eRun, harness } from './support';

const run = new E2eRun('triggers');
const until = run.until.bind(run);

const EVENTS_WORKFLOW = 'lumaE2eEveryLumaEvent';
const GENERATE_WORKFLOW = 'lumaE2eGenerationFinished';
const EVENTS_TRIGGER = 'Every Luma Event';
const GENERATE_TRIGGER = 'Generation Finished';
const GENERATE_WEBHOOK_ID = '3d1f6a0e-5b7c-4e2a-9c1d-e2e000000002';
const SECRET_TOKEN = 'e2e-generate-trigger-secret-token-0123456789abcdef';
const OWNER = { email: 'e2e@example.com', password: 'LumaE2e-2026!', firstName: 'Luma', lastName: 'E2E' };

// The eleven webhook types Luma documents (issue #6); listed here, not imported, so the test checks the node.
const EVENT_TYPES = [
	'calendar.event.added',
	'calendar.event.submitted',
	'calendar.person.subscribed',
	'calendar.person.unsubscribed',
	'event.canceled',
	'event.created',
	'event.updated',
	'guest.registered',
	'guest.updated',
	'guest.refunded',
	'ticket.registered',
];

const workflow = (id: string, name: string, trigger: object) => ({
	id,
	name,
	active: false,
	nodes: [{ typeVersion: 1, position: [0, 0], ...trigger }],
	connections: {},
	settings: { executionOrder: 'v1' },
	pinData: {},
	tags: [],
});

const counts = { deliveriesSent: 0, forgeriesRejected: 0, duplicatesAbsorbed: 0, eventsExecutions: 0, generateExecutions: 0, callbacksSent: 0 };

let session: { activate(id: string): Promise<unknown>; deactivate(id: string): Promise<unknown> };
let n8nUrl = '';

/** The trigger node's output item of each stored execution of a workflow, oldest first. */
async function emitted(workflowId: string, nodeName: string) {
	const rows = await run.executions(workflowId);
	const data = await harness.readExecutionData(run.userFolder, rows.map((row) => row.id));
	return rows.map((row, index) => ({ status: row.status, json: data[index].resultData.runData[nodeName][0].data.main[0][0].json }));
}

async function executionCount(workflowId: string, expected: number) {
	return await until(`${expected} executions of ${workflowId}`, async () => {
		const rows = await run.executions(workflowId);
		return rows.length >= expected && rows.every((row) => row.status === 'success') && rows;
	});
}

beforeAll(async () => {
	await run.setUp({ timeScale: 0.01, dreamMachine: { duplicateCallbacks: true } });
	const events = workflow(EVENTS_WORKFLOW, 'E2E: every Luma event', {
		id: 'every-luma-event',
		name: EVENTS_TRIGGER,
		type: 'n8n-nodes-luma-suite.lumaTrigger',
		parameters: { events: ['*'], options: {} },
		credentials: { lumaApi: { id: 'lumaSimulatorApi', name: 'Luma API (simulator)' } },
		webhookId: '3d1f6a0e-5b7c-4e2a-9c1d-e2e000000001',
	});
	const generate = workflow(GENERATE_WORKFLOW, 'E2E: generation finished', {
		id: 'generation-finished',
		name: GENERATE_TRIGGER,
		type: 'n8n-nodes-luma-suite.lumaGenerateTrigger',
		parameters: { secretToken: SECRET_TOKEN, states: ['completed', 'failed'], options: {} },
		credentials: { lumaLabsApi: { id: 'lumaLabsSimulatorApi', name: 'Luma Labs API (simulator)' } },
		webhookId: GENERATE_WEBHOOK_ID,
	});
	await harness.importWorkflow(run.userFolder, run.writeWorkflow('e2e-events-trigger.json', events));
	await harness.importWorkflow(run.userFolder, run.writeWorkflow('e2e-generate-trigger.json', generate));
	// The Generate Trigger is published before start (n8n registers it at boot); the Events Trigger
	// is published later in the running n8n, the way a user clicks "Publish".
	await harness.publishWorkflow(run.userFolder, GENERATE_WORKFLOW);
	const n8n = await run.startN8n('n8n start', await harness.freePort());
	n8nUrl = n8n.url;
	session = await harness.editorSession(n8nUrl, OWNER);
}, 900_000);

afterAll(async () => {
	console.log(`triggers e2e counts: ${JSON.stringify(counts)}`);
	await run.tearDown();
});

const registrations = () => [...run.sim.state.webhooks.values()].filter((hook) => String(hook.url).startsWith(`${n8nUrl}/webhook/`));

describe('Luma Events Trigger in a running n8n', () => {
	test('publishing the workflow registers one webhook with Luma, for every event type, behind a URL token', async () => {
		expect(registrations()).toHaveLength(0);
		const started = Date.now();
		await session.activate(EVENTS_WORKFLOW);
		const [registration] = await until('the registration', () => registrations().length > 0 && registrations());
		run.durations['publish → registered'] = Date.now() - started;
		expect(registrations()).toHaveLength(1);
		expect(registration.event_types).toEqual(['*']);
		expect(registration.status).toBe('active');
		expect(new URL(registration.url).searchParams.get('token')).toMatch(/^[0-9a-f]{64}$/);
	});

	test('each of the eleven event types, delivered signed by Luma, starts one execution with that type', async () => {
		const started = Date.now();
		for (const type of EVENT_TYPES) {
			const deliveries = await run.sim.emitWebhookEvent(type);
			counts.deliveriesSent += deliveries.length;
			expect(deliveries.map((delivery) => [type, delivery.status, delivery.attempts])).toEqual([[type, 200, 1]]);
		}
		await executionCount(EVENTS_WORKFLOW, EVENT_TYPES.length);
		const items = await emitted(EVENTS_WORKFLOW, EVENTS_TRIGGER);
		expect(items).toHaveLength(EVENT_TYPES.length);
		expect(items.map((item) => item.json.type).sort()).toEqual([...EVENT_TYPES].sort());
		for (const item of items) {
			expect(item.json).toMatchObject({ signature_verified: true, delivery_id: expect.stringMatching(/^msg_/) });
			expect(typeof item.json.received_at).toBe('string');
		}
		counts.eventsExecutions = items.length;
		run.durations['11 event types → 11 executions'] = Date.now() - started;
	});

	test('forged, tampered and replayed deliveries are refused; a repeated delivery runs once', async () => {
		const [registration] = registrations();
		const url = new URL(registration.url);
		const secret = String(registration.secret);
		const now = Math.floor(Date.now() / 1000);
		const sign = (body: string, t = now, key = secret) => `t=${t},v1=${createHmac('sha256', key).update(`${t}.${body}`).digest('hex')}`;
		const post = async (target: URL | string, body: string, headers: Record<string, string>) => {
			const response = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
			return { status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, unknown> };
		};
		const body = JSON.stringify(run.sim.events.samplePayload('guest.registered'));
		const withoutToken = new URL(url);
		withoutToken.search = '';
		const wrongToken = new URL(url);
		wrongToken.searchParams.set('token', '0'.repeat(64));

		const forgeries: Array<[string, URL, string, Record<string, string>]> = [
			['no URL token', withoutToken, body, { 'webhook-signature': sign(body) }],
			['wrong URL token', wrongToken, body, { 'webhook-signature': sign(body) }],
			['no signature', url, body, {}],
			['signed with another secret', url, body, { 'webhook-signature': sign(body, now, 'whsec_forged') }],
			['body changed after signing', url, body.replace('guest.registered', 'guest.updated'), { 'webhook-signature': sign(body) }],
			['replayed an hour later', url, body, { 'webhook-signature': sign(body, now - 3600), 'webhook-id': 'msg_e2e_replayed' }],
		];
		for (const [what, target, payload, headers] of forgeries) {
			const answer = await post(target, payload, headers);
			expect([what, answer.status]).toEqual([what, 401]);
			counts.forgeriesRejected += 1;
		}

		// Luma sending the same delivery twice (same webhook-id, freshly signed): one execution.
		const repeated = { 'webhook-id': 'msg_e2e_repeated' };
		const first = await post(url, body, { ...repeated, 'webhook-signature': sign(body) });
		const second = await post(url, body, { ...repeated, 'webhook-signature': sign(body, now + 1) });
		expect(first.status).toBe(200);
		expect(second).toEqual({ status: 200, body: { received: true, emitted: false, reason: 'duplicate delivery' } });
		counts.deliveriesSent += 2;
		counts.duplicatesAbsorbed += 1;
		// A last genuine delivery marks the end: every execution before it is accounted for.
		const marker = { 'webhook-id': 'msg_e2e_marker' };
		expect((await post(url, body, { ...marker, 'webhook-signature': sign(body) })).status).toBe(200);
		counts.deliveriesSent += 1;

		await executionCount(EVENTS_WORKFLOW, EVENT_TYPES.length + 2);
		const items = await emitted(EVENTS_WORKFLOW, EVENTS_TRIGGER);
		expect(items.slice(EVENT_TYPES.length).map((item) => item.json.delivery_id).sort()).toEqual(['msg_e2e_marker', 'msg_e2e_repeated']);
		expect(items).toHaveLength(EVENT_TYPES.length + 2);
		counts.eventsExecutions = items.length;
	});

	test('unpublishing the workflow deletes the registration at Luma: nothing is left behind', async () => {
		const before = (await run.executions(EVENTS_WORKFLOW)).length;
		await session.deactivate(EVENTS_WORKFLOW);
		await until('the registration to be deleted', () => registrations().length === 0);
		expect(await run.sim.emitWebhookEvent('event.updated')).toEqual([]);
		expect(run.logged('events', 'POST', /^\/v[12]\/webhooks\/delete$/)).toHaveLength(1);
		expect(await run.executions(EVENTS_WORKFLOW)).toHaveLength(before);
	});
});

describe('Luma Generate Trigger in a running n8n', () => {
	const labs = async (method: string, route: string, body?: object) => {
		const response = await fetch(`${run.sim.dreamMachineUrl}${route}`, {
			method,
			headers: { authorization: 'Bearer e2e-labs-key', 'content-type': 'application/json' },
			body: body ? JSON.stringify(body) : undefined,
		});
		return (await response.json()) as Record<string, unknown>;
	};
	const callbackUrl = () => `${n8nUrl}/webhook/${GENERATE_WEBHOOK_ID}/callback?token=${SECRET_TOKEN}`;

	test('Luma calling back twice per state starts exactly one execution per final state', async () => {
		const started = Date.now();
		const before = { ...run.sim.dreamMachine.stats.callbacks };
		const image = await labs('POST', '/generations/image', { model: 'photon-1', prompt: 'a lighthouse at dusk', callback_url: callbackUrl() });
		const video = await labs('POST', '/generations/video', { model: 'ray-2', prompt: 'a storm at sea [job-fail]', callback_url: callbackUrl() });
		// dreaming and the final state, each sent twice, for both generations.
		await until('eight callbacks answered 200', () => run.sim.dreamMachine.stats.callbacks.successes - before.successes >= 8, 120_000);
		const sent = run.sim.dreamMachine.stats.callbacks;
		expect(sent.failures - before.failures).toBe(0);
		counts.callbacksSent += sent.successes - before.successes;

		await executionCount(GENERATE_WORKFLOW, 2);
		const items = await emitted(GENERATE_WORKFLOW, GENERATE_TRIGGER);
		expect(items.map((item) => [item.json.id, item.json.state]).sort()).toEqual(
			[
				[image.id, 'completed'],
				[video.id, 'failed'],
			].sort(),
		);
		const failed = items.find((item) => item.json.state === 'failed')!;
		expect(failed.json).toMatchObject({ failure_reason: 'Job failed', confirmed_with_api: true });
		counts.generateExecutions = items.length;
		run.durations['2 generations → 2 executions'] = Date.now() - started;
	});

	test('forged callbacks are refused or ignored: the API, not the posted body, decides', async () => {
		const [done] = (await emitted(GENERATE_WORKFLOW, GENERATE_TRIGGER)).filter((item) => item.json.state === 'completed');
		const post = async (target: string, body: object) => {
			const response = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
			return { status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, unknown> };
		};
		const forgedResult = { ...done.json, state: 'failed', failure_reason: null, assets: { video: 'https://attacker.example/evil.mp4' } };
		const forgeries: Array<[string, string, object, number]> = [
			['no token', callbackUrl().replace(/\?.*$/, ''), done.json, 401],
			['wrong token', callbackUrl().replace(SECRET_TOKEN, 'x'.repeat(SECRET_TOKEN.length)), done.json, 401],
			['a generation Luma does not know', callbackUrl(), { ...done.json, id: randomUUID() }, 404],
			['not a generation', callbackUrl(), { hello: 'world' }, 400],
		];
		for (const [what, target, body, status] of forgeries) {
			expect([what, (await post(target, body)).status]).toEqual([what, status]);
			counts.forgeriesRejected += 1;
		}
		// A right token with a made-up state: the API says "completed", already emitted: ignored.
		const injected = await post(callbackUrl(), forgedResult);
		expect(injected).toEqual({ status: 200, body: { received: true, emitted: false, reason: 'already emitted for this state' } });
		counts.duplicatesAbsorbed += 1;

		// A last real generation marks the end: every execution before it is accounted for.
		const marker = await labs('POST', '/generations/image', { model: 'photon-1', prompt: 'a marker', callback_url: callbackUrl() });
		await executionCount(GENERATE_WORKFLOW, 3);
		const items = await emitted(GENERATE_WORKFLOW, GENERATE_TRIGGER);
		expect(items).toHaveLength(3);
		expect(items[2].json).toMatchObject({ id: marker.id, state: 'completed' });
		expect(items.some((item) => JSON.stringify(item.json).includes('attacker.example'))).toBe(false);
		counts.generateExecutions = items.length;
	});
});
