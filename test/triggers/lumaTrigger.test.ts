/**
 * Luma Events Trigger against the events simulator: registration lifecycle through Luma's webhook
 * routes, signed deliveries over HTTP into the node's webhook (real n8n-core contexts, helpers.ts),
 * and crafted forgeries, replays and duplicates.
 */
import type { IDataObject } from 'n8n-workflow';

import { WEBHOOK_TYPES } from '../../nodes/shared/events/webhookTypes';
import { signPayload } from '../../nodes/LumaTrigger/signature';
import { configureTransport } from '../../nodes/shared/transport';
import { postJson, TriggerHarness, waitUntil } from './helpers';
import { startTestSimulator, type TestSimulator } from './simulator';

const ALL_TYPES = WEBHOOK_TYPES.map((type) => type.value);
const STATIC_KEY = 'node:Trigger';

let sim: TestSimulator;
let harness: TriggerHarness | undefined;

beforeAll(async () => {
	configureTransport({ backoffBaseMs: 5, backoffCapMs: 20, eventsLockoutMs: 50, windowMs: 600 });
	sim = await startTestSimulator();
});

afterAll(async () => {
	configureTransport('defaults');
	await sim.close();
});

afterEach(async () => {
	if (harness?.active) await harness.deactivate();
	await harness?.stopListening();
	await harness?.close();
	harness = undefined;
});

async function startTrigger(parameters: IDataObject = {}, activate = true) {
	harness = await TriggerHarness.start({
		type: 'lumaTrigger',
		parameters: { events: ['*'], options: {}, ...parameters },
		credentials: { lumaApi: { apiKey: sim.eventsKey, baseUrl: sim.eventsUrl, keyType: 'calendar' } },
	});
	if (activate) await harness.activate();
	return harness;
}

function registration(trigger: TriggerHarness, test = false) {
	const data = (test ? trigger.testStaticData : trigger.storedStaticData)?.[STATIC_KEY] as IDataObject | undefined;
	return (data ?? {}) as { webhookId?: string; webhookSecret?: string; token?: string; registeredUrl?: string };
}

/** Registrations at Luma that point at this node's URL (production or test), whatever the token. */
async function registrationsFor(url: string) {
	const all = await sim.listWebhooks();
	return all.filter((webhook) => String(webhook.url).split('?')[0] === url);
}

/** A signed delivery crafted by the test (what Luma would send), posted to the node's URL. */
async function deliver(
	trigger: TriggerHarness,
	payload: unknown,
	{
		token = registration(trigger).token,
		secret = registration(trigger).webhookSecret!,
		timestamp = Math.floor(Date.now() / 1000),
		signature,
		webhookId,
		url = trigger.productionUrl,
	}: { token?: string | null; secret?: string; timestamp?: number; signature?: string | null; webhookId?: string; url?: string } = {},
) {
	const raw = JSON.stringify(payload);
	const headers: Record<string, string> = {};
	if (signature !== null) headers['webhook-signature'] = signature ?? `t=${timestamp},v1=${signPayload(secret, timestamp, raw)}`;
	if (webhookId) headers['webhook-id'] = webhookId;
	return await postJson(token === null ? url : `${url}?token=${token}`, raw, headers);
}

