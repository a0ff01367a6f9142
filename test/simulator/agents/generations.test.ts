/**
 * POST /generations validation: the schema answers 422 in FastAPI's array shape, the business rules
 * 400 with Luma's `detail` texts, media problems 422/413/503, and references to generations and files
 * must be the caller's, finished and of the right kind. Every answer is contract-checked by the client.
 */
import { DETAIL } from './index';
import { agentsClient, KEY, MP4_BASE64, PNG_BASE64, image, send, startAgents, video, waitForTerminal, type AgentsHarness } from './testClient';

let h: AgentsHarness;
const open = { limits: { requestsPerMinute: 100_000, concurrentJobs: 100_000 } };

beforeAll(async () => {
	h = await startAgents(open);
});
afterAll(() => h.close());

async function expectRejected(body: unknown, status: number, message: unknown) {
	const response = await h.api.post('/generations', body);
	expect({ status: response.status, detail: response.body.detail }).toEqual({ status, detail: message });
}

async function expectAccepted(body: unknown) {
	const response = await h.api.post('/generations', body);
	if (response.status !== 201) throw new Error(`expected 201, got ${response.status} ${JSON.stringify(response.body)}`);
	return response.body;
}

async function completed(body: unknown): Promise<string> {
	const created = await expectAccepted(body);
	const done = await waitForTerminal(h.api, created.id);
	expect(done.state).toBe('completed');
	return done.id;
}

const png = { data: PNG_BASE64, media_type: 'image/png' };
const mp4 = { data: MP4_BASE64, media_type: 'video/mp4' };

describe('schema violations are 422 with a FastAPI detail array', () => {
	test.each([
		['missing prompt', { type: 'image' }, { type: 'missing', loc: ['body', 'prompt'] }],
		['prompt not a string', { prompt: 7 }, { type: 'string_type', loc: ['body', 'prompt'] }],
		['unknown type', { prompt: 'x', type: 'audio' }, { type: 'enum', loc: ['body', 'type'] }],
		['bad duration', video({ video: { duration: '7s' } }), { type: 'enum', loc: ['body', 'video', 'duration'], msg: "Input should be '5s' or '10s'" }],
		['bad resolution', video({ video: { resolution: '4k' } }), { type: 'enum', loc: ['body', 'video', 'resolution'] }],
		['bad output_format', image(undefined, { output_format: 'webp' }), { type: 'enum', loc: ['body', 'output_format'] }],
		['bad style', image(undefined, { style: 'anime' }), { type: 'enum', loc: ['body', 'style'] }],
		['user_id over 256', image(undefined, { user_id: 'u'.repeat(257) }), { type: 'string_too_long', loc: ['body', 'user_id'] }],
		['generation_id not a uuid', { ...image(), type: 'image_edit', source: { generation_id: 'abc' } }, { type: 'uuid_parsing', loc: ['body', 'source', 'generation_id'] }],
		['image_ref not a list', image(undefined, { image_ref: {} }), { type: 'list_type', loc: ['body', 'image_ref'] }],
		['keyframe index not an integer', video({ video: { keyframes: [png], keyframe_indexes: [1.5] } }), { type: 'int_type', loc: ['body', 'video', 'keyframe_indexes', 0] }],
		['source_position incomplete', { ...video(), type: 'video_reframe', aspect_ratio: '9:16', source: mp4, video: { source_position: { x_norm: 0 } } }, { type: 'missing', loc: ['body', 'video', 'source_position', 'y_norm'] }],
		['source_position w_norm over 2', { ...video(), type: 'video_reframe', aspect_ratio: '9:16', source: mp4, video: { source_position: { x_norm: -2, y_norm: 0, w_norm: 2.5, h_norm: 1 } } }, { type: 'less_than_equal', loc: ['body', 'video', 'source_position', 'w_norm'] }],
		['control blur over 1', { ...video(), type: 'video_edit', source: mp4, video: { edit: { controls: { depth: { blur: 2 } } } } }, { type: 'less_than_equal', loc: ['body', 'video', 'edit', 'controls', 'depth', 'blur'] }],
		['bad layering resolution', { type: 'layering', model: 'uni-1', prompt: 'x', source: png, layering: { resolution: '4k' } }, { type: 'enum', loc: ['body', 'layering', 'resolution'] }],
	])('%s', async (_name, body, issue) => {
		const response = await h.api.post('/generations', body);
		expect(response.status).toBe(422);
		expect(response.body.detail).toEqual(expect.arrayContaining([expect.objectContaining(issue)]));
	});

	test('a body that is not a JSON object', async () => {
		const response = await send(h.sim.agentsUrl, 'POST', '/generations', { headers: { 'content-type': 'application/json' }, body: '{nope' });
		expect(response.status).toBe(422);
		expect(response.body.detail[0]).toMatchObject({ type: 'json_invalid' });
	});
});

