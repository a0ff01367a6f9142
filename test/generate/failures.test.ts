/**
 * Input validation (before any request, so no credit is spent) and failed generations (Luma's
 * failure_reason plus a hint; with Continue On Fail an item with state "failed").
 */
import type { IDataObject } from 'n8n-workflow';

import { runWorkflow } from '../helpers/n8n';
import { startScriptedServer, type ScriptedServer } from '../helpers/scriptedServer';
import { FAILURE_REASONS } from '../simulator/dream-machine';
import type { GenerateSim } from './helpers';
import { generateNode, NODE, restoreTimings, runGenerate, runGenerateError, startGenerateSim, useFastTimings } from './helpers';

let sim: GenerateSim;
/** Answers 500 to everything and records what arrived: validation must send nothing at all. */
let recorder: ScriptedServer;

beforeAll(async () => {
	sim = await startGenerateSim();
	recorder = await startScriptedServer(() => ({ status: 500, body: { detail: 'should not be called' } }));
});
afterAll(async () => {
	await sim.close();
	await recorder.close();
	restoreTimings();
});
beforeEach(() => {
	useFastTimings();
	sim.simulator.resetStats();
});

/** Runs against the recorder and returns the node's error. */
async function invalid(parameters: IDataObject, input?: IDataObject[]) {
	const arrivalsBefore = recorder.arrivals.length;
	const result = await runWorkflow({
		nodes: [generateNode(parameters)],
		credentials: { lumaLabsApi: { apiKey: 'test-key', baseUrl: recorder.url, plan: 'build' } },
		input,
	});
	const error = result.error(NODE);
	expect(error).toBeDefined();
	expect(recorder.arrivals.length).toBe(arrivalsBefore);
	return error!;
}

const video = (extra: IDataObject) => ({ resource: 'video', operation: 'generate', ...extra });

describe('validation before any request', () => {
	test.each([
		['no prompt and no image keyframe', video({ prompt: '' }), /^Prompt is required$/],
		['a prompt under 3 characters', video({ prompt: 'hi' }), /^Prompt is too short: Luma needs at least 3 characters/],
		['a prompt over 5000 characters', video({ prompt: 'x'.repeat(5001) }), /^Prompt is too long: 5001 characters, Luma allows 5000/],
		[
			'a keyframe that is not a URL',
			video({ prompt: 'a fox', keyframes: { frame0: { source: 'url', url: 'not a url' } } }),
			/^Start Frame URL is not a valid URL: "not a url"/,
		],
		[
			'a keyframe that is not http(s)',
			video({ prompt: 'a fox', keyframes: { frame0: { source: 'url', url: 'ftp://files.example.com/a.jpg' } } }),
			/^Start Frame URL must be an http\(s\) URL/,
		],
		[
			'a generation keyframe that is not an ID',
			video({ prompt: 'a fox', keyframes: { frame0: { source: 'generation', generationId: 'undefined' } } }),
			/^Start Frame Generation ID is not a Luma generation ID: "undefined"/,
		],
		[
			'Loop with an end image',
			video({ prompt: 'a fox', keyframes: { frame1: { source: 'url', url: 'https://cdn.example.com/a.jpg' } }, additionalFields: { loop: true } }),
			/^Loop: Luma does not support Loop with an end image/,
		],
		[
			'Interpolate without an end',
			{ resource: 'video', operation: 'interpolate', start: { value: { source: 'url', url: 'https://cdn.example.com/a.jpg' } } },
			/^End is required: interpolation needs both a start and an end/,
		],
		['Extend with an ID expression that resolves to nothing', { resource: 'video', operation: 'extend', prompt: 'more', generationId: '={{ $json.missing }}' }, /^Video Generation ID is required/],
		['Upscale with a malformed ID', { resource: 'video', operation: 'upscale', generationId: '42' }, /^Video Generation ID is not a Luma generation ID/],
		['an empty custom model', video({ prompt: 'a fox', model: 'custom', customModel: ' ' }), /^Custom Model is required/],
		[
			'a weight above 1',
			{
				resource: 'image',
				operation: 'generate',
				prompt: 'a fox',
				imageReferences: { values: [{ source: 'url', url: 'https://cdn.example.com/a.jpg', weight: 1.5 }] },
			},
			/^Image Reference 1 Weight must be at most 1, got 1.5/,
		],
		[
			'five image references',
			{
				resource: 'image',
				operation: 'generate',
				prompt: 'a fox',
				imageReferences: { values: Array.from({ length: 5 }, (_, i) => ({ source: 'url', url: `https://cdn.example.com/${i}.jpg` })) },
			},
			/^Image References: Luma takes at most 4 images, got 5/,
		],
		[
			'a sync timeout the transport cannot wait for',
			{ resource: 'image', operation: 'generate', prompt: 'a fox', additionalFields: { sync: true, syncTimeout: 90 } },
			/^Sync Timeout \(Seconds\) must be at most 50, got 90/,
		],
		[
			'an invalid Callback URL',
			video({ prompt: 'a fox', waitForCompletion: 'none', additionalFields: { callbackUrl: 'n8n.example.com/hook' } }),
			/^Callback URL is not a valid URL/,
		],
		[
			'a modify without its video',
			{ resource: 'video', operation: 'modify', prompt: 'as a painting' },
			/^Video is required/,
		],
	])('%s', async (_name, parameters, message) => {
		const error = await invalid(parameters);
		expect(error.message).toMatch(message);
		expect(error.name).toBe('NodeOperationError');
		expect(error.context?.itemIndex).toBe(0);
	});

	test('one invalid item stops the node before any item is created, and names that item', async () => {
		const creates = sim.simulator.stats.createsByGroup.video;
		const error = await runGenerateError(sim, video({ prompt: '={{ $json.prompt }}' }), [{ prompt: 'a valid prompt' }, { prompt: 'no' }]);
		// The item is in the error's context (n8n shows it), as for every field the item checker refuses.
		expect(error.message).toBe('Prompt is too short: Luma needs at least 3 characters');
		expect(error.context?.itemIndex).toBe(1);
		expect(sim.simulator.stats.createsByGroup.video).toBe(creates);
	});

	test('with Continue On Fail the invalid item becomes an error item and the others run', async () => {
		const items = await runGenerate(sim, video({ prompt: '={{ $json.prompt }}' }), {
			input: [{ prompt: 'a valid prompt' }, { prompt: 'no' }],
			continueOnFail: true,
		});
		expect(items[0].json.state).toBe('completed');
		expect(items[1].json.error).toMatch(/^Prompt is too short/);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(sim.simulator.stats.createsByGroup.video).toBe(1);
	});

	test('with Allow Private Network URLs a local address is sent (a stand-in for Luma on the own network)', async () => {
		const local = 'http://127.0.0.1:8080/start.jpg';
		const [item] = await runGenerate(
			sim,
			video({ keyframes: { frame0: { source: 'url', url: local } }, waitForCompletion: 'none', options: { allowPrivateNetworkUrls: true } }),
		);
		expect(item.json.request).toMatchObject({ keyframes: { frame0: { type: 'image', url: local } } });
		// Without it the same item is refused before anything is sent (test/badInput/generate.test.ts, class 9).
		const error = await invalid(video({ keyframes: { frame0: { source: 'url', url: local } }, waitForCompletion: 'none' }));
		expect(error.message).toMatch(/^Start Frame URL points at a private or local address \(127\.0\.0\.1\)/);
	});

	test('a previous generation that is not finished is refused before the create', async () => {
		const [queued] = await runGenerate(sim, video({ prompt: 'a slow tide', waitForCompletion: 'none' }));
		const creates = sim.simulator.stats.createsByGroup.video;
		const error = await runGenerateError(sim, { resource: 'video', operation: 'extend', prompt: 'more', generationId: queued.json.id });
		expect(error.message).toMatch(/^Video: generation .* is "(queued|dreaming)", not completed/);
		expect(error.description).toMatch(/Wait for it first/);
		expect(sim.simulator.stats.createsByGroup.video).toBe(creates);
	});
});

