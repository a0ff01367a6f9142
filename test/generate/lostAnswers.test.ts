/**
 * Lost and garbled answers, operation by operation, against the simulator's fault injection (its
 * core drops the connection or answers for the module): a garbled 200 on Generation → Get is read
 * again; a create whose connection died is looked for among the newest generations by the request
 * Luma echoes (engine/lostCreates.ts): when Luma made it, the item goes on with it and nothing is
 * created twice; when the request never got there, the item says it was most likely not created.
 */
import type { IDataObject } from 'n8n-workflow';

import { runWorkflow } from '../helpers/n8n';
import type { Fault, Simulator } from '../simulator';
import { startSimulator } from '../simulator';
import { generateNode, NODE, restoreTimings, useFastTimings } from './helpers';

let sim: Simulator;
/** A finished video generation, the source of extend, reverse extend, upscale and add audio. */
let video: string;

const MOUNT = '/dream-machine/v1';

async function run(parameters: IDataObject) {
	const result = await runWorkflow({
		nodes: [generateNode(parameters)],
		credentials: { lumaLabsApi: { apiKey: 'test-key', baseUrl: sim.dreamMachineUrl, plan: 'build' } },
	});
	return { error: result.error(NODE) ?? result.error(), items: result.output(NODE) };
}

beforeAll(async () => {
	sim = await startSimulator({ timeScale: 0.01 });
	useFastTimings();
	const { items } = await run({ resource: 'video', operation: 'generate', prompt: 'a lighthouse in a storm' });
	video = String(items[0].json.id);
});
afterAll(async () => {
	await sim.close();
	restoreTimings();
});
beforeEach(() => {
	useFastTimings();
	sim.configure({ faults: [] });
	sim.resetStats();
});

const sent = (method: string, path: RegExp) => sim.requestLog.filter((entry) => entry.method === method && path.test(entry.path));

describe('Generation → Get', () => {
	test('a garbled 200 (not a Generation object) is read again, and the second answer is used', async () => {
		const generationPath = `${MOUNT}/generations/${video}`;
		sim.configure({ faults: [{ method: 'GET', path: generationPath, times: 1, status: 200, body: '<html>Service Unavailable</html>' }] });
		const { error, items } = await run({ resource: 'generation', operation: 'get', generationId: video });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ id: video, state: 'completed' });
		const reads = sent('GET', new RegExp(`^${generationPath}$`));
		expect(reads).toHaveLength(2);
		expect(reads[0].fault).toBe(true);
		expect(reads[1].status).toBe(200);
	});

	test('a 200 that is JSON but no Generation (no id) is read again too, not reported as a broken answer', async () => {
		const generationPath = `${MOUNT}/generations/${video}`;
		sim.configure({ faults: [{ method: 'GET', path: generationPath, times: 1, status: 200, body: { state: 'completed' } }] });
		const { error, items } = await run({ resource: 'generation', operation: 'get', generationId: video });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ id: video, state: 'completed' });
		expect(sent('GET', new RegExp(`^${generationPath}$`))).toHaveLength(2);
	});
});

/** Every create the node has; `prompt` makes each run's request its own, so a search finds only it. */
const CREATES: Array<{ name: string; path: RegExp; parameters: (prompt: string) => IDataObject }> = [
	{ name: 'Video → Generate', path: /\/generations\/video$/, parameters: (prompt) => ({ resource: 'video', operation: 'generate', prompt }) },
	{ name: 'Video → Extend', path: /\/generations\/video$/, parameters: (prompt) => ({ resource: 'video', operation: 'extend', generationId: video, prompt }) },
	{ name: 'Video → Reverse Extend', path: /\/generations\/video$/, parameters: (prompt) => ({ resource: 'video', operation: 'reverseExtend', generationId: video, prompt }) },
	{
		name: 'Video → Interpolate',
		path: /\/generations\/video$/,
		parameters: (prompt) => ({
			resource: 'video',
			operation: 'interpolate',
			start: { value: { source: 'generation', generationId: video } },
			end: { value: { source: 'url', url: 'https://cdn.example.com/night.jpg' } },
			prompt,
		}),
	},
	{
		name: 'Video → Modify',
		path: /\/generations\/video\/modify$/,
		parameters: (prompt) => ({ resource: 'video', operation: 'modify', video: { value: { source: 'url', url: 'https://cdn.example.com/clip.mp4' } }, mode: 'flex_2', prompt }),
	},
	{
		name: 'Video → Reframe',
		path: /\/generations\/video\/reframe$/,
		parameters: (prompt) => ({ resource: 'video', operation: 'reframe', video: { value: { source: 'url', url: 'https://cdn.example.com/clip.mp4' } }, aspectRatio: '1:1', prompt }),
	},
	// Upscale sends only a resolution: each run gets its own through Luma's open list.
	{ name: 'Video → Upscale', path: /\/upscale$/, parameters: (prompt) => ({ resource: 'video', operation: 'upscale', generationId: video, resolution: prompt.replace(/\W+/g, '-') }) },
	{ name: 'Video → Add Audio', path: /\/audio$/, parameters: (prompt) => ({ resource: 'video', operation: 'addAudio', generationId: video, prompt }) },
	{ name: 'Image → Generate', path: /\/generations\/image$/, parameters: (prompt) => ({ resource: 'image', operation: 'generate', prompt }) },
	{
		name: 'Image → Reframe',
		path: /\/generations\/image\/reframe$/,
		parameters: (prompt) => ({ resource: 'image', operation: 'reframe', image: { value: { source: 'url', url: 'https://cdn.example.com/photo.jpg' } }, aspectRatio: '21:9', prompt }),
	},
];

