/**
 * Luma Generate Trigger against the Dream Machine simulator: real callbacks over HTTP into the
 * node's webhook (real n8n-core contexts, see helpers.ts).
 */
import type { IDataObject } from 'n8n-workflow';

import { configureTransport } from '../../nodes/shared/transport';
import { DeliveryLog } from '../../nodes/shared/webhooks/guard';
import { ASSET_BYTES } from '../simulator/dream-machine';
import { postJson, TriggerHarness } from './helpers';
import { startTestSimulator, type TestSimulator } from './simulator';

const TOKEN = 'a-long-random-secret-token-0123456789';

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
	await harness?.close();
	harness = undefined;
	sim.configureDreamMachine({ duplicateCallbacks: false });
});

async function startTrigger(parameters: IDataObject = {}) {
	harness = await TriggerHarness.start({
		type: 'lumaGenerateTrigger',
		parameters: { secretToken: TOKEN, states: ['completed', 'failed'], generationTypes: [], options: {}, ...parameters },
		credentials: { lumaLabsApi: { apiKey: 'test-key', baseUrl: sim.dreamMachineUrl, plan: 'build' } },
	});
	await harness.activate();
	return harness;
}

const callbackUrl = (trigger: TriggerHarness, token = TOKEN) => `${trigger.productionUrl}?token=${token}`;

async function generate(path: string, body: IDataObject) {
	const response = await sim.dreamMachine.post(path, body);
	expect(response.status).toBe(201);
	return response.body as IDataObject & { id: string };
}

/** Waits until the simulator has delivered every callback it will send for these generations. */
async function callbacksDone(ids: string[]) {
	for (const id of ids) await sim.waitForTerminal(id);
	await sim.callbacksSettled();
	await harness!.settle();
}

