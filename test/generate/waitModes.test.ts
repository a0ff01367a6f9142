/**
 * The three "Wait for Completion" modes. Callback mode runs the real n8n pause (the execution ends
 * "waiting"), the simulator POSTs its callbacks to a stand-in of n8n's waiting-webhook endpoint,
 * and that endpoint runs the node's webhook() and resumes the execution with n8n's WorkflowExecute.
 */
import type { IDataObject } from 'n8n-workflow';

import type { CallbackWaitState } from '../../nodes/LumaGenerate/engine/callback';
import { CALLBACK_STATE_KEY, confirmRun, matchCallback } from '../../nodes/LumaGenerate/engine/callback';
import type { Generation } from '../../nodes/shared/generation/generation';
import { runWorkflow } from '../helpers/n8n';
import type { GenerateSim } from './helpers';
import {
	generateNode,
	NODE,
	outputOf,
	restoreTimings,
	runGenerate,
	runGenerateError,
	startGenerateSim,
	startWaitingWebhooks,
	until,
	useFastTimings,
} from './helpers';

let sim: GenerateSim;
let waiting: Awaited<ReturnType<typeof startWaitingWebhooks>>;
let executionCounter = 0;

beforeAll(async () => {
	sim = await startGenerateSim();
	waiting = await startWaitingWebhooks();
});
afterAll(async () => {
	await sim.close();
	await waiting.close();
	restoreTimings();
});
beforeEach(() => {
	useFastTimings();
	sim.simulator.resetStats();
	sim.simulator.configure({ duplicateCallbacks: false });
});

const videoParameters = (extra: IDataObject = {}) => ({ resource: 'video', operation: 'generate', prompt: 'waves on a rocky shore', ...extra });

/** Runs the node in callback mode until n8n pauses the execution; registers it with the waiting endpoint. */
async function startWaitingRun(parameters: IDataObject, input: IDataObject[], continueOnFail = false) {
	const executionId = `cb-${++executionCounter}`;
	const credentials = sim.credentials();
	const run = await runWorkflow({
		nodes: [generateNode({ ...parameters, waitForCompletion: 'callback' }, { continueOnFail })],
		credentials,
		input,
		mode: 'webhook',
		additionalData: { executionId, webhookWaitingBaseUrl: waiting.baseUrl },
	});
	const error = run.error(NODE) ?? run.error();
	if (error) throw error;
	expect(run.run.status).toBe('waiting');
	return { executionId, run, execution: waiting.register(run, executionId, credentials) };
}

describe("Don't Wait and Poll", () => {
	test("Don't Wait outputs the queued generation; Poll outputs it completed, same shape", async () => {
		const [queued] = await runGenerate(sim, videoParameters({ waitForCompletion: 'none' }));
		const [polled] = await runGenerate(sim, videoParameters({ waitForCompletion: 'poll' }));
		expect(queued.json.state).toBe('queued');
		expect(polled.json.state).toBe('completed');
		expect(Object.keys(polled.json).sort()).toEqual(Object.keys(queued.json).sort());
		const stored = sim.simulator.generations.get(String(polled.json.id))!;
		expect(polled.json).toEqual(stored);
	});

	test('Poll gives up after Max Wait: an error naming the state, or with Continue On Fail the generation marked timed out', async () => {
		sim.simulator.configure({ timings: { video: { dreamingMs: 60_000 } } });
		try {
			const parameters = videoParameters({ options: { maxWaitMinutes: 0.002 } });
			const error = await runGenerateError(sim, parameters);
			expect(error.message).toMatch(/is still "(queued|dreaming)" after 0\.002 minute/);
			expect(error.context?.itemIndex).toBe(0);
			const [item] = await runGenerate(sim, parameters, { continueOnFail: true });
			expect(item.json).toMatchObject({ state: expect.stringMatching(/queued|dreaming/), timed_out: true, error: expect.stringMatching(/still/) });
			expect(item.json.id).toEqual(expect.any(String));
		} finally {
			sim.simulator.configure({ timings: { video: { dreamingMs: 30_000 } } });
		}
	});
	test('Poll stops at once when the execution is cancelled, and gives its job slot back', async () => {
		sim.simulator.configure({ timings: { video: { dreamingMs: 600_000 } } });
		try {
			const cancelled = await runWorkflow({
				nodes: [generateNode(videoParameters({ options: { concurrency: { maxConcurrentJobs: 1 } } }))],
				credentials: sim.credentials(),
				cancelAfterMs: 200,
			});
			expect(cancelled.run.status).not.toBe('success');
			expect(cancelled.error(NODE)?.message).toBe('The execution was cancelled');
		} finally {
			sim.simulator.configure({ timings: { video: { dreamingMs: 30_000 } } });
		}
		// The only slot was released: the next run with the same limit can create.
		const [next] = await runGenerate(sim, videoParameters({ options: { concurrency: { maxConcurrentJobs: 1 } } }));
		expect(next.json.state).toBe('completed');
	});

	test("Don't Wait sends the user's Callback URL (two-workflow pattern with the Luma Generate Trigger)", async () => {
		const [queued] = await runGenerate(
			sim,
			videoParameters({ waitForCompletion: 'none', additionalFields: { callbackUrl: 'https://n8n.example.com/webhook/luma-done' } }),
		);
		expect((queued.json.request as IDataObject).callback_url).toBe('https://n8n.example.com/webhook/luma-done');
	});
});

