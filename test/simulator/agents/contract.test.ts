/**
 * The simulator against the vendored contract (contract.ts, written from Luma's SDK types): the
 * documented request bodies fit the request schema and are accepted, bodies the SDK types forbid are
 * the simulator's 422s, and every answer of every endpoint in every state fits its response schema
 * (the test client checks each one; the last test asserts each schema was exercised).
 */
import { assertFits, CONTRACT_SCHEMAS, contractValidator, type ContractName } from './contract';
import { OUTPUT_BYTES } from './index';
import { contractChecks, image, KEY, MP4_BASE64, PNG_BASE64, send, startAgents, until, video, waitForTerminal, type AgentsHarness } from './testClient';

let h: AgentsHarness;

beforeAll(async () => {
	h = await startAgents({
		uploadUrlTtlMs: 36_000_000,
		limits: { requestsPerMinute: 100_000, concurrentJobs: 100_000 },
		keys: { [KEY]: {}, 'luma-api-poor': { client: 'poor' }, 'luma-api-banned': { client: 'banned' } },
		clients: { poor: { balanceUsd: 0 }, banned: { status: 'suspended' } },
	});
});
afterAll(() => h.close());

const png = { data: PNG_BASE64, media_type: 'image/png' };
const mp4 = { data: MP4_BASE64, media_type: 'video/mp4' };
const fits = (name: ContractName, value: unknown) => contractValidator(name)(value);

describe('request bodies', () => {
	/** Luma's minimal body per type, with inputs the simulator can read. */
	const documented: Record<string, Record<string, unknown>> = {
		image: { type: 'image', model: 'uni-1', prompt: 'a red fox', aspect_ratio: '16:9', output_format: 'png' },
		image_edit: { type: 'image_edit', model: 'uni-1', prompt: 'add snow', source: { url: 'https://example.com/in.jpg' } },
		video: { type: 'video', model: 'ray-3.2', prompt: 'waves', aspect_ratio: '16:9', video: { resolution: '720p', duration: '5s' } },
		video_edit: { type: 'video_edit', model: 'ray-3.2', prompt: 'as claymation', source: mp4, video: { resolution: '720p', edit: { auto_controls: true } } },
		video_reframe: { type: 'video_reframe', model: 'ray-3.2', prompt: 'vertical', aspect_ratio: '9:16', source: { url: 'https://example.com/in.mp4', media_type: 'video/mp4' }, video: { resolution: '720p' } },
		layering: { type: 'layering', model: 'uni-1', prompt: 'split', source: { url: 'https://example.com/in.png' }, layering: { resolution: '1k' } },
		everything: {
			type: 'video',
			model: 'ray-3.2',
			prompt: 'a kite over dunes',
			aspect_ratio: '21:9',
			user_id: 'end-user-42',
			video: { duration: '10s', resolution: '1080p', hdr: true, exr_export: true, keyframes: [png, png], keyframe_indexes: [0, 240], guide_frame: png },
		},
		edit_controls: {
			type: 'video_edit',
			model: 'ray-3.2',
			prompt: 'keep the dancer, change the stage',
			source: mp4,
			video: {
				resolution: '540p',
				edit: {
					strength: 'flex_2',
					controls: { depth: { enabled: true, blur: 0.3 }, face: { enabled: true }, normals: { augmentation: 0.5 }, pose: { strength: 'coarse' }, trajectory: { sparsity: 0.2 } },
					keyframes: [png],
					keyframe_indexes: [12],
				},
			},
		},
		reframe_position: { type: 'video_reframe', model: 'ray-3.2', prompt: 'square', aspect_ratio: '1:1', source: mp4, video: { source_position: { x_norm: -0.2, y_norm: 0, w_norm: 1.4, h_norm: 1 } } },
	};

	test.each(Object.entries(documented))('%s fits GenerationCreateParams and is accepted', async (_name, body) => {
		assertFits('GenerationCreateParams', body);
		const created = await h.api.post('/generations', body);
		expect(created.status).toBe(201);
		expect(created.body.state).toBe('queued');
	});

	test.each([
		['duration', video({ video: { duration: '7s' } })],
		['resolution', video({ video: { resolution: '4k' } })],
		['style', image(undefined, { style: 'anime' })],
		['output_format', image(undefined, { output_format: 'webp' })],
		['type', { prompt: 'x', type: 'audio' }],
		['prompt', { type: 'image' }],
		['user_id', image(undefined, { user_id: 'u'.repeat(257) })],
		['generation_id', { ...image(), type: 'image_edit', source: { generation_id: 'not-a-uuid' } }],
		['file_id', { ...image(), type: 'image_edit', source: { file_id: 'not-a-uuid' } }],
		['edit strength', { ...video(), type: 'video_edit', source: mp4, video: { edit: { strength: 'wild' } } }],
		['control fraction', { ...video(), type: 'video_edit', source: mp4, video: { edit: { controls: { trajectory: { sparsity: 1.5 } } } } }],
		['source_position', { ...video(), type: 'video_reframe', aspect_ratio: '1:1', source: mp4, video: { source_position: { x_norm: 0, y_norm: 0, w_norm: 3, h_norm: 1 } } }],
		['layering resolution', { type: 'layering', model: 'uni-1', prompt: 'x', source: png, layering: { resolution: '8k' } }],
	])('a bad %s breaks the SDK types and is a 422', async (_field, body) => {
		expect(fits('GenerationCreateParams', body)).toBe(false);
		expect((await h.api.post('/generations', body)).status).toBe(422);
	});

	test('the server checks more than the SDK types: these fit them but are 400', async () => {
		for (const body of [image(undefined, { aspect_ratio: '4:3' }), { prompt: 'x', type: 'video' }, video({ video: { loop: true, duration: '10s' } })]) {
			expect(fits('GenerationCreateParams', body)).toBe(true);
			expect((await h.api.post('/generations', body)).status).toBe(400);
		}
	});

	test('file create bodies', async () => {
		const body = { mime_type: 'image/png', size_bytes: 42, filename: 'a.png', purpose: 'reference', user_id: 'u', expires_at: '2999-01-01T00:00:00Z' };
		assertFits('FileCreateParams', body);
		expect((await h.api.post('/files', body)).status).toBe(201);
		const tooBig = { mime_type: 'video/mp4', size_bytes: 5 * 1024 ** 3 + 1 };
		expect(fits('FileCreateParams', tooBig)).toBe(false);
		expect((await h.api.post('/files', tooBig)).status).toBe(422);
	});
});