describe('business rules are 400 with Luma\'s texts', () => {
	test.each([
		['empty prompt', image(''), DETAIL.prompt],
		['prompt over 6,000 characters', image('p'.repeat(6001)), 'Prompt must be between 1 and 6000 characters'],
		['unknown model', image(undefined, { model: 'uni-9' }), 'Unknown model: uni-9'],
		['video on the default model', { prompt: 'x', type: 'video' }, "Type 'video' is not supported for model 'uni-1'"],
		['image on ray', image(undefined, { model: 'ray-3.2' }), "Type 'image' is not supported for model 'ray-3.2'"],
		['layering on uni-1-max', { type: 'layering', model: 'uni-1-max', prompt: 'x', source: png }, "Type 'layering' is not supported for model 'uni-1-max'"],
		['image aspect ratio outside the subset', image(undefined, { aspect_ratio: '4:3' }), "Invalid aspect_ratio '4:3'. Valid: 16:9, 1:1, 1:2, 1:3, 2:1, 2:3, 3:1, 3:2, 9:16"],
		['video aspect ratio outside the subset', video({ aspect_ratio: '3:1' }), "Invalid aspect_ratio '3:1'. Valid: 16:9, 1:1, 21:9, 3:4, 4:3, 9:16"],
		['reframe without a target ratio', { ...video(), type: 'video_reframe', source: mp4 }, "aspect_ratio is required for type 'video_reframe'"],
		['manga in landscape', image(undefined, { style: 'manga', aspect_ratio: '16:9' }), DETAIL.mangaNeedsPortrait],
		['image_edit without source', { ...image(), type: 'image_edit' }, "source is required for type 'image_edit'"],
		['video_edit without source', { ...video(), type: 'video_edit' }, "source is required for type 'video_edit'"],
		['layering without source', { type: 'layering', model: 'uni-1', prompt: 'x' }, "source is required for type 'layering'"],
		['image with source', image(undefined, { source: png }), "source is only valid for type 'image_edit'"],
		['video with source', video({ source: png }), DETAIL.sourceNotForVideo],
		['ten references on image', image(undefined, { image_ref: Array(10).fill(png) }), DETAIL.tooManyImageRefs],
		['nine references on image_edit', { ...image(), type: 'image_edit', source: png, image_ref: Array(9).fill(png) }, 'image_edit supports up to 8 reference images (source occupies one slot)'],
		['references on video', video({ image_ref: [png] }), DETAIL.imageRefNotAllowed('video')],
		['video options on an image', image(undefined, { video: { duration: '5s' } }), DETAIL.videoOptionsNotAllowed('image')],
		['layering options on an image', image(undefined, { layering: { resolution: '1k' } }), DETAIL.layeringOptionsNotAllowed('image')],
		['layering prompt over 500', { type: 'layering', model: 'uni-1', prompt: 'p'.repeat(501), source: png }, DETAIL.layeringPrompt],
		['duration on an edit', { ...video(), type: 'video_edit', source: mp4, video: { duration: '5s' } }, DETAIL.optionNotFor('video.duration', 'video_edit')],
		['loop on 10 s', video({ video: { loop: true, duration: '10s' } }), "video.loop cannot be combined with duration '10s'"],
		['loop with HDR', video({ video: { loop: true, hdr: true } }), 'video.loop cannot be combined with video.hdr'],
		['loop with an end frame', video({ video: { loop: true, end_frame: png } }), 'video.loop cannot be combined with video.end_frame'],
		['loop with keyframes', video({ video: { loop: true, keyframes: [png], keyframe_indexes: [0] } }), 'video.loop cannot be combined with video.keyframes'],
		['loop on an edit', { ...video(), type: 'video_edit', source: mp4, video: { loop: true } }, DETAIL.optionOnlyFor('video.loop', 'video')],
		['HDR at 540p', video({ video: { hdr: true, resolution: '540p' } }), DETAIL.hdrResolution],
		['HDR on reframe', { ...video(), type: 'video_reframe', aspect_ratio: '9:16', source: mp4, video: { hdr: true } }, DETAIL.optionNotFor('video.hdr', 'video_reframe')],
		['EXR without HDR', video({ video: { exr_export: true } }), DETAIL.exrNeedsHdr],
		['frames on 10 s', video({ video: { duration: '10s', start_frame: png } }), DETAIL.framesNot10s],
		['keyframes with a start frame', video({ video: { start_frame: png, keyframes: [png], keyframe_indexes: [0] } }), DETAIL.keyframesExclusive('video', 'video.start_frame, video.end_frame or video.loop')],
		['no keyframes', video({ video: { keyframes: [], keyframe_indexes: [] } }), DETAIL.keyframesCount('video')],
		['65 keyframes', video({ video: { keyframes: Array(65).fill(png), keyframe_indexes: Array.from({ length: 65 }, (_, i) => i) } }), DETAIL.keyframesCount('video')],
		['keyframe arrays of different length', video({ video: { keyframes: [png, png], keyframe_indexes: [0] } }), DETAIL.keyframesLength('video')],
		['indexes without keyframes', video({ video: { keyframe_indexes: [0] } }), DETAIL.keyframesCount('video')],
		['repeated keyframe index', video({ video: { keyframes: [png, png], keyframe_indexes: [4, 4] } }), DETAIL.keyframeIndexesUnique('video')],
		['keyframe past the 5 s grid', video({ video: { keyframes: [png], keyframe_indexes: [121] } }), "video.keyframe_indexes[0] must be between 0 and 120 for duration '5s'"],
		['negative keyframe index', video({ video: { keyframes: [png], keyframe_indexes: [-1] } }), "video.keyframe_indexes[0] must be between 0 and 120 for duration '5s'"],
		['keyframes on an edit', { ...video(), type: 'video_edit', source: mp4, video: { keyframes: [png], keyframe_indexes: [0] } }, DETAIL.optionOnlyFor('video.keyframes', 'video')],
		['edit options on a video', video({ video: { edit: { auto_controls: true } } }), DETAIL.optionOnlyFor('video.edit', 'video_edit')],
		['auto controls with a strength', { ...video(), type: 'video_edit', source: mp4, video: { edit: { auto_controls: true, strength: 'flex_1' } } }, DETAIL.autoControlsExclusive],
		['edit keyframes with a start frame', { ...video(), type: 'video_edit', source: mp4, video: { start_frame: png, edit: { keyframes: [png], keyframe_indexes: [3] } } }, DETAIL.keyframesExclusive('video.edit', 'video.start_frame')],
		['source position on a video', video({ video: { source_position: { x_norm: 0, y_norm: 0, w_norm: 1, h_norm: 1 } } }), DETAIL.optionOnlyFor('video.source_position', 'video_reframe')],
		['vertical reframe at 1080p', { ...video(), type: 'video_reframe', aspect_ratio: '9:16', source: mp4, video: { resolution: '1080p' } }, DETAIL.reframeVerticalHd],
	])('%s', async (_name, body, message) => {
		await expectRejected(body, 400, message);
	});

	test('the 24 fps grid doubles for 10 s keyframes', async () => {
		await expectAccepted(video({ video: { duration: '10s', keyframes: [png, png], keyframe_indexes: [0, 240] } }));
		await expectRejected(video({ video: { duration: '10s', keyframes: [png], keyframe_indexes: [241] } }), 400, "video.keyframe_indexes[0] must be between 0 and 240 for duration '10s'");
	});

	test('edits ignore aspect_ratio; layering allows an empty prompt', async () => {
		await expectAccepted({ ...image(), type: 'image_edit', source: png, aspect_ratio: '21:9' });
		await expectAccepted({ type: 'layering', model: 'uni-1', prompt: '', source: png });
	});

	test('HDR needs HDR access', async () => {
		h.sim.configure({ agents: { hdrAccess: false } });
		try {
			await expectRejected(video({ video: { hdr: true } }), 400, DETAIL.hdrNotEnabled);
		} finally {
			h.sim.configure({ agents: { hdrAccess: true } });
		}
		await expectAccepted(video({ video: { hdr: true, exr_export: true, resolution: '1080p' } }));
	});
});

