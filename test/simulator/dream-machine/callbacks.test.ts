/**
 * `callback_url` deliveries: the whole Generation JSON on dreaming/completed/failed, success only
 * on HTTP 200, retries 100 ms apart, per-attempt timeout, optional duplicates.
 */
import type { DreamMachineOptions } from './index';
import { startDreamMachine, startReceiver, until, waitForTerminal } from './testServer';

type Outcome = 'success' | 'failure';

async function setup(options: DreamMachineOptions = {}, timeScale = 0.001) {
	const outcomes: Outcome[] = [];
	const sim = await startDreamMachine(options, timeScale, { onCallbackDelivery: (outcome) => outcomes.push(outcome) });
	return { ...sim, outcomes };
}

const GENERATION_KEYS = ['assets', 'created_at', 'failure_reason', 'generation_type', 'id', 'model', 'request', 'state'];

describe('callbacks', () => {
	test('dreaming and completed are POSTed as the full Generation JSON, in order', async () => {
		const receiver = await startReceiver();
		const sim = await setup();
		try {
			const created = await sim.api.post('/generations/video', { model: 'ray-2', prompt: 'call me back', callback_url: receiver.url });
			expect(created.body.request.callback_url).toBe(receiver.url);
			await until(() => receiver.received.length === 2);

			expect(receiver.received.map((r) => r.body.state)).toEqual(['dreaming', 'completed']);
			for (const delivery of receiver.received) {
				expect(delivery.headers['content-type']).toBe('application/json');
				expect(Object.keys(delivery.body).sort()).toEqual(GENERATION_KEYS);
				expect(delivery.body.id).toBe(created.body.id);
			}
			const completed = receiver.received[1].body;
			expect(completed.assets.video).toBe(`${sim.server.baseUrl}/assets/${created.body.id}.mp4`);
			expect(completed).toEqual((await sim.api.get(`/generations/${created.body.id}`)).body);

			await until(() => sim.outcomes.length === 2);
			expect(sim.outcomes).toEqual(['success', 'success']);
			expect(sim.simulator.stats.callbacks).toEqual({ attempts: 2, successes: 2, failures: 0 });
		} finally {
			await sim.server.close();
			await receiver.close();
		}
	});

	test('a failed generation notifies once, with its failure_reason; queued is never notified', async () => {
		const receiver = await startReceiver();
		const sim = await setup();
		try {
			const created = await sim.api.post('/generations/image', { model: 'photon-1', prompt: 'no [dispatch-fail]', callback_url: receiver.url });
			await waitForTerminal(sim.api, created.body.id);
			await until(() => sim.outcomes.length === 1);
			expect(receiver.received.map((r) => r.body)).toEqual([
				expect.objectContaining({ id: created.body.id, state: 'failed', failure_reason: 'Error dispatching job' }),
			]);
		} finally {
			await sim.server.close();
			await receiver.close();
		}
	});

	test('a receiver that fails twice then answers 200 gets 3 attempts, 100 ms apart', async () => {
		const receiver = await startReceiver((attempt) => (attempt < 2 ? 500 : 200));
		const sim = await setup();
		try {
			await sim.api.post('/generations/image', { model: 'photon-1', prompt: 'retry [dispatch-fail]', callback_url: receiver.url });
			await until(() => sim.outcomes.length === 1);

			expect(receiver.received.map((r) => r.status)).toEqual([500, 500, 200]);
			expect(receiver.received.every((r) => r.body.state === 'failed')).toBe(true);
			const gaps = receiver.received.slice(1).map((r, i) => r.at - receiver.received[i].at);
			for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(90);
			expect(sim.outcomes).toEqual(['success']);
			expect(sim.simulator.stats.callbacks).toEqual({ attempts: 3, successes: 1, failures: 0 });
		} finally {
			await sim.server.close();
			await receiver.close();
		}
	});

	test('only exactly 200 counts: a receiver answering 204 is retried until given up', async () => {
		const receiver = await startReceiver(() => 204);
		const sim = await setup({ callbackPolicy: { intervalMs: 10 } });
		try {
			await sim.api.post('/generations/image', { model: 'photon-1', prompt: 'never ok [dispatch-fail]', callback_url: receiver.url });
			await until(() => sim.outcomes.length === 1);
			expect(receiver.received).toHaveLength(4); // 1 + 3 retries
			expect(sim.outcomes).toEqual(['failure']);
			expect(sim.simulator.stats.callbacks).toEqual({ attempts: 4, successes: 0, failures: 1 });
		} finally {
			await sim.server.close();
			await receiver.close();
		}
	});

	test('a receiver that never answers is timed out per attempt', async () => {
		const { createServer } = await import('node:http');
		const hanging = createServer(() => undefined); // accepts, never responds
		await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
		const port = (hanging.address() as { port: number }).port;
		const sim = await setup({ callbackPolicy: { retries: 1, intervalMs: 10, timeoutMs: 100 } });
		try {
			const started = Date.now();
			await sim.api.post('/generations/image', {
				model: 'photon-1',
				prompt: 'silence [dispatch-fail]',
				callback_url: `http://127.0.0.1:${port}/hook`,
			});
			await until(() => sim.outcomes.length === 1);
			expect(Date.now() - started).toBeGreaterThanOrEqual(200);
			expect(sim.outcomes).toEqual(['failure']);
			expect(sim.simulator.stats.callbacks).toEqual({ attempts: 2, successes: 0, failures: 1 });
		} finally {
			await sim.server.close();
			hanging.closeAllConnections();
			await new Promise<void>((resolve) => hanging.close(() => resolve()));
		}
	});

	test('an unreachable callback URL is a failed delivery, not a failed generation', async () => {
		const receiver = await startReceiver();
		const deadUrl = receiver.url;
		await receiver.close(); // nothing listens there any more
		const sim = await setup({ callbackPolicy: { intervalMs: 5 } });
		try {
			const created = await sim.api.post('/generations/image', { model: 'photon-1', prompt: 'fine image', callback_url: deadUrl });
			const done = await waitForTerminal(sim.api, created.body.id);
			expect(done.state).toBe('completed');
			await until(() => sim.outcomes.length === 2);
			expect(sim.outcomes).toEqual(['failure', 'failure']);
			expect(sim.simulator.stats.callbacks).toEqual({ attempts: 8, successes: 0, failures: 2 });
		} finally {
			await sim.server.close();
		}
	});

	test('duplicateCallbacks delivers every state twice', async () => {
		const receiver = await startReceiver();
		const sim = await setup({ duplicateCallbacks: true });
		try {
			await sim.api.post('/generations/video', { model: 'ray-flash-2', prompt: 'say it twice', callback_url: receiver.url });
			await until(() => receiver.received.length === 4);
			expect(receiver.received.map((r) => r.body.state)).toEqual(['dreaming', 'dreaming', 'completed', 'completed']);
			await until(() => sim.outcomes.length === 4);
			expect(sim.simulator.stats.callbacks).toEqual({ attempts: 4, successes: 4, failures: 0 });
		} finally {
			await sim.server.close();
			await receiver.close();
		}
	});

	test('close() abandons pending retries without reporting them', async () => {
		const receiver = await startReceiver(() => 500);
		const sim = await setup({ callbackPolicy: { intervalMs: 60_000 } });
		try {
			await sim.api.post('/generations/image', { model: 'photon-1', prompt: 'closing [dispatch-fail]', callback_url: receiver.url });
			await until(() => receiver.received.length === 1);
		} finally {
			const started = Date.now();
			await sim.server.close();
			// A hang detector, not a speed claim: the pending retry is 60 s away.
			expect(Date.now() - started).toBeLessThan(10_000);
			await receiver.close();
		}
		expect(sim.outcomes).toEqual([]);
	});
});
