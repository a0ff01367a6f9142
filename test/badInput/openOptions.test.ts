/**
 * The other side of the bad-input suite: option lists Luma documents as open (README, "What the nodes
 * check before calling Luma"; OPEN_OPTIONS in nodes/LumaGenerate/actions/router.ts) are not held to
 * the node's list. A value the picker does not offer, set by an expression, is sent to Luma as given
 * (the simulator's request log is the witness), and Luma judges it: a value it takes goes through,
 * one it refuses comes back as Luma's own message, on that item only (Continue On Fail, next to an
 * item with a listed value). A local check would have stopped the item before any request.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runWorkflow } from '../helpers/n8n';
import type { LoggedRequest } from '../simulator';
import { NODE_NAME, restoreTimings, startBadInputSim, useFastTimings, type BadInputSim } from './harness';

let env: BadInputSim;
beforeAll(async () => {
	env = await startBadInputSim();
});
afterAll(async () => {
	await env.close();
	restoreTimings();
});
beforeEach(() => useFastTimings());

const NO_WAIT = { waitForCompletion: 'none' };

/** Runs Luma Generate with Continue On Fail on; its items (one per input item) and the creates the simulator received. */
async function runGenerate(parameters: IDataObject, input: IDataObject[], createPath: string): Promise<{ items: INodeExecutionData[]; creates: LoggedRequest[] }> {
	env.sim.resetStats();
	const name = NODE_NAME.lumaGenerate;
	const result = await runWorkflow({
		nodes: [{ name, type: 'lumaGenerate', parameters, continueOnFail: true }],
		credentials: env.credentials(),
		input,
	});
	expect(result.error(name) ?? result.error()).toBeUndefined();
	const items = result.output(name);
	expect(items.map((item) => item.pairedItem)).toEqual(input.map((_, item) => ({ item })));
	return { items, creates: env.sim.requestLog.filter((entry) => entry.method === 'POST' && entry.path === createPath) };
}

const bodyOf = (request: LoggedRequest) => request.body as IDataObject;

describe('Dream Machine: Video → Generate', () => {
	const CREATE = '/dream-machine/v1/generations/video';
	const video = (extra: IDataObject) => ({ resource: 'video', operation: 'generate', prompt: 'a lighthouse in a storm', ...NO_WAIT, ...extra });

	test('a model the picker does not list is sent to Luma, and Luma\'s refusal reaches the user as its message', async () => {
		const { items, creates } = await runGenerate(video({ model: '={{ $json.model }}' }), [{ model: 'ray-2' }, { model: 'ray-9-future' }], CREATE);
		// Both items were sent: the unlisted model was not refused before the request.
		expect(creates.map((request) => [bodyOf(request).model, request.status]).sort()).toEqual([
			['ray-2', 201],
			['ray-9-future', 422],
		]);
		expect(items[0].json).toMatchObject({ generation_type: 'video', request: expect.objectContaining({ model: 'ray-2' }) });
		expect(items[1].json).toMatchObject({ error: "Luma: model: Input should be 'ray-2' or 'ray-flash-2'", httpCode: '422' });
	});

	test('a duration and a resolution the pickers do not list are sent as given, and go through where Luma takes them', async () => {
		const { items, creates } = await runGenerate(
			video({ duration: '={{ $json.duration }}', resolution: '={{ $json.resolution }}' }),
			[{ duration: '5s', resolution: '720p' }, { duration: '12s', resolution: '8k' }],
			CREATE,
		);
		const sent = creates.map((request) => [bodyOf(request).duration, bodyOf(request).resolution, request.status]).sort();
		expect(sent).toEqual([
			['12s', '8k', 201],
			['5s', '720p', 201],
		]);
		expect(items[0].json.error).toBeUndefined();
		expect(items[1].json).toMatchObject({ generation_type: 'video', request: expect.objectContaining({ duration: '12s', resolution: '8k' }) });
		expect(env.sim.dreamMachine.generations.has(String(items[1].json.id))).toBe(true);
	});
});

describe('Agents API: Image → Generate', () => {
	const CREATE = '/agents/v1/generations';

	test('a model the picker does not list is sent to Luma, and Luma\'s refusal reaches the user as its message', async () => {
		const { items, creates } = await runGenerate(
			{ authentication: 'agentsApi', resource: 'image', operation: 'generate', prompt: 'a lighthouse at dusk', model: '={{ $json.model }}', ...NO_WAIT },
			[{ model: 'uni-1' }, { model: 'uni-2-future' }],
			CREATE,
		);
		expect(creates.map((request) => [bodyOf(request).model, request.status]).sort()).toEqual([
			['uni-1', 201],
			['uni-2-future', 400],
		]);
		expect(items[0].json).toMatchObject({ type: 'image', model: 'uni-1' });
		expect(items[1].json).toMatchObject({ error: 'Luma: Unknown model: uni-2-future', httpCode: '400' });
	});
});