describe('ImageRef: exactly one input, with a media_type where needed', () => {
	test.each([
		['url and data', { url: 'https://example.com/a.png', data: PNG_BASE64, media_type: 'image/png' }, 400, "image_ref[0]: provide either 'url' or 'data', not both"],
		['neither', { media_type: 'image/png' }, 400, "image_ref[0]: provide either 'url' or 'data', not neither"],
		['url and a file', { url: 'https://example.com/a.png', file_id: '182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e' }, 400, DETAIL.refExactlyOne('image_ref[0]')],
		['data without media_type', { data: PNG_BASE64 }, 400, "image_ref[0]: 'media_type' is required with 'data'"],
		['video data at an image position', mp4, 422, 'image_ref[0]: content-type is not an image'],
		['broken base64', { data: 'not base64!', media_type: 'image/png' }, 422, 'image_ref[0]: invalid base64 data'],
		['a data: URL instead of base64', { data: `data:image/png;base64,${PNG_BASE64}`, media_type: 'image/png' }, 422, 'image_ref[0]: invalid base64 data'],
		['plain http', { url: 'http://example.com/a.png' }, 422, 'image_ref[0]: failed to fetch URL'],
		['unreachable host', { url: 'https://unreachable.example.com/a.png' }, 422, 'image_ref[0]: failed to fetch URL'],
		['missing file', { url: 'https://missing.example.com/a.png' }, 422, 'image_ref[0]: failed to fetch URL (HTTP 404)'],
		['not an image', { url: 'https://not-image.example.com/page.html' }, 422, 'image_ref[0]: content-type is not an image'],
		['oversized image', { url: 'https://oversized.example.com/huge.png' }, 413, 'image_ref[0]: image exceeds 50 MB limit'],
	])('%s', async (_name, ref, status, message) => {
		await expectRejected(image(undefined, { image_ref: [ref] }), status, message);
	});

	test('the field path prefixes the message wherever the ref sits', async () => {
		await expectRejected({ ...image(), type: 'image_edit', source: { data: PNG_BASE64 } }, 400, "source: 'media_type' is required with 'data'");
		await expectRejected(image(undefined, { image_ref: [png, png, { data: 'x' }] }), 400, "image_ref[2]: 'media_type' is required with 'data'");
		await expectRejected(video({ video: { keyframes: [png, { url: 'https://unreachable.example.com/k.png' }], keyframe_indexes: [0, 60] } }), 422, 'video.keyframes[1]: failed to fetch URL');
		await expectRejected(video({ video: { start_frame: { data: '@@', media_type: 'image/png' } } }), 422, 'video.start_frame: invalid base64 data');
	});

	test('a video source URL needs a video media_type', async () => {
		const edit = { ...video(), type: 'video_edit' };
		await expectRejected({ ...edit, source: { url: 'https://example.com/in.mp4' } }, 400, DETAIL.refMediaTypeWithVideoUrl('source', 'video_edit'));
		await expectRejected({ ...edit, source: { url: 'https://example.com/in.mp4', media_type: 'image/png' } }, 400, DETAIL.refNotVideo('source', 'video_edit'));
		await expectAccepted({ ...edit, source: { url: 'https://example.com/in.mp4', media_type: 'video/mp4' } });
	});

	test('oversized inline media is 413 against the configured limit', async () => {
		h.sim.configure({ agents: { mediaLimits: { imageBytes: 16, videoBytes: 32 } } });
		try {
			await expectRejected(image(undefined, { image_ref: [png] }), 413, 'image_ref[0]: image exceeds 16 bytes limit');
			await expectRejected({ ...video(), type: 'video_edit', source: mp4 }, 413, 'source: video exceeds 32 bytes limit');
		} finally {
			h.sim.configure({ agents: { mediaLimits: { imageBytes: 50 * 1024 * 1024, videoBytes: 200 * 1024 * 1024 } } });
		}
	});

	test('URL ingestion down is 503; base64 still works', async () => {
		h.sim.configure({ agents: { urlIngestionDown: true } });
		try {
			await expectRejected(image(undefined, { image_ref: [{ url: 'https://example.com/a.png' }] }), 503, 'Image URL ingestion unavailable');
			await expectAccepted(image(undefined, { image_ref: [png] }));
		} finally {
			h.sim.configure({ agents: { urlIngestionDown: false } });
		}
	});
});

