/**
 * Every Luma Generate operation against the Dream Machine simulator, in-process through n8n's
 * WorkflowExecute: the request each one sends and the Generation it outputs.
 */
import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { LumaGenerate } from '../../nodes/LumaGenerate/LumaGenerate.node';
import { CONCEPT_KEYS } from '../simulator/dream-machine';
import type { GenerateSim } from './helpers';
import { restoreTimings, runGenerate, startGenerateSim, useFastTimings } from './helpers';

let sim: GenerateSim;

beforeAll(async () => {
	sim = await startGenerateSim();
});
afterAll(async () => await sim.close());
beforeEach(() => {
	useFastTimings();
	sim.simulator.resetStats();
});
afterAll(() => restoreTimings());

const GENERATION_KEYS = ['id', 'state', 'failure_reason', 'model', 'assets', 'request', 'created_at', 'generation_type'];

async function one(parameters: IDataObject, input?: IDataObject[]) {
	const items = await runGenerate(sim, parameters, { input });
	expect(items).toHaveLength(input?.length ?? 1);
	return items[0].json as IDataObject & { request: IDataObject; assets: IDataObject; id: string };
}

/** A finished video generation to build on. */
async function finishedVideo(prompt = 'a lighthouse in a storm') {
	return await one({ resource: 'video', operation: 'generate', prompt });
}

async function finishedImage(prompt = 'a watercolor fox') {
	return await one({ resource: 'image', operation: 'generate', prompt });
}