describe('responses in every state fit', () => {
	test('generations: queued, processing, completed (every type), failed', async () => {
		h.sim.configure({ agents: { timings: { processingMs: 36_000_000 } } });
		const slow = await h.api.post('/generations', image());
		await until(() => h.sim.agents.generations.get(slow.body.id)?.state === 'processing');
		expect((await h.api.get(`/generations/${slow.body.id}`)).body.state).toBe('processing');
		h.sim.configure({ agents: { timings: { processingMs: undefined } } });

		const picture = await waitForTerminal(h.api, (await h.api.post('/generations', image())).body.id);
		const clip = await waitForTerminal(h.api, (await h.api.post('/generations', video({ video: { hdr: true, exr_export: true } }))).body.id);
		const bodies = [
			{ ...image(), type: 'image_edit', source: { generation_id: picture.id } },
			{ ...video(), type: 'video_edit', source: { generation_id: clip.id } },
			{ ...video(), type: 'video_reframe', aspect_ratio: '9:16', source: { generation_id: clip.id } },
			{ type: 'layering', model: 'uni-1', prompt: 'split', source: { generation_id: picture.id } },
			image('a cat [fail:content_moderated]'),
		];
		const states = [];
		for (const body of bodies) states.push((await waitForTerminal(h.api, (await h.api.post('/generations', body)).body.id)).state);
		expect(states).toEqual(['completed', 'completed', 'completed', 'completed', 'failed']);
	});

	test('files: inline and presigned creates, get, list, complete', async () => {
		const form = new FormData();
		form.append('mime_type', 'image/png');
		form.append('size_bytes', String(OUTPUT_BYTES.png.length));
		form.append('file', new Blob([OUTPUT_BYTES.png], { type: 'image/png' }), 'in.png');
		const inline = await send(h.sim.agentsUrl, 'POST', '/files', { body: form });
		expect(inline.status).toBe(201);
		const presigned = await h.api.post('/files', { mime_type: 'image/png', size_bytes: OUTPUT_BYTES.png.length });
		await fetch(presigned.body.upload.url, { method: 'PUT', headers: presigned.body.upload.headers, body: OUTPUT_BYTES.png });
		expect((await h.api.post(`/files/${presigned.body.id}/complete`)).status).toBe(200);
		expect((await h.api.get(`/files/${inline.body.id}`)).status).toBe(200);
		expect((await h.api.get('/files?limit=1')).body.has_more).toBe(true);
		expect((await h.api.delete(`/files/${inline.body.id}`)).status).toBe(204);
		expect((await h.api.get(`/files/${inline.body.id}`)).body.state).toBe('deleted');
	});

	test('errors of every status are { detail }', async () => {
		const statuses: number[] = [];
		const record = async (promise: Promise<{ status: number }>) => statuses.push((await promise).status);
		await record(h.api.post('/generations', image('')));
		await record(send(h.sim.agentsUrl, 'GET', '/files', { key: null }));
		await record(send(h.sim.agentsUrl, 'POST', '/generations', { key: 'luma-api-poor', headers: { 'content-type': 'application/json' }, body: JSON.stringify(image()) }));
		await record(send(h.sim.agentsUrl, 'GET', '/files', { key: 'luma-api-banned' }));
		await record(h.api.get('/generations/182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e'));
		await record(h.api.get('/generations'));
		await record(h.api.post('/generations', image(undefined, { image_ref: [{ url: 'https://oversized.example.com/a.png' }] })));
		await record(send(h.sim.agentsUrl, 'POST', '/files', { headers: { 'content-type': 'text/plain' }, body: 'x' }));
		await record(h.api.post('/generations', video({ video: { duration: '7s' } })));
		h.sim.configure({ agents: { urlIngestionDown: true } });
		await record(h.api.post('/generations', image(undefined, { image_ref: [{ url: 'https://example.com/a.png' }] })));
		h.sim.configure({ agents: { urlIngestionDown: false, limits: { requestsPerMinute: 0 } } });
		await record(h.api.post('/generations', image()));
		h.sim.configure({ agents: { limits: { requestsPerMinute: 100_000, concurrentJobs: 0 } } });
		await record(h.api.post('/generations', image()));
		h.sim.configure({ agents: { limits: { concurrentJobs: 100_000 } } });
		expect(statuses).toEqual([400, 401, 402, 403, 404, 405, 413, 415, 422, 503, 429, 429]);
	});
});