describe('Luma Generate Trigger', () => {
	test("activation refuses a short Secret Token and the examples' public placeholder; a long one activates and there is nothing to register", async () => {
		const refused: Array<[string, string]> = [
			['short', 'Secret Token must be at least 16 characters'],
			['replace-with-a-long-random-secret', "still the example's placeholder"],
		];
		for (const [secretToken, message] of refused) {
			const weak = await TriggerHarness.start({
				type: 'lumaGenerateTrigger',
				parameters: { secretToken, states: ['completed'] },
				credentials: { lumaLabsApi: { apiKey: 'test-key', baseUrl: sim.dreamMachineUrl } },
			});
			try {
				await expect(weak.activate()).rejects.toThrow(message);
			} finally {
				await weak.close();
			}
		}
		const trigger = await startTrigger();
		expect(trigger.active).toBe(true);
		expect(await trigger.deactivate()).toBe(true);
	});

	test('a video: dreaming then completed callbacks → exactly one emission, the API version', async () => {
		const trigger = await startTrigger();
		const created = await generate('/generations/video', { model: 'ray-2', prompt: 'a lake at dawn', callback_url: callbackUrl(trigger) });
		await callbacksDone([created.id]);

		expect(trigger.answered.filter((a) => a.mode === 'production').map((a) => a.status)).toEqual([200, 200]);
		const items = trigger.emittedItems();
		expect(items).toHaveLength(1);
		const fromApi = (await sim.dreamMachine.get(`/generations/${created.id}`)).body;
		const { received_at, confirmed_with_api, ...generation } = items[0].json;
		expect(generation).toEqual(fromApi);
		expect(confirmed_with_api).toBe(true);
		expect(typeof received_at).toBe('string');
		expect(generation.state).toBe('completed');
	});

	test('Luma calling twice per state still emits once per final state (completed and failed)', async () => {
		sim.configureDreamMachine({ duplicateCallbacks: true });
		const trigger = await startTrigger();
		const ok = await generate('/generations/image', { model: 'photon-1', prompt: 'a red fox', callback_url: callbackUrl(trigger) });
		const bad = await generate('/generations/video', { model: 'ray-2', prompt: 'nope [job-fail]', callback_url: callbackUrl(trigger) });
		await callbacksDone([ok.id, bad.id]);

		const deliveries = trigger.answered.filter((a) => a.mode === 'production');
		// image: dreaming+completed, video: dreaming+failed, each sent twice
		expect(deliveries).toHaveLength(8);
		expect(deliveries.every((a) => a.status === 200)).toBe(true);
		const emitted = trigger.emittedItems().map((item) => [item.json.id, item.json.state]);
		expect(emitted).toHaveLength(2);
		expect(emitted).toEqual(expect.arrayContaining([[ok.id, 'completed'], [bad.id, 'failed']]));
		const failed = trigger.emittedItems().find((item) => item.json.state === 'failed')!;
		expect(failed.json.failure_reason).toBe('Job failed');
	});

	test('with Dreaming selected, dreaming and completed are each emitted once', async () => {
		sim.configureDreamMachine({ duplicateCallbacks: true, timings: { dreamingMs: 300_000 } });
		try {
			const trigger = await startTrigger({ states: ['dreaming', 'completed', 'failed'] });
			const created = await generate('/generations/image', { model: 'photon-1', prompt: 'slow fox', callback_url: callbackUrl(trigger) });
			await callbacksDone([created.id]);
			expect(trigger.emittedItems().map((item) => item.json.state)).toEqual(['dreaming', 'completed']);
		} finally {
			sim.configureDreamMachine({ timings: undefined });
		}
	});

	test('callbacks without the token, or with a wrong one, get 401 and start nothing', async () => {
		const trigger = await startTrigger();
		const created = await generate('/generations/image', { model: 'photon-1', prompt: 'a fox', callback_url: 'https://example.invalid/cb' });
		const generation = await sim.waitForTerminal(created.id);

		const missing = await postJson(trigger.productionUrl, generation);
		const wrong = await postJson(callbackUrl(trigger, `${TOKEN}x`), generation);
		const empty = await postJson(`${trigger.productionUrl}?token=`, generation);
		const twice = await postJson(`${callbackUrl(trigger)}&token=${TOKEN}`, generation);
		expect([missing.status, wrong.status, empty.status, twice.status]).toEqual([401, 401, 401, 401]);
		expect(trigger.emissions).toHaveLength(0);
	});

	test('a forged callback for an unknown generation gets 404 and starts nothing', async () => {
		const trigger = await startTrigger();
		const forged = {
			id: '3ce343aa-5746-4ab3-b167-4e29f83d3f42',
			state: 'completed',
			generation_type: 'video',
			assets: { video: 'https://evil.example/video.mp4' },
		};
		const answer = await postJson(callbackUrl(trigger), forged);
		expect(answer.status).toBe(404);
		expect(trigger.emissions).toHaveLength(0);
		const notAGeneration = await postJson(callbackUrl(trigger), { hello: 'world' });
		expect(notAGeneration.status).toBe(400);
		expect(trigger.emissions).toHaveLength(0);
	});

	test('a forged "completed" for a generation still dreaming emits nothing: the API state counts', async () => {
		sim.configureDreamMachine({ timings: { dreamingMs: 300_000, queuedMs: 1_000 } });
		try {
			const trigger = await startTrigger();
			const created = await generate('/generations/image', { model: 'photon-1', prompt: 'slow', callback_url: 'https://example.invalid/cb' });
			const answer = await postJson(callbackUrl(trigger), { ...created, state: 'completed', assets: { image: 'https://evil.example/x.jpg' } });
			expect(answer.status).toBe(200);
			expect(answer.body).toMatchObject({ emitted: false });
			expect(trigger.emissions).toHaveLength(0);
		} finally {
			sim.configureDreamMachine({ timings: undefined });
		}
	});

	test('many copies of one callback arriving together emit once', async () => {
		const trigger = await startTrigger();
		const created = await generate('/generations/image', { model: 'photon-1', prompt: 'a fox', callback_url: 'https://example.invalid/cb' });
		const generation = await sim.waitForTerminal(created.id);
		const answers = await Promise.all(Array.from({ length: 8 }, () => postJson(callbackUrl(trigger), generation)));
		expect(answers.every((answer) => answer.status === 200)).toBe(true);
		expect(trigger.emissions).toHaveLength(1);
	});

	test('Confirm With API off: the posted body is emitted (still token-checked and de-duplicated)', async () => {
		const trigger = await startTrigger({ options: { confirmWithApi: false } });
		const posted = { id: '0f3e7a52-1111-4222-8333-944445555666', state: 'completed', generation_type: 'image', custom: 1 };
		await postJson(callbackUrl(trigger), posted);
		await postJson(callbackUrl(trigger), posted);
		expect(trigger.emittedItems()).toHaveLength(1);
		expect(trigger.emittedItems()[0].json).toMatchObject({ ...posted, confirmed_with_api: false });
	});

	test('Generation Types filters: an image is not emitted by a video-only trigger', async () => {
		const trigger = await startTrigger({ generationTypes: ['video'] });
		const image = await generate('/generations/image', { model: 'photon-1', prompt: 'a fox', callback_url: callbackUrl(trigger) });
		const video = await generate('/generations/video', { model: 'ray-2', prompt: 'a lake', callback_url: callbackUrl(trigger) });
		await callbacksDone([image.id, video.id]);
		expect(trigger.emittedItems().map((item) => item.json.id)).toEqual([video.id]);
	});

	test('Download Result streams the video into binary data (answered before the download)', async () => {
		const trigger = await startTrigger({ options: { downloadResult: true, binaryPropertyName: 'video' } });
		const created = await generate('/generations/video', { model: 'ray-2', prompt: 'a lake', callback_url: callbackUrl(trigger) });
		await callbacksDone([created.id]);
		const [item] = trigger.emittedItems();
		expect(item.json.state).toBe('completed');
		expect(item.json.download_error).toBeUndefined();
		const binary = item.binary!.video;
		expect(binary.mimeType).toBe('video/mp4');
		expect(binary.fileName).toBe(`${created.id}.mp4`);
		expect(Number(binary.bytes ?? 0) || Buffer.from(binary.data, 'base64').length).toBe(ASSET_BYTES.mp4.length);
	});

	test('"Listen for test event" takes callbacks on the test URL and stops after the first emission', async () => {
		const trigger = await startTrigger();
		await trigger.deactivate();
		await trigger.listenForTestEvent();
		const created = await generate('/generations/image', { model: 'photon-1', prompt: 'a fox', callback_url: `${trigger.testUrl}?token=${TOKEN}` });
		await callbacksDone([created.id]);
		expect(trigger.emittedItems('test').map((item) => item.json.state)).toEqual(['completed']);
		expect(trigger.testStaticData).toBeUndefined();
		// Listening ended: another call is not taken (n8n answers 404 for an unregistered test URL).
		const again = await postJson(`${trigger.testUrl}?token=${TOKEN}`, { id: created.id });
		expect(again.status).toBe(404);
	});
});

describe('delivery log', () => {
	test('survives a restart through static data, and stays bounded', () => {
		const staticData: IDataObject = {};
		const first = new DeliveryLog(staticData, 'scope-a', 3);
		expect(first.claim('k1')).toBe(true);
		expect(first.claim('k1')).toBe(false); // in flight
		first.commit('k1');
		// Another process (or a restart): memory is empty, static data remembers.
		const second = new DeliveryLog(staticData, 'scope-b', 3);
		expect(second.claim('k1')).toBe(false);
		for (const key of ['k2', 'k3', 'k4']) {
			expect(second.claim(key)).toBe(true);
			second.commit(key);
		}
		expect(staticData.seenDeliveries).toEqual(['k2', 'k3', 'k4']);
		expect(new DeliveryLog(staticData, 'scope-c', 3).claim('k1')).toBe(true);
	});

	test('a released claim can be retried', () => {
		const log = new DeliveryLog({}, 'scope-d');
		expect(log.claim('x')).toBe(true);
		log.release('x');
		expect(log.claim('x')).toBe(true);
	});
});