describe("Wait for Luma's Callback", () => {
	test('pauses the execution, sends the signed resume URL to Luma and keeps the run in node context', async () => {
		// A queued phase (1 s at this scale) longer than the run up to the pause: the node's last check
		// before pausing sees the generations still queued, however loaded the machine is.
		sim.simulator.configure({ timings: { video: { queuedMs: 100_000 } } });
		let started: Awaited<ReturnType<typeof startWaitingRun>>;
		try {
			started = await startWaitingRun(videoParameters(), [{}, {}]);
		} finally {
			sim.simulator.configure({ timings: { video: { queuedMs: 2_000 } } });
		}
		const { run, executionId } = started;
		const data = run.run.data;
		const state = (data.executionData!.contextData[`node:${NODE}`] as IDataObject)[CALLBACK_STATE_KEY] as CallbackWaitState;
		expect(state.items.map((item) => item.itemIndex)).toEqual([0, 1]);
		expect(run.run.waitTill).toBeInstanceOf(Date);

		for (const { generationId } of state.items) {
			const callbackUrl = new URL(String(sim.simulator.generations.get(generationId!)!.request.callback_url));
			expect(`${callbackUrl.origin}${callbackUrl.pathname}`).toBe(`${waiting.baseUrl}/${executionId}`);
			// n8n 2.x refuses a resume call without the execution's resume token.
			expect(callbackUrl.searchParams.get('signature')).toBe(data.resumeToken);
			expect(callbackUrl.searchParams.get('lumaRun')).toBe(state.runId);
		}
		// While waiting, the node shows the queued generations.
		expect(outputOf(run.run).map((item) => item.json.state)).toEqual(['queued', 'queued']);
		await waiting.resumed(executionId);
	});

	test("resumes once every generation is final: dreaming callbacks answer 200 and don't resume", async () => {
		const before = waiting.deliveries.length;
		const { executionId, execution } = await startWaitingRun(videoParameters(), [{ n: 1 }, { n: 2 }, { n: 3 }]);
		const resumedRun = await waiting.resumed(executionId);
		expect(resumedRun.status).toBe('success');

		const items = outputOf(resumedRun);
		expect(items.map((item) => item.json.state)).toEqual(['completed', 'completed', 'completed']);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		// Same shape as Poll: exactly the stored Generation.
		for (const item of items) expect(item.json).toEqual(sim.simulator.generations.get(String(item.json.id)));

		await until(() => sim.simulator.stats.callbacks.attempts >= 6);
		const ours = waiting.deliveries.slice(before).filter((delivery) => delivery.status === 200);
		expect(ours.filter((delivery) => delivery.resumed)).toHaveLength(1);
		expect(ours.some((delivery) => !delivery.resumed && (delivery.body as IDataObject).reason === 'generations still running')).toBe(true);
		expect(waiting.deliveries.some((delivery) => (delivery.body as IDataObject)?.thrown)).toBe(false);
		expect(execution.status).toBe('finished');
	});

	test('tolerates duplicate callbacks (Luma may send each state more than once)', async () => {
		sim.simulator.configure({ duplicateCallbacks: true });
		const before = waiting.deliveries.length;
		const { executionId } = await startWaitingRun(videoParameters(), [{}, {}]);
		const resumedRun = await waiting.resumed(executionId);
		expect(outputOf(resumedRun).map((item) => item.json.state)).toEqual(['completed', 'completed']);
		await until(() => sim.simulator.stats.callbacks.attempts >= 8);
		const deliveries = waiting.deliveries.slice(before);
		expect(deliveries.filter((delivery) => delivery.resumed)).toHaveLength(1);
		// Late duplicates meet a finished execution (n8n answers 409); on a loaded machine an early one may
		// meet an execution not yet waiting (404/409) or a confirmation that timed out (503): Luma retries
		// those. The run resumed exactly once and nothing threw.
		expect(
			deliveries
				.filter((delivery) => !delivery.resumed && ![200, 404, 409, 503].includes(delivery.status))
				.map((delivery) => [delivery.status, delivery.body]),
		).toEqual([]);
		expect(deliveries.some((delivery) => (delivery.body as IDataObject)?.thrown)).toBe(false);
	});

	test('does not trust the posted body: a forged "completed" for a running generation does not resume', async () => {
		sim.simulator.configure({ timings: { video: { dreamingMs: 60_000 } } });
		try {
			const { executionId, run } = await startWaitingRun(videoParameters(), [{}]);
			const state = (run.run.data.executionData!.contextData[`node:${NODE}`] as IDataObject)[CALLBACK_STATE_KEY] as CallbackWaitState;
			const id = state.items[0].generationId!;
			const signature = run.run.data.resumeToken as string;

			const forged = await waiting.deliver(executionId, { signature, lumaRun: state.runId }, { id, state: 'completed' });
			expect(forged).toEqual({ status: 200, body: expect.objectContaining({ resumed: false, reason: 'generations still running' }), resumed: false });

			const stranger = await waiting.deliver(executionId, { signature, lumaRun: state.runId }, { id: '123e4567-e89b-12d3-a456-426614174000', state: 'completed' });
			expect(stranger.body).toMatchObject({ resumed: false, reason: 'not a generation of this run' });

			const otherRun = await waiting.deliver(executionId, { signature, lumaRun: 'another-run' }, { id, state: 'completed' });
			expect(otherRun.body).toMatchObject({ resumed: false, reason: 'callback for an earlier run of this node' });

			const noToken = await waiting.deliver(executionId, { lumaRun: state.runId }, { id, state: 'completed' });
			expect(noToken.status).toBe(401);
		} finally {
			sim.simulator.configure({ timings: { video: { dreamingMs: 30_000 } } });
		}
	});

	test('a failed generation resumes as an item with state "failed", the reason and a hint', async () => {
		const { executionId } = await startWaitingRun(videoParameters({ prompt: '={{ $json.prompt }}' }), [
			{ prompt: 'waves on a rocky shore' },
			{ prompt: 'waves on a rocky shore [job-fail]' },
		]);
		const items = outputOf(await waiting.resumed(executionId));
		expect(items.map((item) => item.json.state)).toEqual(['completed', 'failed']);
		expect(items[1].json).toMatchObject({
			failure_reason: 'Job failed',
			error: expect.stringContaining('failed: Job failed'),
			hint: expect.stringContaining('usually works'),
		});
		expect(items[1].pairedItem).toEqual({ item: 1 });
	});

	test('Max Wait: n8n resumes on its own and the node outputs one clear item per input item', async () => {
		sim.simulator.configure({ timings: { video: { dreamingMs: 60_000 } } });
		try {
			const { executionId } = await startWaitingRun(videoParameters({ options: { maxWaitMinutes: 5 } }), [{}, {}]);
			const timedOut = await waiting.timeOut(executionId);
			expect(timedOut.status).toBe('success');
			const items = outputOf(timedOut);
			expect(items).toHaveLength(2);
			for (const [index, item] of items.entries()) {
				expect(item.pairedItem).toEqual({ item: index });
				expect(item.json).toMatchObject({
					id: expect.any(String),
					state: expect.stringMatching(/queued|dreaming/),
					timed_out: true,
					error: expect.stringContaining('No final callback from Luma within 5 minute(s)'),
				});
			}
		} finally {
			sim.simulator.configure({ timings: { video: { dreamingMs: 30_000 } } });
		}
	});

	test('finishes without pausing when every generation is already final (synchronous images)', async () => {
		const run = await runWorkflow({
			nodes: [
				generateNode({
					resource: 'image',
					operation: 'generate',
					prompt: 'a paper boat',
					waitForCompletion: 'callback',
					additionalFields: { sync: true, syncTimeout: 30 },
				}),
			],
			credentials: sim.credentials(),
			additionalData: { webhookWaitingBaseUrl: waiting.baseUrl },
		});
		expect(run.run.status).toBe('success');
		expect(run.output(NODE)[0].json.state).toBe('completed');
	});

	test('when Luma cannot confirm, the callback is answered 503 (Luma retries) and the execution keeps waiting', async () => {
		sim.simulator.configure({ timings: { video: { dreamingMs: 60_000 } } });
		try {
			const { executionId, run, execution } = await startWaitingRun(videoParameters(), [{}]);
			execution.credentials = sim.credentials({ baseUrl: 'http://127.0.0.1:9/dream-machine/v1' });
			const state = (run.run.data.executionData!.contextData[`node:${NODE}`] as IDataObject)[CALLBACK_STATE_KEY] as CallbackWaitState;
			const delivery = await waiting.deliver(
				executionId,
				{ signature: run.run.data.resumeToken as string, lumaRun: state.runId },
				{ id: state.items[0].generationId, state: 'completed' },
			);
			expect(delivery.status).toBe(503);
			expect(delivery.resumed).toBe(false);
			expect(delivery.body).toMatchObject({ received: false, reason: expect.stringMatching(/could not confirm/) });
			expect(execution.status).toBe('waiting');
		} finally {
			sim.simulator.configure({ timings: { video: { dreamingMs: 30_000 } } });
		}
	});
});

