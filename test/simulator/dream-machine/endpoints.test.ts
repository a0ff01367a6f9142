/**
 * Every Dream Machine route answers with the status and body shape of the `lumaai` SDK v1.21,
 * and rejects bad input the way Luma does (422 array shape for schema errors, 400 verbatim texts).
 */
import { CONCEPT_KEYS } from './generation';
import { SOURCE_NOT_READY } from './requests';
import { client, startDreamMachine, waitForTerminal, type Client } from './testServer';

const GENERATION_KEYS = ['assets', 'created_at', 'failure_reason', 'generation_type', 'id', 'model', 'request', 'state'];
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const LUMA_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const STATES = ['queued', 'dreaming', 'completed', 'failed'];

function expectGeneration(body: any, generationType: 'video' | 'image') {
	expect(Object.keys(body).sort()).toEqual(GENERATION_KEYS);
	expect(body.id).toMatch(UUID_V4);
	expect(body.generation_type).toBe(generationType);
	expect(STATES).toContain(body.state);
	expect(body.created_at).toMatch(LUMA_TIMESTAMP);
}

let sim: Awaited<ReturnType<typeof startDreamMachine>>;
let api: Client;

beforeAll(async () => {
	sim = await startDreamMachine({}, 0.0005);
	api = sim.api;
});
afterAll(() => sim.server.close());

async function completedVideo(): Promise<string> {
	const created = await api.post('/generations/video', { model: 'ray-2', prompt: 'a calm lake at dawn' });
	expect(created.status).toBe(201);
	const done = await waitForTerminal(api, created.body.id);
	expect(done.state).toBe('completed');
	return done.id;
}

describe('account endpoints', () => {
	test('GET /ping answers pong', async () => {
		const response = await api.get('/ping');
		expect(response).toMatchObject({ status: 200, body: { message: 'pong' } });
	});

	test('GET /credits answers the balance in cents', async () => {
		const response = await api.get('/credits');
		expect(response.status).toBe(200);
		expect(Object.keys(response.body)).toEqual(['credit_balance']);
		expect(typeof response.body.credit_balance).toBe('number');
	});

	test('GET /generations/concepts/list answers the camera concept keys', async () => {
		const response = await api.get('/generations/concepts/list');
		expect(response.status).toBe(200);
		expect(response.body).toEqual([...CONCEPT_KEYS]);
		expect(response.body).toHaveLength(34);
		expect(response.body).toEqual(expect.arrayContaining(['dolly_zoom', 'handheld', 'orbit_left']));
	});
});

describe('authentication', () => {
	test('a missing or blank bearer token is 400 on every route, ping included', async () => {
		for (const path of ['/ping', '/credits', '/generations']) {
			const response = await client(sim.server.baseUrl, null).get(path);
			expect(response).toMatchObject({ status: 400, body: { detail: 'Not authenticated' } });
		}
		const blank = await client(sim.server.baseUrl, '   ').get('/ping');
		expect(blank.status).toBe(400);
	});

	test('an unknown key is 401 when keys are configured', async () => {
		const guarded = await startDreamMachine({ keys: ['good-key'] });
		try {
			const bad = await client(guarded.server.baseUrl, 'other-key').get('/ping');
			expect(bad).toMatchObject({ status: 401, body: { detail: 'Invalid API key is provided' } });
			const good = await client(guarded.server.baseUrl, 'good-key').get('/ping');
			expect(good.status).toBe(200);
		} finally {
			await guarded.server.close();
		}
	});

	test('the missing-key status is configurable', async () => {
		sim.simulator.configure({ missingKeyStatus: 401 });
		try {
			expect((await client(sim.server.baseUrl, null).get('/ping')).status).toBe(401);
		} finally {
			sim.simulator.configure({ missingKeyStatus: 400 });
		}
	});
});