describe('generation_id references', () => {
	test('must be the caller\'s, completed, and of the right kind', async () => {
		const picture = await completed(image());
		const clip = await completed(video());
		const edit = (source: unknown) => ({ ...image('make it night'), type: 'image_edit', source });
		const videoEdit = (source: unknown) => ({ ...video(), type: 'video_edit', source });

		await expectAccepted(edit({ generation_id: picture }));
		await expectAccepted(videoEdit({ generation_id: clip }));
		await expectAccepted({ ...video(), type: 'video_reframe', aspect_ratio: '9:16', source: { generation_id: clip } });
		// Extending a video from its last frame.
		await expectAccepted(video({ video: { start_frame: { generation_id: clip } } }));

		await expectRejected(edit({ generation_id: clip }), 400, 'source: generation has no image output');
		await expectRejected(videoEdit({ generation_id: picture }), 400, 'source: generation has no video output');
		await expectRejected(video({ video: { start_frame: { generation_id: picture } } }), 400, 'video.start_frame: generation has no video output');
		await expectRejected(edit({ generation_id: '182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e' }), 400, 'source: generation not found');
		await expectRejected(video({ video: { start_frame: { generation_id: clip }, end_frame: png } }), 400, DETAIL.extensionWithSecondFrame);
		await expectRejected(video({ video: { start_frame: { generation_id: clip }, hdr: true } }), 400, DETAIL.extensionIsSdr);

		h.sim.configure({ agents: { timings: { queuedMs: 36_000_000 } } });
		try {
			const queued = await expectAccepted(image());
			await expectRejected(edit({ generation_id: queued.id }), 400, 'source: generation is not completed');
		} finally {
			h.sim.configure({ agents: { timings: { queuedMs: undefined } } });
		}
	});

	test('another client\'s generation cannot be referenced, polled or chained', async () => {
		const other = await startAgents({ ...open, keys: { [KEY]: { client: 'acme' }, 'luma-api-other': { client: 'globex' }, 'luma-api-acme-2': { client: 'acme' } } });
		try {
			const created = await other.api.post('/generations', image());
			const done = await waitForTerminal(other.api, created.body.id);
			const stranger = agentsClient(other.sim.agentsUrl, 'luma-api-other');
			expect((await stranger.get(`/generations/${done.id}`)).status).toBe(404);
			const chained = await stranger.post('/generations', { ...image(), type: 'image_edit', source: { generation_id: done.id } });
			expect(chained.body.detail).toBe('source: generation not found');
			// Keys of the same client share its generations.
			const colleague = agentsClient(other.sim.agentsUrl, 'luma-api-acme-2');
			expect((await colleague.get(`/generations/${done.id}`)).body.state).toBe('completed');
		} finally {
			await other.close();
		}
	});
});