describe('registration lifecycle', () => {
	test('activation registers the node URL + a 64-hex token once; re-activation reuses it; deactivation deletes it', async () => {
		const trigger = await startTrigger({ events: ['guest.registered', 'ticket.registered'] });
		const state = registration(trigger);
		expect(state.token).toMatch(/^[0-9a-f]{64}$/);
		expect(state.webhookSecret).toBeTruthy();

		const remote = await registrationsFor(trigger.productionUrl);
		expect(remote).toHaveLength(1);
		expect(remote[0]).toMatchObject({
			id: state.webhookId,
			url: `${trigger.productionUrl}?token=${state.token}`,
			status: 'active',
		});
		expect([...remote[0].event_types].sort()).toEqual(['guest.registered', 'ticket.registered']);

		// n8n restarts / re-activates: checkExists finds it, nothing new is created.
		await trigger.activate();
		expect(await registrationsFor(trigger.productionUrl)).toHaveLength(1);
		expect(registration(trigger).webhookId).toBe(state.webhookId);

		expect(await trigger.deactivate()).toBe(true);
		expect(await registrationsFor(trigger.productionUrl)).toHaveLength(0);
		expect(registration(trigger).webhookId).toBeUndefined();
	});

	test('changed event types and a paused registration are fixed in place (same ID)', async () => {
		const trigger = await startTrigger({ events: ['event.created'] });
		const { webhookId } = registration(trigger);
		await sim.updateWebhook(webhookId!, { status: 'paused' });
		trigger.setParameters({ events: ['event.updated', 'event.canceled'], options: {} });
		await trigger.activate();

		const [remote] = await registrationsFor(trigger.productionUrl);
		expect(remote.id).toBe(webhookId);
		expect(remote.status).toBe('active');
		expect([...remote.event_types].sort()).toEqual(['event.canceled', 'event.updated']);
	});

	test('a registration deleted at Luma is created again; one left over for this URL is adopted, not duplicated', async () => {
		const trigger = await startTrigger({ events: ['*'] });
		const first = registration(trigger);
		await sim.deleteWebhook(first.webhookId!);
		await trigger.activate();
		const second = registration(trigger);
		expect(second.webhookId).not.toBe(first.webhookId);
		expect(await registrationsFor(trigger.productionUrl)).toHaveLength(1);

		// Static data lost (workflow re-imported): the registration at Luma is found by URL and kept,
		// with its token; a token-less registration for the same URL is removed.
		const stray = await sim.createWebhook(trigger.productionUrl, ['event.created']);
		trigger.storedStaticData = {};
		await trigger.activate();
		const adopted = registration(trigger);
		expect(adopted.webhookId).toBe(second.webhookId);
		expect(adopted.token).toBe(second.token);
		const remote = await registrationsFor(trigger.productionUrl);
		expect(remote.map((webhook) => webhook.id)).toEqual([second.webhookId]);
		expect(remote.some((webhook) => webhook.id === stray.id)).toBe(false);
	});

	test('a registration of this node pointing at an old n8n URL is replaced, not orphaned', async () => {
		const trigger = await startTrigger({ events: ['*'] });
		const state = registration(trigger);
		// As if n8n's public URL changed: the stored registration points elsewhere.
		const moved = await sim.createWebhook(`https://old-host.example/webhook/x/webhook?token=${state.token}`, ['*']);
		await sim.deleteWebhook(state.webhookId!);
		trigger.storedStaticData = { [STATIC_KEY]: { ...state, webhookId: moved.id } };
		await trigger.activate();
		expect((await sim.listWebhooks()).some((webhook) => webhook.id === moved.id)).toBe(false);
		expect(await registrationsFor(trigger.productionUrl)).toHaveLength(1);
	});

	test('"Listen for test event" registers the test URL, and removes it after the first event', async () => {
		const trigger = await startTrigger({ events: ['*'] }, false);
		await trigger.listenForTestEvent();
		const test = registration(trigger, true);
		const remote = await registrationsFor(trigger.testUrl);
		expect(remote).toHaveLength(1);
		expect(remote[0].url).toBe(`${trigger.testUrl}?token=${test.token}`);

		await sim.emitWebhookEvent('event.created');
		await waitUntil(() => trigger.emissions.length === 1, 10_000, 'the test event');
		await trigger.settle();
		expect(trigger.emissions[0].mode).toBe('test');
		expect(await registrationsFor(trigger.testUrl)).toHaveLength(0);
	});

	test('stopping "Listen for test event" without an event deletes the test registration too', async () => {
		const trigger = await startTrigger({ events: ['*'] });
		await trigger.listenForTestEvent();
		expect(await registrationsFor(trigger.testUrl)).toHaveLength(1);
		await trigger.stopListening();
		expect(await registrationsFor(trigger.testUrl)).toHaveLength(0);
		// The production registration is untouched.
		expect(await registrationsFor(trigger.productionUrl)).toHaveLength(1);
	});
});