describe('callback decision (unit)', () => {
	const state: CallbackWaitState = {
		version: 1,
		runId: 'run-1',
		asset: 'video',
		maxWaitMinutes: 30,
		items: [
			{ itemIndex: 0, generationId: 'aaaaaaaa-0000-4000-8000-000000000001' },
			{ itemIndex: 1, errorJson: { error: 'create failed' } },
			{ itemIndex: 2, generationId: 'aaaaaaaa-0000-4000-8000-000000000002' },
		],
	};
	const gen = (id: string, state: Generation['state']): Generation => ({ id, state });

	test('matches only this run and its generations', () => {
		expect(matchCallback(undefined, 'run-1', { id: state.items[0].generationId })).toMatchObject({ action: 'ignore' });
		expect(matchCallback(state, 'run-0', { id: state.items[0].generationId })).toMatchObject({ action: 'ignore' });
		expect(matchCallback(state, 'run-1', { id: 'other' })).toMatchObject({ action: 'ignore' });
		expect(matchCallback(state, 'run-1', 'not json')).toMatchObject({ action: 'ignore' });
		expect(matchCallback(state, 'run-1', { id: state.items[2].generationId!.toUpperCase() })).toEqual({
			action: 'check',
			generationId: state.items[2].generationId,
		});
	});

	test('asks Luma about the called-back generation first and stops at the first one still running', async () => {
		const [first, second] = [state.items[0].generationId!, state.items[2].generationId!];
		const asked: string[] = [];
		const states: Record<string, Generation['state']> = { [first]: 'dreaming', [second]: 'completed' };
		const lookup = async (id: string) => {
			asked.push(id);
			return gen(id, states[id]);
		};
		expect((await confirmRun(state, first, lookup)).allFinal).toBe(false);
		expect(asked).toEqual([first]);

		asked.length = 0;
		states[first] = 'dreaming';
		expect((await confirmRun(state, second, lookup)).allFinal).toBe(false);
		expect(asked).toEqual([second, first]);

		asked.length = 0;
		states[first] = 'failed';
		const done = await confirmRun(state, second, lookup);
		expect(done.allFinal).toBe(true);
		expect(asked).toEqual([second, first]);
		expect([...done.generations.keys()].sort()).toEqual([first, second].sort());
	});
});