describe('the contract itself', () => {
	test('rejects what the SDKs would not parse', () => {
		const generation = { id: '182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e', created_at: '2026-04-08T12:00:00Z', model: 'uni-1', type: 'image', state: 'queued', output: [] };
		expect(fits('Generation', generation)).toBe(true);
		expect(fits('Generation', { ...generation, state: 'dreaming' })).toBe(false);
		expect(fits('Generation', { ...generation, assets: {} })).toBe(false);
		expect(fits('Generation', { ...generation, output: [{ type: 'image', url: 'not a url' }] })).toBe(false);
		expect(fits('Generation', { ...generation, output: [{ type: 'image', url: 'https://x.test/a.png', layer: { index: 0, label: 'a' } }] })).toBe(false);
		expect(fits('Error', { detail: '' })).toBe(false);
		expect(fits('Error', { message: 'x' })).toBe(false);
		expect(fits('FileList', { data: [], has_more: false, next_cursor: 7 })).toBe(false);
	});

	test('every response schema was exercised by this suite', () => {
		const responseSchemas = (Object.keys(CONTRACT_SCHEMAS) as ContractName[]).filter((name) => !name.endsWith('Params'));
		for (const name of responseSchemas) expect([name, (contractChecks.get(name) ?? 0) > 0]).toEqual([name, true]);
	});
});