describe('creates', () => {
	test('POST /generations/video answers 201 with a queued Generation echoing the request', async () => {
		const response = await api.post('/generations/video', {
			model: 'ray-flash-2',
			prompt: 'a serene lake surrounded by mountains',
			resolution: '720p',
			duration: '5s',
			concepts: [{ key: 'dolly_zoom' }],
			unknown_field: 'ignored like FastAPI does',
		});
		expect(response.status).toBe(201);
		expectGeneration(response.body, 'video');
		expect(response.body).toMatchObject({ state: 'queued', failure_reason: null, assets: null, model: 'ray-flash-2' });
		expect(response.body.request).toEqual({
			generation_type: 'video',
			model: 'ray-flash-2',
			prompt: 'a serene lake surrounded by mountains',
			aspect_ratio: '16:9',
			loop: null,
			keyframes: null,
			resolution: '720p',
			duration: '5s',
			concepts: [{ key: 'dolly_zoom' }],
			callback_url: null,
		});
	});

	test('the legacy POST /generations still creates a video', async () => {
		const response = await api.post('/generations', { model: 'ray-2', prompt: 'legacy path video' });
		expect(response.status).toBe(201);
		expectGeneration(response.body, 'video');
	});

	test('POST /generations/image answers 201 with an image Generation', async () => {
		const response = await api.post('/generations/image', {
			model: 'photon-flash-1',
			prompt: 'a warrior in the rain',
			image_ref: [{ url: 'https://example.com/ref.jpg', weight: 0.85 }],
			character_ref: { identity0: { images: ['https://example.com/face.jpg'] } },
		});
		expect(response.status).toBe(201);
		expectGeneration(response.body, 'image');
		expect(response.body.request).toMatchObject({
			generation_type: 'image',
			model: 'photon-flash-1',
			aspect_ratio: '16:9',
			format: 'jpg',
			image_ref: [{ url: 'https://example.com/ref.jpg', weight: 0.85 }],
			style_ref: null,
			character_ref: { identity0: { images: ['https://example.com/face.jpg'] } },
			modify_image_ref: null,
			sync: false,
			sync_timeout: 60,
		});
	});

	test('POST /generations/video/modify answers 201', async () => {
		const response = await api.post('/generations/video/modify', {
			generation_type: 'modify_video',
			model: 'ray-flash-2',
			mode: 'flex_2',
			media: { url: 'https://example.com/source.mp4' },
			first_frame: { url: 'https://example.com/first.jpg' },
			prompt: 'make it winter',
		});
		expect(response.status).toBe(201);
		expectGeneration(response.body, 'video');
		expect(response.body.request).toMatchObject({ generation_type: 'modify_video', mode: 'flex_2' });
	});

	test('POST /generations/video/reframe and /generations/image/reframe answer 201', async () => {
		const video = await api.post('/generations/video/reframe', {
			generation_type: 'reframe_video',
			model: 'ray-2',
			aspect_ratio: '9:16',
			media: { url: 'https://example.com/source.mp4' },
			x_start: 0,
			x_end: 720,
		});
		expect(video.status).toBe(201);
		expectGeneration(video.body, 'video');
		expect(video.body.request).toMatchObject({ generation_type: 'reframe_video', prompt: '', x_start: 0, x_end: 720, y_start: null });

		const image = await api.post('/generations/image/reframe', {
			generation_type: 'reframe_image',
			model: 'photon-1',
			aspect_ratio: '1:1',
			media: { url: 'https://example.com/source.jpg' },
			format: 'png',
		});
		expect(image.status).toBe(201);
		expectGeneration(image.body, 'image');
		expect(image.body.request).toMatchObject({ generation_type: 'reframe_image', format: 'png' });
		expect(image.body.request).not.toHaveProperty('first_frame');
	});

	test('upscale and audio answer 200 with a new generation derived from a completed video', async () => {
		const sourceId = await completedVideo();
		const upscale = await api.post(`/generations/${sourceId}/upscale`, { generation_type: 'upscale_video', resolution: '4k' });
		expect(upscale.status).toBe(200);
		expectGeneration(upscale.body, 'video');
		expect(upscale.body.id).not.toBe(sourceId);
		expect(upscale.body.model).toBe('ray-2');
		expect(upscale.body.request).toEqual({ generation_type: 'upscale_video', resolution: '4k', callback_url: null });

		const audio = await api.post(`/generations/${sourceId}/audio`, { prompt: 'birdsong', negative_prompt: 'traffic' });
		expect(audio.status).toBe(200);
		expectGeneration(audio.body, 'video');
		expect(audio.body.request).toEqual({
			generation_type: 'add_audio',
			prompt: 'birdsong',
			negative_prompt: 'traffic',
			callback_url: null,
		});
		expect((await api.post('/generations/00000000-0000-4000-8000-000000000000/upscale', {})).status).toBe(404);
	});

	test('upscale refuses a generation that is not a completed video', async () => {
		sim.simulator.configure({ timings: { video: { queuedMs: 60_000 } } });
		try {
			const running = await api.post('/generations/video', { model: 'ray-2', prompt: 'still queued' });
			const refused = await api.post(`/generations/${running.body.id}/upscale`, {});
			expect(refused).toMatchObject({ status: 400, body: { detail: 'Generation is not completed' } });
			await api.delete(`/generations/${running.body.id}`);
		} finally {
			sim.simulator.configure({ timings: { video: { queuedMs: 2_000 } } });
		}
		const image = await api.post('/generations/image', { model: 'photon-1', prompt: 'a still image' });
		await waitForTerminal(api, image.body.id);
		const notVideo = await api.post(`/generations/${image.body.id}/audio`, {});
		expect(notVideo).toMatchObject({ status: 400, body: { detail: 'Only video generations are supported' } });
	});
});