describe('failed generations', () => {
	test('prompt moderation at create: Luma\'s message and a hint, no generation', async () => {
		const error = await runGenerateError(sim, video({ prompt: 'something [moderation]' }));
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toContain(FAILURE_REASONS.promptModeration);
		expect(error.description).toMatch(/moderation rejected the prompt\. Rephrase it/);
		expect(error.httpCode).toBe('400');
	});

	test.each([
		['[blacklisted]', FAILURE_REASONS.blacklistedWords, /Rephrase it/],
		['[fail-frame-moderation]', FAILURE_REASONS.frameModeration, /image moderation rejected an input image/],
		['[dispatch-fail]', FAILURE_REASONS.dispatch, /Running it again usually works/],
	])('a generation failing with %s: error with failure_reason and hint', async (marker, reason, hint) => {
		const error = await runGenerateError(sim, video({ prompt: `a fox ${marker}` }));
		expect(error.name).toBe('NodeOperationError');
		expect(error.message).toMatch(new RegExp(`^Luma generation [0-9a-f-]{36} failed: ${reason.replace(/[()]/g, '\\$&')}$`));
		expect(error.description).toMatch(hint);
		expect(error.context?.itemIndex).toBe(0);
	});

	test('an input Luma cannot download: "Failed to read user input frames" and a hint about public URLs', async () => {
		const error = await runGenerateError(
			sim,
			video({ keyframes: { frame0: { source: 'url', url: 'https://unreachable.example.com/a.jpg' } } }),
		);
		expect(error.message).toContain(FAILURE_REASONS.unreadableInput);
		expect(error.description).toMatch(/public URL that points directly to the file/);
	});

	test('a create answered 500 that Luma did create is found again (by its echoed request), never sent twice', async () => {
		const creates = sim.simulator.stats.createsByGroup.video;
		const before = new Set(sim.simulator.generations.keys());
		const [item] = await runGenerate(sim, video({ prompt: 'a fox [create-500]' }));
		expect(sim.simulator.stats.createsByGroup.video - creates).toBe(1);
		const made = [...sim.simulator.generations.keys()].filter((id) => !before.has(id));
		expect(made).toHaveLength(1);
		expect(item.json).toMatchObject({ id: made[0], state: 'completed' });
	});

	test('with Continue On Fail a failed generation is an item with state "failed", reason and hint', async () => {
		const items = await runGenerate(sim, video({ prompt: '={{ $json.prompt }}' }), {
			input: [{ prompt: 'a fox [job-fail]' }, { prompt: 'a calm fox' }],
			continueOnFail: true,
		});
		expect(items[0].json).toMatchObject({
			id: expect.any(String),
			state: 'failed',
			failure_reason: FAILURE_REASONS.jobFailed,
			error: expect.stringContaining(`failed: ${FAILURE_REASONS.jobFailed}`),
			hint: expect.any(String),
		});
		expect(items[1].json.state).toBe('completed');
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});