describe('deliveries', () => {
	test('every event type is accepted, verified and emitted once', async () => {
		const trigger = await startTrigger({ events: ['*'] });
		for (const type of ALL_TYPES) await sim.emitWebhookEvent(type);
		await waitUntil(() => trigger.emissions.length === ALL_TYPES.length, 10_000, 'all event types');
		await trigger.settle();
		const items = trigger.emittedItems();
		expect(items.map((item) => item.json.type).sort()).toEqual([...ALL_TYPES].sort());
		for (const item of items) {
			expect(item.json).toMatchObject({ signature_verified: true });
			expect(typeof item.json.received_at).toBe('string');
			expect(item.json.data).toEqual(expect.any(Object));
		}
		expect(trigger.answered.every((answer) => answer.status === 200)).toBe(true);
	});

	test('only the selected types start the workflow', async () => {
		const trigger = await startTrigger({ events: ['guest.registered'] });
		await sim.emitWebhookEvent('guest.registered');
		const other = sim.samplePayload('event.created');
		const answer = await deliver(trigger, other);
		expect(answer).toMatchObject({ status: 200, body: { emitted: false } });
		await waitUntil(() => trigger.emissions.length === 1);
		await trigger.settle();
		expect(trigger.emittedItems().map((item) => item.json.type)).toEqual(['guest.registered']);
	});

	test('forgeries are refused with 401 and start nothing', async () => {
		const trigger = await startTrigger();
		const payload = sim.samplePayload('guest.registered');
		const now = Math.floor(Date.now() / 1000);
		const answers = [
			await deliver(trigger, payload, { token: null }),
			await deliver(trigger, payload, { token: 'f'.repeat(64) }),
			await deliver(trigger, payload, { signature: null }),
			await deliver(trigger, payload, { secret: 'whsec_guessed' }),
			await deliver(trigger, payload, { signature: `t=${now},v1=${'0'.repeat(64)}` }),
			await deliver(trigger, payload, { signature: 'garbage' }),
			// Replay: a genuine signature, 10 minutes old.
			await deliver(trigger, payload, { timestamp: now - 600 }),
		];
		expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401, 401, 401]);
		expect(trigger.emissions).toHaveLength(0);

		// The same delivery, signed now, goes through (so the refusals above were about the forgery).
		expect((await deliver(trigger, payload)).status).toBe(200);
		expect(trigger.emissions).toHaveLength(1);
	});

	test('a body changed after signing is refused', async () => {
		const trigger = await startTrigger();
		const payload = sim.samplePayload('event.updated');
		const timestamp = Math.floor(Date.now() / 1000);
		const signature = `t=${timestamp},v1=${signPayload(registration(trigger).webhookSecret!, timestamp, JSON.stringify(payload))}`;
		const tampered = { ...payload, data: { ...(payload.data as IDataObject), name: 'Free tickets here' } };
		expect((await deliver(trigger, tampered, { signature })).status).toBe(401);
		expect(trigger.emissions).toHaveLength(0);
	});

	test('Signature Check "Log Only" accepts unsigned deliveries, marked; the token is still required', async () => {
		const trigger = await startTrigger({ options: { signatureCheck: 'logOnly' } });
		const payload = sim.samplePayload('event.created');
		expect((await deliver(trigger, payload, { signature: null })).status).toBe(200);
		expect((await deliver(trigger, payload, { token: null, signature: null })).status).toBe(401);
		expect(trigger.emittedItems()).toHaveLength(1);
		expect(trigger.emittedItems()[0].json).toMatchObject({ signature_verified: false, signature_problem: 'missing' });
	});

	test('repeated deliveries are emitted once: same Webhook-Id, same body, or concurrent copies', async () => {
		const trigger = await startTrigger();
		const first = sim.samplePayload('ticket.registered');
		await deliver(trigger, first, { webhookId: 'msg_1' });
		// A retry: same Webhook-Id, signed again later.
		await deliver(trigger, first, { webhookId: 'msg_1', timestamp: Math.floor(Date.now() / 1000) + 1 });
		const second = sim.samplePayload('guest.updated');
		await deliver(trigger, second);
		await deliver(trigger, second);
		const third = sim.samplePayload('event.canceled');
		const copies = await Promise.all(Array.from({ length: 6 }, () => deliver(trigger, third, { webhookId: 'msg_3' })));
		expect(copies.every((answer) => answer.status === 200)).toBe(true);
		expect(trigger.emittedItems().map((item) => item.json.type)).toEqual(['ticket.registered', 'guest.updated', 'event.canceled']);
		expect(trigger.emittedItems()[0].json.delivery_id).toBe('msg_1');
	});

	test('a signed body that is not a Luma payload is refused with 400', async () => {
		const trigger = await startTrigger();
		expect((await deliver(trigger, { type: 'guest.registered', data: { id: 'gst-1' } })).status).toBe(400);
		expect((await deliver(trigger, { hello: 'world' })).status).toBe(400);
		expect(trigger.emissions).toHaveLength(0);
		// A type Luma adds later is emitted when "All Events" is selected.
		expect((await deliver(trigger, { type: 'event.sparkled', data: { id: 'evt-x' } })).status).toBe(200);
		expect(trigger.emittedItems().map((item) => item.json.type)).toEqual(['event.sparkled']);
	});

	test('Confirm With API emits what the API says; an unknown guest gets 404 and nothing', async () => {
		const trigger = await startTrigger({ options: { confirmWithApi: true } });
		const payload = sim.samplePayload('guest.updated');
		const data = payload.data as IDataObject;
		const posted = { ...payload, data: { ...data, user_name: 'Forged Name' } };
		expect((await deliver(trigger, posted)).status).toBe(200);
		const [item] = trigger.emittedItems();
		const guest = await sim.getGuest(String((data.event as IDataObject).id), String(data.id));
		expect(item.json.confirmed_with_api).toBe(true);
		expect((item.json.data as IDataObject).user_name).toBe(guest.user_name);
		expect((item.json.data as IDataObject).user_name).not.toBe('Forged Name');

		const unknown = { ...payload, data: { ...data, id: 'gst-doesnotexist' } };
		expect((await deliver(trigger, unknown)).status).toBe(404);
		expect(trigger.emissions).toHaveLength(1);
	});

	test('Only for Event drops deliveries about other events and about no event', async () => {
		const payload = sim.samplePayload('guest.registered');
		const eventId = String(((payload.data as IDataObject).event as IDataObject).id);
		const trigger = await startTrigger({ options: { eventId: { __rl: true, mode: 'id', value: eventId } } });
		await deliver(trigger, payload);
		const other = sim.samplePayload('guest.registered', { otherEvent: true });
		await deliver(trigger, other);
		await deliver(trigger, sim.samplePayload('calendar.person.subscribed'));
		expect(trigger.emittedItems().map((item) => item.json.type)).toEqual(['guest.registered']);
	});

	test('Simplify outputs a flat summary', async () => {
		const trigger = await startTrigger({ options: { simplify: true } });
		const payload = sim.samplePayload('ticket.registered');
		await deliver(trigger, payload);
		const data = trigger.emittedItems()[0].json.data as IDataObject;
		expect(Object.keys(data)).toEqual(expect.arrayContaining(['id', 'user_email', 'event_id', 'event_name', 'ticket']));
		expect(data).not.toHaveProperty('check_in_qr_code');
	});
});