describe('read, list and delete', () => {
	test('GET /generations/{id} answers the Generation; unknown ids are 404', async () => {
		const created = await api.post('/generations/image', { model: 'photon-1', prompt: 'a red fox' });
		const fetched = await api.get(`/generations/${created.body.id}`);
		expect(fetched.status).toBe(200);
		expectGeneration(fetched.body, 'image');
		expect(fetched.body.id).toBe(created.body.id);
		const upper = await api.get(`/generations/${created.body.id.toUpperCase()}`);
		expect(upper.status).toBe(200);
		const missing = await api.get('/generations/00000000-0000-4000-8000-000000000000');
		expect(missing).toMatchObject({ status: 404, body: { detail: 'Generation not found' } });
	});

	test('GET /generations pages by limit/offset, newest first', async () => {
		const lister = await startDreamMachine();
		try {
			const ids: string[] = [];
			for (let index = 0; index < 5; index++) {
				ids.push((await lister.api.post('/generations/image', { model: 'photon-1', prompt: `image ${index}` })).body.id);
			}
			const newestFirst = [...ids].reverse();

			const everything = await lister.api.get('/generations');
			expect(everything.status).toBe(200);
			expect(Object.keys(everything.body).sort()).toEqual(['count', 'generations', 'has_more', 'limit', 'offset']);
			expect(everything.body).toMatchObject({ count: 5, has_more: false, limit: 100, offset: 0 });
			expect(everything.body.generations.map((g: any) => g.id)).toEqual(newestFirst);
			everything.body.generations.forEach((g: any) => expectGeneration(g, 'image'));

			const first = await lister.api.get('/generations?limit=2&offset=0');
			expect(first.body).toMatchObject({ count: 2, has_more: true, limit: 2, offset: 0 });
			expect(first.body.generations.map((g: any) => g.id)).toEqual(newestFirst.slice(0, 2));

			const last = await lister.api.get('/generations?limit=2&offset=4');
			expect(last.body).toMatchObject({ count: 1, has_more: false, limit: 2, offset: 4 });
			expect(last.body.generations.map((g: any) => g.id)).toEqual(newestFirst.slice(4));

			const beyond = await lister.api.get('/generations?limit=2&offset=10');
			expect(beyond.body).toMatchObject({ count: 0, has_more: false, generations: [] });
		} finally {
			await lister.server.close();
		}
	});

	test('GET /generations rejects non-integer or negative paging with 422', async () => {
		const bad = await api.get('/generations?limit=ten');
		expect(bad.status).toBe(422);
		expect(bad.body.detail[0]).toMatchObject({ type: 'int_parsing', loc: ['query', 'limit'] });
		const negative = await api.get('/generations?offset=-1');
		expect(negative.status).toBe(422);
		expect(negative.body.detail[0]).toMatchObject({ type: 'greater_than_equal', loc: ['query', 'offset'] });
	});

	test('fail500OnLargeLimit answers a plain-text 500 for limit >= 100, including the default', async () => {
		sim.simulator.configure({ fail500OnLargeLimit: true });
		try {
			for (const path of ['/generations', '/generations?limit=100', '/generations?limit=250']) {
				const response = await api.get(path);
				expect(response.status).toBe(500);
				expect(response.headers.get('content-type')).toContain('text/plain');
				expect(response.body).toBe('Internal Server Error');
			}
			expect((await api.get('/generations?limit=50')).status).toBe(200);
		} finally {
			sim.simulator.configure({ fail500OnLargeLimit: false });
		}
	});

	test('DELETE /generations/{id} answers 204 with no body; the generation is gone', async () => {
		const created = await api.post('/generations/image', { model: 'photon-1', prompt: 'to be deleted' });
		const deleted = await api.delete(`/generations/${created.body.id}`);
		expect(deleted.status).toBe(204);
		expect(deleted.body).toBe('');
		expect((await api.get(`/generations/${created.body.id}`)).status).toBe(404);
		expect(sim.simulator.generations.has(created.body.id)).toBe(false);
		const again = await api.delete(`/generations/${created.body.id}`);
		expect(again).toMatchObject({ status: 404, body: { detail: 'Generation not found' } });
	});

	test('a known path with the wrong method is 405; unknown paths are left to the core', async () => {
		expect((await api.call('PUT', '/generations')).status).toBe(405);
		expect((await api.post('/ping', {})).status).toBe(405);
		expect(await sim.simulator.handle({
			method: 'GET',
			path: '/no/such/path',
			query: new URLSearchParams(),
			headers: {},
			rawBody: Buffer.alloc(0),
			body: undefined,
		})).toBeUndefined();
	});
});