describe('account and concepts', () => {
	test('Get Credits returns the balance in cents and dollars', async () => {
		const credits = await one({ resource: 'account', operation: 'getCredits' });
		expect(credits.credit_balance).toBe(sim.simulator.creditBalance);
		expect(credits.credit_balance_usd).toBeCloseTo(sim.simulator.creditBalance / 100, 2);
	});

	test('Check Connection pings with the key', async () => {
		expect(await one({ resource: 'account', operation: 'checkConnection' })).toEqual({ connected: true, message: 'pong' });
	});

	test('Concept → List outputs one item per concept key', async () => {
		const items = await runGenerate(sim, { resource: 'concept', operation: 'list' });
		expect(items.map((item) => item.json.key)).toEqual([...CONCEPT_KEYS]);
		expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	test('the concepts picker loads its options from the API', async () => {
		const node = new LumaGenerate();
		const context = {
			getNode: () => ({ name: 'Luma Generate', type: 'lumaGenerate', typeVersion: 1, parameters: {} }),
			getCredentials: async () => sim.credentials().lumaLabsApi,
			getNodeParameter: () => undefined,
			helpers: {
				httpRequest: async () => {
					throw new Error('not used');
				},
				async httpRequestWithAuthentication(_type: string, options: { url: string; qs?: IDataObject }) {
					const response = await fetch(options.url, { headers: { authorization: 'Bearer test-key' } });
					return { statusCode: response.status, headers: {}, body: await response.text() };
				},
			},
		} as unknown as ILoadOptionsFunctions;
		const options = await node.methods.loadOptions.getConcepts.call(context);
		expect(options).toHaveLength(CONCEPT_KEYS.length);
		expect(options).toContainEqual({ name: 'Dolly Zoom', value: 'dolly_zoom' });
	});
});

describe('video', () => {
	test('Generate (text to video, Poll) outputs the completed Generation', async () => {
		const generation = await one({
			resource: 'video',
			operation: 'generate',
			model: 'ray-flash-2',
			prompt: 'a lighthouse in a storm',
			aspectRatio: '9:16',
			resolution: '1080p',
			duration: '9s',
			additionalFields: { loop: true, concepts: ['dolly_zoom', 'handheld'] },
		});
		expect(Object.keys(generation)).toEqual(expect.arrayContaining(GENERATION_KEYS));
		expect(generation).toMatchObject({ state: 'completed', failure_reason: null, generation_type: 'video', model: 'ray-flash-2' });
		expect(generation.assets.video).toMatch(/\.mp4$/);
		expect(generation.request).toMatchObject({
			model: 'ray-flash-2',
			prompt: 'a lighthouse in a storm',
			aspect_ratio: '9:16',
			resolution: '1080p',
			duration: '9s',
			loop: true,
			concepts: [{ key: 'dolly_zoom' }, { key: 'handheld' }],
			keyframes: null,
			callback_url: null,
		});
	});

	test('Generate with start and end images (image to video) needs no prompt', async () => {
		const generation = await one({
			resource: 'video',
			operation: 'generate',
			keyframes: {
				frame0: { source: 'url', url: 'https://cdn.example.com/start.jpg' },
				frame1: { source: 'url', url: 'https://cdn.example.com/end.jpg' },
			},
		});
		expect(generation.state).toBe('completed');
		expect(generation.request).toMatchObject({
			prompt: null,
			keyframes: {
				frame0: { type: 'image', url: 'https://cdn.example.com/start.jpg' },
				frame1: { type: 'image', url: 'https://cdn.example.com/end.jpg' },
			},
		});
	});

	test('Generate with a custom model sends the typed name', async () => {
		sim.simulator.configure({ acceptUnknownModels: true });
		try {
			const generation = await one({ resource: 'video', operation: 'generate', model: 'custom', customModel: 'ray-3', prompt: 'a quiet harbor' });
			expect(generation.request.model).toBe('ray-3');
		} finally {
			sim.simulator.configure({ acceptUnknownModels: false });
		}
	});

	test('Extend sends the previous video as frame0, Reverse Extend as frame1', async () => {
		const source = await finishedVideo();
		const extended = await one({ resource: 'video', operation: 'extend', generationId: source.id, prompt: 'the storm clears' });
		expect(extended.state).toBe('completed');
		expect(extended.id).not.toBe(source.id);
		expect(extended.request.keyframes).toEqual({ frame0: { type: 'generation', id: source.id }, frame1: null });

		const reversed = await one({ resource: 'video', operation: 'reverseExtend', generationId: source.id, prompt: 'clouds gather' });
		expect(reversed.request.keyframes).toEqual({ frame0: null, frame1: { type: 'generation', id: source.id } });
	});

	test('Interpolate between two videos, and between a video and an image', async () => {
		const first = await finishedVideo('sunrise over a valley');
		const second = await finishedVideo('sunset over a valley');
		const between = await one({
			resource: 'video',
			operation: 'interpolate',
			start: { value: { source: 'generation', generationId: first.id } },
			end: { value: { source: 'generation', generationId: second.id } },
			prompt: 'the day passes',
		});
		expect(between.request.keyframes).toEqual({
			frame0: { type: 'generation', id: first.id },
			frame1: { type: 'generation', id: second.id },
		});
		const toImage = await one({
			resource: 'video',
			operation: 'interpolate',
			start: { value: { source: 'generation', generationId: first.id } },
			end: { value: { source: 'url', url: 'https://cdn.example.com/night.jpg' } },
		});
		expect(toImage.request.keyframes).toEqual({
			frame0: { type: 'generation', id: first.id },
			frame1: { type: 'image', url: 'https://cdn.example.com/night.jpg' },
		});
	});

	test('Modify sends media, mode and first frame (a previous generation resolves to its file)', async () => {
		const source = await finishedVideo();
		const still = await finishedImage();
		const modified = await one({
			resource: 'video',
			operation: 'modify',
			video: { value: { source: 'generation', generationId: source.id } },
			mode: 'reimagine_2',
			prompt: 'as a watercolor painting',
			firstFrame: { value: { source: 'generation', generationId: still.id } },
		});
		expect(modified.state).toBe('completed');
		expect(modified.request).toMatchObject({
			generation_type: 'modify_video',
			model: 'ray-2',
			mode: 'reimagine_2',
			media: { url: source.assets.video },
			first_frame: { url: still.assets.image },
			prompt: 'as a watercolor painting',
		});
	});

	test('Reframe sends the new aspect ratio and the geometry the user set', async () => {
		const reframed = await one({
			resource: 'video',
			operation: 'reframe',
			video: { value: { source: 'url', url: 'https://cdn.example.com/clip.mp4' } },
			aspectRatio: '9:16',
			additionalFields: { gridPositionX: 10, xStart: 0, resizedWidth: 720 },
		});
		expect(reframed.request).toMatchObject({
			generation_type: 'reframe_video',
			aspect_ratio: '9:16',
			media: { url: 'https://cdn.example.com/clip.mp4' },
			grid_position_x: 10,
			x_start: 0,
			resized_width: 720,
			y_end: null,
		});
	});

	test('Upscale and Add Audio create new generations from a finished video', async () => {
		const source = await finishedVideo();
		const upscaled = await one({ resource: 'video', operation: 'upscale', generationId: source.id, resolution: '4k' });
		expect(upscaled.id).not.toBe(source.id);
		expect(upscaled).toMatchObject({ state: 'completed', request: { generation_type: 'upscale_video', resolution: '4k' } });

		const withSound = await one({
			resource: 'video',
			operation: 'addAudio',
			generationId: upscaled.id,
			prompt: 'rain and thunder',
			negativePrompt: 'music',
		});
		expect(withSound).toMatchObject({
			state: 'completed',
			request: { generation_type: 'add_audio', prompt: 'rain and thunder', negative_prompt: 'music' },
		});
	});
});

describe('image', () => {
	test('Generate sends references, style, character and modify image with weights', async () => {
		const previous = await finishedImage();
		const generation = await one({
			resource: 'image',
			operation: 'generate',
			model: 'photon-flash-1',
			prompt: 'a knight in the rain',
			aspectRatio: '1:1',
			format: 'png',
			imageReferences: {
				values: [
					{ source: 'url', url: 'https://cdn.example.com/a.jpg', weight: 0.5 },
					{ source: 'generation', generationId: previous.id, weight: 0.9 },
				],
			},
			styleReference: { value: { source: 'url', url: 'https://cdn.example.com/style.jpg', weight: 0.7 } },
			characterReference: { values: [{ source: 'url', url: 'https://cdn.example.com/face.jpg' }] },
			modifyImage: { value: { source: 'url', url: 'https://cdn.example.com/base.jpg', weight: 0.05 } },
		});
		expect(generation).toMatchObject({ state: 'completed', generation_type: 'image' });
		expect(generation.assets.image).toMatch(/\.png$/);
		expect(generation.request).toMatchObject({
			model: 'photon-flash-1',
			aspect_ratio: '1:1',
			format: 'png',
			image_ref: [
				{ url: 'https://cdn.example.com/a.jpg', weight: 0.5 },
				{ url: previous.assets.image, weight: 0.9 },
			],
			style_ref: [{ url: 'https://cdn.example.com/style.jpg', weight: 0.7 }],
			character_ref: { identity0: { images: ['https://cdn.example.com/face.jpg'] } },
			modify_image_ref: { url: 'https://cdn.example.com/base.jpg', weight: 0.05 },
		});
	});

	test('Generate with Synchronous returns the finished image from the create itself', async () => {
		const generation = await one({
			resource: 'image',
			operation: 'generate',
			prompt: 'a paper boat',
			waitForCompletion: 'none',
			additionalFields: { sync: true, syncTimeout: 30 },
		});
		expect(generation.state).toBe('completed');
		expect(generation.request).toMatchObject({ sync: true, sync_timeout: 30 });
	});

	test('Reframe sends the image, ratio, format and geometry', async () => {
		const reframed = await one({
			resource: 'image',
			operation: 'reframe',
			image: { value: { source: 'url', url: 'https://cdn.example.com/photo.jpg' } },
			aspectRatio: '21:9',
			format: 'png',
			prompt: 'more sky',
			additionalFields: { yStart: 5, resizedHeight: 400 },
		});
		expect(reframed).toMatchObject({
			state: 'completed',
			request: {
				generation_type: 'reframe_image',
				aspect_ratio: '21:9',
				format: 'png',
				prompt: 'more sky',
				media: { url: 'https://cdn.example.com/photo.jpg' },
				y_start: 5,
				resized_height: 400,
			},
		});
	});
});

describe('generation', () => {
	test('Get returns the same Generation a create output', async () => {
		const created = await finishedImage();
		expect(await one({ resource: 'generation', operation: 'get', generationId: created.id })).toEqual(created);
	});

	test('Get Many pages by offset and honours Limit and Return All', async () => {
		for (let i = 0; i < 3; i++) await finishedImage(`image number ${i}`);
		const total = sim.simulator.generations.size;
		const limited = await runGenerate(sim, { resource: 'generation', operation: 'getMany', limit: 2 });
		expect(limited).toHaveLength(2);
		const all = await runGenerate(sim, { resource: 'generation', operation: 'getMany', returnAll: true });
		expect(all).toHaveLength(total);
		expect(new Set(all.map((item) => item.json.id)).size).toBe(total);
	});

	test('Delete removes the generation (204, no body)', async () => {
		const created = await finishedImage();
		expect(await one({ resource: 'generation', operation: 'delete', generationId: created.id })).toEqual({ id: created.id, deleted: true });
		expect(sim.simulator.generations.has(created.id)).toBe(false);
	});

	test('Wait for Completion follows a generation started with "Don\'t Wait"', async () => {
		const queued = await one({ resource: 'video', operation: 'generate', prompt: 'a slow tide', waitForCompletion: 'none' });
		expect(queued.state).toBe('queued');
		const done = await one({ resource: 'generation', operation: 'waitForCompletion', generationId: queued.id });
		expect(done).toMatchObject({ id: queued.id, state: 'completed' });
	});
});