let runNumber = 0;

describe.each(CREATES)('$name: the connection drops on the create', ({ path, parameters }) => {
	const dropOn = (beforeHandling: boolean): Fault => ({ method: 'POST', path, times: 1, dropConnection: true, beforeHandling });

	test('after Luma made it: the generation is found, used, and created once', async () => {
		const prompt = `lost answer number ${++runNumber}`;
		const before = new Set(sim.dreamMachine.generations.keys());
		sim.configure({ faults: [dropOn(false)] });
		const { error, items } = await run({ ...parameters(prompt), waitForCompletion: 'none' });
		expect(error).toBeUndefined();
		const made = [...sim.dreamMachine.generations.keys()].filter((id) => !before.has(id));
		expect(made).toHaveLength(1);
		expect(items).toHaveLength(1);
		expect(items[0].json.id).toBe(made[0]);
		expect(sent('POST', path)).toHaveLength(1);
		// It was looked for, not sent again.
		expect(sent('GET', /\/generations$/).length).toBeGreaterThanOrEqual(1);
	});

	test('before Luma saw it: "most likely not created", nothing created, nothing sent twice', async () => {
		const prompt = `never arrived number ${++runNumber}`;
		const before = sim.dreamMachine.generations.size;
		sim.configure({ faults: [dropOn(true)] });
		const { error } = await run({ ...parameters(prompt), waitForCompletion: 'none' });
		expect(error?.message).toMatch(/was not found: it was most likely not created$/);
		expect(error?.context?.itemIndex).toBe(0);
		expect(sim.dreamMachine.generations.size).toBe(before);
		expect(sent('POST', path)).toHaveLength(1);
	});
});

describe('a create that never reached Luma is not mistaken for one made just before it', () => {
	// Before a run's first create the node notes the newest generations: an identical request made
	// just before (another run; or an upscale of another video, whose request names no source) is
	// never taken for the lost one.
	test.each([
		['Image → Generate, the same prompt run just before', { resource: 'image', operation: 'generate', prompt: 'the same quiet harbour' }, 'generations/image'],
		['Video → Upscale, another upscale at the same resolution', { resource: 'video', operation: 'upscale', generationId: '<<video>>', resolution: '1080p' }, 'generations/<<video>>/upscale'],
	])('%s', async (_name, parameters, route) => {
		const withVideo = JSON.parse(JSON.stringify(parameters).replace('<<video>>', video)) as IDataObject;
		const path = `${MOUNT}/${route.replace('<<video>>', video)}`;
		const earlier = await run({ ...withVideo, waitForCompletion: 'none' });
		expect(earlier.error).toBeUndefined();
		const before = sim.dreamMachine.generations.size;
		sim.configure({ faults: [{ method: 'POST', path, times: 1, dropConnection: true, beforeHandling: true }] });
		const { error } = await run({ ...withVideo, waitForCompletion: 'none' });
		expect(error?.message).toMatch(/was not found: it was most likely not created$/);
		expect(sim.dreamMachine.generations.size).toBe(before);
	});
});

test('a lost create found again is then waited for like any other (Poll)', async () => {
	const before = new Set(sim.dreamMachine.generations.keys());
	sim.configure({ faults: [{ method: 'POST', path: `${MOUNT}/generations/image`, times: 1, dropConnection: true, beforeHandling: false }] });
	const { error, items } = await run({ resource: 'image', operation: 'generate', prompt: 'a lost and found paper boat' });
	expect(error).toBeUndefined();
	const made = [...sim.dreamMachine.generations.keys()].filter((id) => !before.has(id));
	expect(made).toHaveLength(1);
	expect(items[0].json).toMatchObject({ id: made[0], state: 'completed' });
	expect(sent('POST', /\/generations\/image$/)).toHaveLength(1);
});