describe('schema validation (422, FastAPI detail array)', () => {
	async function expect422(path: string, body: unknown, issue: Record<string, unknown>) {
		const response = await api.post(path, body);
		expect(response.status).toBe(422);
		expect(Array.isArray(response.body.detail)).toBe(true);
		expect(response.body.detail).toEqual(expect.arrayContaining([expect.objectContaining(issue)]));
		for (const entry of response.body.detail) {
			expect(entry).toEqual(expect.objectContaining({ type: expect.any(String), loc: expect.any(Array), msg: expect.any(String) }));
		}
	}

	test('missing model', () =>
		expect422('/generations/video', { prompt: 'no model here' }, { type: 'missing', loc: ['body', 'model'], msg: 'Field required' }));

	test('model outside the SDK enum (ray-1-6 was removed)', () =>
		expect422('/generations/video', { model: 'ray-1-6', prompt: 'old model' }, {
			type: 'enum',
			loc: ['body', 'model'],
			msg: "Input should be 'ray-2' or 'ray-flash-2'",
		}));

	test('unknown aspect ratio, format and mode', async () => {
		await expect422('/generations/video', { model: 'ray-2', prompt: 'wide', aspect_ratio: '2:1' }, { type: 'enum', loc: ['body', 'aspect_ratio'] });
		await expect422('/generations/image', { model: 'photon-1', prompt: 'gif please', format: 'gif' }, { type: 'enum', loc: ['body', 'format'] });
		await expect422(
			'/generations/video/modify',
			{ generation_type: 'modify_video', model: 'ray-2', mode: 'adhere_9', media: { url: 'https://example.com/v.mp4' } },
			{ type: 'enum', loc: ['body', 'mode'] },
		);
	});

	test('modify and reframe require generation_type, media and aspect_ratio', async () => {
		await expect422('/generations/video/modify', { model: 'ray-2', mode: 'flex_1', media: { url: 'https://example.com/v.mp4' } }, {
			type: 'missing',
			loc: ['body', 'generation_type'],
		});
		await expect422('/generations/video/reframe', { generation_type: 'reframe_video', model: 'ray-2', aspect_ratio: '1:1' }, {
			type: 'missing',
			loc: ['body', 'media'],
		});
		await expect422(
			'/generations/image/reframe',
			{ generation_type: 'reframe_image', model: 'photon-1', media: { url: 'https://example.com/i.jpg' } },
			{ type: 'missing', loc: ['body', 'aspect_ratio'] },
		);
		await expect422('/generations/video', { generation_type: 'image', model: 'ray-2', prompt: 'wrong literal' }, {
			type: 'literal_error',
			loc: ['body', 'generation_type'],
		});
	});

	test('weights must be within 0..1 and image_ref holds at most 4', async () => {
		await expect422('/generations/image', { model: 'photon-1', prompt: 'heavy', image_ref: [{ url: 'https://example.com/a.jpg', weight: 1.5 }] }, {
			type: 'less_than_equal',
			loc: ['body', 'image_ref', 0, 'weight'],
		});
		const five = Array.from({ length: 5 }, (_, i) => ({ url: `https://example.com/${i}.jpg` }));
		await expect422('/generations/image', { model: 'photon-1', prompt: 'many refs', image_ref: five }, {
			type: 'too_long',
			loc: ['body', 'image_ref'],
		});
	});

	test('keyframes: unknown type, missing url, malformed generation id', async () => {
		await expect422('/generations/video', { model: 'ray-2', prompt: 'bad frame', keyframes: { frame0: { type: 'video', url: 'https://example.com/v.mp4' } } }, {
			type: 'union_tag_invalid',
			loc: ['body', 'keyframes', 'frame0'],
		});
		await expect422('/generations/video', { model: 'ray-2', keyframes: { frame0: { type: 'image' } } }, {
			type: 'missing',
			loc: ['body', 'keyframes', 'frame0', 'image', 'url'],
		});
		await expect422('/generations/video', { model: 'ray-2', prompt: 'extend', keyframes: { frame0: { type: 'generation', id: 'nope' } } }, {
			type: 'uuid_parsing',
		});
	});

	test('callback_url must be an http(s) URL', () =>
		expect422('/generations/video', { model: 'ray-2', prompt: 'call me', callback_url: 'not a url' }, {
			type: 'url_parsing',
			loc: ['body', 'callback_url'],
		}));

	test('empty, unparsable and non-object bodies', async () => {
		await expect422('/generations/video', undefined, { type: 'missing', loc: ['body'] });
		await expect422('/generations/video', '{"model":', { type: 'json_invalid' });
		await expect422('/generations/video', '[1,2]', { type: 'model_attributes_type', loc: ['body'] });
	});

	test('acceptUnknownModels lets future model names through', async () => {
		sim.simulator.configure({ acceptUnknownModels: true });
		try {
			const response = await api.post('/generations/video', { model: 'ray-3-preview', prompt: 'a future model' });
			expect(response.status).toBe(201);
			expect(response.body.model).toBe('ray-3-preview');
		} finally {
			sim.simulator.configure({ acceptUnknownModels: false });
		}
	});
});

describe('business rules (400, Luma verbatim texts)', () => {
	async function expect400(path: string, body: unknown, message: string) {
		const response = await api.post(path, body);
		expect(response).toMatchObject({ status: 400, body: { detail: message } });
	}

	test('prompt required, too short, too long', async () => {
		await expect400('/generations/video', { model: 'ray-2' }, 'Prompt is required');
		await expect400('/generations/video', { model: 'ray-2', prompt: '  ' }, 'Prompt is required');
		await expect400('/generations/video', { model: 'ray-2', prompt: 'ab' }, 'Prompt is too short, minimum length is 3 characters');
		await expect400('/generations/video', { model: 'ray-2', prompt: 'x'.repeat(5001) }, 'Prompt is too long, maximum length is 5000 characters');
		await expect400('/generations/image', { model: 'photon-1' }, 'Prompt is required');
		expect((await api.post('/generations/video', { model: 'ray-2', prompt: 'x'.repeat(5000) })).status).toBe(201);
	});

	test('an image keyframe makes the prompt optional', async () => {
		const response = await api.post('/generations/video', {
			model: 'ray-2',
			keyframes: { frame0: { type: 'image', url: 'https://example.com/start.jpg' } },
		});
		expect(response.status).toBe(201);
		expect(response.body.request.keyframes).toEqual({ frame0: { type: 'image', url: 'https://example.com/start.jpg' }, frame1: null });
	});

	test('keyframes object with neither frame', () =>
		expect400('/generations/video', { model: 'ray-2', prompt: 'empty frames', keyframes: { frame0: null, frame1: null } }, 'No keyframes provided'));

	test('loop is refused for every combination but a start image or a forward extend', async () => {
		const sourceId = await completedVideo();
		const image = { type: 'image', url: 'https://example.com/frame.jpg' };
		const generation = { type: 'generation', id: sourceId };
		const cases: Array<[Record<string, unknown>, string]> = [
			[{ frame1: image }, 'Loop is not supported for end frame'],
			[{ frame0: image, frame1: image }, 'Loop is not supported for keyframes'],
			[{ frame1: generation }, 'Loop is not supported for extend reverse'],
			[{ frame0: generation, frame1: image }, 'Loop is not supported for interpolate video to image'],
			[{ frame0: image, frame1: generation }, 'Loop is not supported for interpolate image to video'],
			[{ frame0: generation, frame1: generation }, 'Loop is not supported for interpolate between two videos'],
		];
		for (const [keyframes, message] of cases) {
			await expect400('/generations/video', { model: 'ray-2', prompt: 'looping', loop: true, keyframes }, message);
		}
		for (const keyframes of [{ frame0: image }, { frame0: generation }]) {
			expect((await api.post('/generations/video', { model: 'ray-2', prompt: 'looping', loop: true, keyframes })).status).toBe(201);
		}
	});

	test('a generation keyframe must exist and be a completed video', async () => {
		const missingId = '11111111-1111-4111-8111-111111111111';
		await expect400(
			'/generations/video',
			{ model: 'ray-2', prompt: 'extend', keyframes: { frame0: { type: 'generation', id: missingId } } },
			`Generation ${missingId} not found`,
		);
		sim.simulator.configure({ timings: { video: { queuedMs: 60_000 } } });
		try {
			const running = await api.post('/generations/video', { model: 'ray-2', prompt: 'not done yet' });
			await expect400(
				'/generations/video',
				{ model: 'ray-2', prompt: 'extend', keyframes: { frame0: { type: 'generation', id: running.body.id } } },
				SOURCE_NOT_READY,
			);
			await api.delete(`/generations/${running.body.id}`);
		} finally {
			sim.simulator.configure({ timings: { video: { queuedMs: 2_000 } } });
		}
	});

	test('unknown concept keys are refused', () =>
		expect400('/generations/video', { model: 'ray-2', prompt: 'camera move', concepts: [{ key: 'barrel_roll' }] }, 'Unknown concept: barrel_roll'));
});
