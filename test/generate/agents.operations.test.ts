/**
 * Every operation of Luma Generate on the Agents API, through a real n8n execution against the
 * simulator: what the node sends (the create bodies the simulator logged), what it outputs (the
 * Generation as Luma returns it, its files as binary data), and, at the end, that every Agents
 * endpoint and every generation type was reached through the node.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { OUTPUT_BYTES, type AgentsEndpoint } from '../simulator/agents';
import { GENERATION_TYPES } from '../simulator/agents/wire';
import { mp4Item, pngItem, runAgents, useAgentsSim } from './agentsHelpers';

// The counters are never reset: the coverage test at the end reads what the whole file reached.
const env = useAgentsSim({}, { resetStats: false });

/** Bodies of the creates the simulator accepted or refused, oldest first. */
function createBodies(): IDataObject[] {
	return env.sim.requestLog
		.filter((entry) => entry.api === 'agents' && entry.method === 'POST' && entry.path === '/agents/v1/generations')
		.map((entry) => entry.body as IDataObject);
}
const lastCreate = () => createBodies().at(-1)!;

async function image(prompt = 'a lighthouse at dusk'): Promise<INodeExecutionData> {
	const [item] = await runAgents(env, { resource: 'image', operation: 'generate', prompt, aspectRatio: '16:9' });
	return item;
}

async function video(prompt = 'waves against the cliff'): Promise<INodeExecutionData> {
	const [item] = await runAgents(env, { resource: 'video', operation: 'generate', prompt });
	return item;
}

async function uploaded(): Promise<string> {
	const [file] = await runAgents(env, { resource: 'file', operation: 'upload' }, { input: [pngItem()] });
	return String(file.json.id);
}

const ref = (entry: IDataObject) => ({ value: entry });

describe('Image', () => {
	test('Generate: a UNI-1 image from text, downloaded as binary data at once', async () => {
		const item = await image();
		expect(item.json).toMatchObject({ type: 'image', model: 'uni-1', state: 'completed' });
		expect(item.binary?.image).toMatchObject({ mimeType: 'image/png', fileName: `${item.json.id}.png` });
		expect(Buffer.from(item.binary!.image.data, 'base64')).toEqual(OUTPUT_BYTES.png);
		const body = lastCreate();
		expect(body).toEqual({ type: 'image', model: 'uni-1', prompt: 'a lighthouse at dusk', aspect_ratio: '16:9', user_id: expect.stringMatching(/^n8n-[0-9a-f]{16}-item-0$/) });
	});

	test('Generate: references of every kind (URL, previous generation, uploaded file, binary field), manga, PNG, web search', async () => {
		const previous = await image('a red fox');
		const fileId = await uploaded();
		const [item] = await runAgents(
			env,
			{
				resource: 'image',
				operation: 'generate',
				model: 'uni-1-max',
				prompt: 'a fox in the style of the references',
				aspectRatio: '9:16',
				imageReferences: {
					values: [
						{ source: 'url', url: 'https://example.com/style.jpg' },
						{ source: 'generation', generationId: '={{ $json.previous }}' },
						{ source: 'file', fileId },
						{ source: 'binary', binaryProperty: 'data' },
					],
				},
				additionalFields: { style: 'manga', outputFormat: 'png', webSearch: true },
			},
			{ input: [pngItem({ previous: previous.json.id })] },
		);
		expect(item.json).toMatchObject({ model: 'uni-1-max', state: 'completed' });
		const body = lastCreate();
		expect(body).toMatchObject({ type: 'image', model: 'uni-1-max', aspect_ratio: '9:16', style: 'manga', output_format: 'png', web_search: true });
		const refs = body.image_ref as IDataObject[];
		expect(refs).toHaveLength(4);
		expect(refs[0]).toEqual({ url: 'https://example.com/style.jpg' });
		// A previous image is passed on by its (fresh) output URL: Luma documents generation_id only for edits and extensions.
		expect(String(refs[1].url)).toContain(`/assets/${previous.json.id}/0.png`);
		expect(refs[2]).toEqual({ file_id: fileId });
		// A small image rides inline: no upload.
		expect(refs[3]).toEqual({ data: OUTPUT_BYTES.png.toString('base64'), media_type: 'image/png' });
	});

	test('"Let the Model Choose" sends no aspect ratio; Options → User ID replaces the derived tag', async () => {
		await runAgents(env, { resource: 'image', operation: 'generate', prompt: 'a cat', aspectRatio: 'auto', options: { userId: 'customer-4711' } });
		const body = lastCreate();
		expect(body).not.toHaveProperty('aspect_ratio');
		expect(body.user_id).toBe('customer-4711');
	});

	test('Edit: a source larger than the inline limit is uploaded (multipart), waited for, and sent by file ID; the previous image chains by ID', async () => {
		const previous = await image('a street');
		const large = Buffer.concat([OUTPUT_BYTES.png, Buffer.alloc(5 * 1024 * 1024)]);
		const filesBefore = env.sim.agents.stats.files.created;
		const [item] = await runAgents(
			env,
			{
				resource: 'image',
				operation: 'edit',
				prompt: 'make it a rainy night',
				sourceImage: ref({ source: 'binary', binaryProperty: 'photo' }),
				imageReferences: { values: [{ source: 'generation', generationId: String(previous.json.id) }] },
			},
			{ input: [{ json: {}, binary: { photo: { data: large.toString('base64'), mimeType: 'image/png', fileName: 'street.png' } } }] },
		);
		expect(item.json).toMatchObject({ type: 'image_edit', state: 'completed' });
		expect(item.binary?.image.mimeType).toBe('image/png');
		expect(env.sim.agents.stats.files.created - filesBefore).toBe(1);
		const upload = env.sim.agents.uploadedFiles.at(-1)!;
		expect(upload).toMatchObject({ filename: 'street.png', mime_type: 'image/png', size_bytes: large.length, purpose: 'input', state: 'ready' });
		expect(upload.expires_at).not.toBeNull();
		const body = lastCreate();
		expect(body.source).toEqual({ file_id: upload.id });
		expect(body).not.toHaveProperty('aspect_ratio');

		await runAgents(env, { resource: 'image', operation: 'edit', prompt: 'now in snow', sourceImage: ref({ source: 'generation', generationId: String(item.json.id) }) });
		expect(lastCreate().source).toEqual({ generation_id: item.json.id });
	});

	test('Split Into Layers: every layer is its own binary field, listed with its label and bounds', async () => {
		const previous = await image('two people on a beach');
		const [item] = await runAgents(env, {
			resource: 'image',
			operation: 'splitIntoLayers',
			sourceImage: ref({ source: 'generation', generationId: String(previous.json.id) }),
			layerResolution: '2k',
		});
		expect(item.json).toMatchObject({ type: 'layering', state: 'completed' });
		const body = lastCreate();
		expect(body).toMatchObject({ type: 'layering', model: 'uni-1', layering: { resolution: '2k' }, prompt: 'Split the image into its layers' });
		expect(String((body.source as IDataObject).url)).toContain(`/assets/${previous.json.id}/`);
		const layers = item.json.layers as IDataObject[];
		expect(layers.map((layer) => layer.binaryProperty)).toEqual(['layer_0', 'layer_1', 'layer_2']);
		expect(layers.map((layer) => layer.label)).toEqual(['subject', 'foreground object', 'background']);
		expect(layers[2].bounds).toEqual({ x: 0, y: 0, width: 2048, height: 1152, canvas_width: 2048, canvas_height: 1152 });
		expect(Object.keys(item.binary ?? {}).sort()).toEqual(['layer_0', 'layer_1', 'layer_2']);
		expect(item.binary?.layer_2.fileName).toBe(`${item.json.id}_2_background.png`);
	});
});

describe('Video', () => {
	test('Generate from text: Ray 3.2, 5 s 720p 16:9 by default, the MP4 as binary data', async () => {
		const item = await video();
		expect(item.json).toMatchObject({ type: 'video', model: 'ray-3.2', state: 'completed' });
		expect(item.binary?.video).toMatchObject({ mimeType: 'video/mp4', fileName: `${item.json.id}.mp4` });
		expect(lastCreate()).toMatchObject({ type: 'video', model: 'ray-3.2', aspect_ratio: '16:9', video: { duration: '5s', resolution: '720p' } });
	});

	test('Generate from a start frame: {{ $json.id }} of a UNI-1 image is the start frame (its output URL), an end frame by URL', async () => {
		const still = await image();
		const [item] = await runAgents(
			env,
			{
				resource: 'video',
				operation: 'generate',
				prompt: 'the light turns',
				mode: 'frames',
				startFrame: ref({ source: 'generation', generationId: '={{ $json.id }}' }),
				endFrame: ref({ source: 'url', url: 'https://example.com/end.png' }),
			},
			{ input: [still.json] },
		);
		expect(item.json.state).toBe('completed');
		const { video: options } = lastCreate() as { video: IDataObject };
		expect(String((options.start_frame as IDataObject).url)).toContain(`/assets/${still.json.id}/0.png`);
		expect(options.end_frame).toEqual({ url: 'https://example.com/end.png' });
	});

	test('Generate by extending a previous video, forward (start_frame) and backward (end_frame), by its ID', async () => {
		const clip = await video();
		await runAgents(env, { resource: 'video', operation: 'generate', prompt: 'what happens next', mode: 'extend', extendGenerationId: String(clip.json.id) });
		expect((lastCreate().video as IDataObject).start_frame).toEqual({ generation_id: clip.json.id });
		await runAgents(env, {
			resource: 'video',
			operation: 'generate',
			prompt: 'what happened before',
			mode: 'extend',
			extendGenerationId: String(clip.json.id),
			extendDirection: 'backward',
		});
		expect((lastCreate().video as IDataObject).end_frame).toEqual({ generation_id: clip.json.id });
	});

	test('Generate with keyframes on the 24 fps grid (10 s), in HDR with an EXR export: both files as binary data', async () => {
		const [item] = await runAgents(
			env,
			{
				resource: 'video',
				operation: 'generate',
				prompt: 'a day passes',
				mode: 'keyframes',
				keyframes: {
					values: [
						{ source: 'url', url: 'https://example.com/morning.jpg', frame: 0 },
						{ source: 'binary', binaryProperty: 'data', frame: 240 },
					],
				},
				duration: '10s',
				resolution: '1080p',
				additionalFields: { hdr: true, exrExport: true },
			},
			{ input: [pngItem()] },
		);
		const { video: options } = lastCreate() as { video: IDataObject };
		expect(options).toMatchObject({ duration: '10s', resolution: '1080p', hdr: true, exr_export: true, keyframe_indexes: [0, 240] });
		expect((options.keyframes as IDataObject[])[0]).toEqual({ url: 'https://example.com/morning.jpg' });
		expect((options.keyframes as IDataObject[])[1]).toMatchObject({ media_type: 'image/png' });
		expect(item.binary?.video.mimeType).toBe('video/mp4');
		expect(item.binary?.exr).toMatchObject({ mimeType: 'image/x-exr', fileName: `${item.json.id}_exr.exr` });
	});

	test('Edit: a Ray 3.2 video is the source by its ID; automatic controls', async () => {
		const clip = await video();
		const [item] = await runAgents(env, {
			resource: 'video',
			operation: 'edit',
			prompt: 'watercolor',
			sourceVideo: ref({ source: 'generation', generationId: String(clip.json.id) }),
		});
		expect(item.json).toMatchObject({ type: 'video_edit', state: 'completed' });
		expect(item.binary?.video.mimeType).toBe('video/mp4');
		expect(lastCreate()).toMatchObject({ type: 'video_edit', source: { generation_id: clip.json.id }, video: { resolution: '720p', edit: { auto_controls: true } } });
	});

	test('Edit: a video from a binary field is uploaded; manual strength, controls and guide keyframes', async () => {
		const [item] = await runAgents(
			env,
			{
				resource: 'video',
				operation: 'edit',
				prompt: 'snow everywhere',
				sourceVideo: ref({ source: 'binary', binaryProperty: 'clip' }),
				controlMode: 'manual',
				strength: 'adhere_2',
				controls: { depth: true, depthBlur: 0.3, face: false, poseStrength: 'coarse' },
				guideKeyframes: { values: [{ source: 'binary', binaryProperty: 'data', frame: 12 }] },
			},
			{ input: [{ ...pngItem(), binary: { ...pngItem().binary, ...mp4Item({}, 'clip').binary } }] },
		);
		expect(item.json.state).toBe('completed');
		const file = env.sim.agents.uploadedFiles.at(-1)!;
		expect(file).toMatchObject({ mime_type: 'video/mp4', state: 'ready' });
		const body = lastCreate();
		expect(body.source).toEqual({ file_id: file.id });
		expect((body.video as IDataObject).edit).toEqual({
			strength: 'adhere_2',
			controls: { depth: { enabled: true, blur: 0.3 }, face: { enabled: false }, pose: { strength: 'coarse' } },
			keyframes: [{ data: OUTPUT_BYTES.png.toString('base64'), media_type: 'image/png' }],
			keyframe_indexes: [12],
		});
	});

	test('Reframe to 9:16 with a source position; a video URL carries its media type', async () => {
		const [item] = await runAgents(env, {
			resource: 'video',
			operation: 'reframe',
			prompt: 'more sky above',
			sourceVideo: ref({ source: 'url', url: 'https://example.com/surf.mov' }),
			aspectRatio: '9:16',
			sourcePosition: { value: { x: 0, y: 0.25, width: 1, height: 0.5 } },
		});
		expect(item.json).toMatchObject({ type: 'video_reframe', state: 'completed' });
		expect(lastCreate()).toMatchObject({
			type: 'video_reframe',
			aspect_ratio: '9:16',
			source: { url: 'https://example.com/surf.mov', media_type: 'video/quicktime' },
			video: { resolution: '720p', source_position: { x_norm: 0, y_norm: 0.25, w_norm: 1, h_norm: 0.5 } },
		});
	});
});

describe('Generation', () => {
	test("Don't Wait outputs the queued Generation; Wait for Completion outputs the same shape as Poll, files included", async () => {
		const [queued] = await runAgents(env, { resource: 'image', operation: 'generate', prompt: 'a kite', waitForCompletion: 'none' });
		expect(queued.json).toMatchObject({ state: 'queued', output: [] });
		expect(queued.binary).toBeUndefined();
		const [got] = await runAgents(env, { resource: 'generation', operation: 'get', generationId: '={{ $json.id }}' }, { input: [queued.json] });
		expect(got.json.id).toBe(queued.json.id);
		const [done] = await runAgents(env, { resource: 'generation', operation: 'waitForCompletion', generationId: '={{ $json.id }}' }, { input: [queued.json] });
		expect(done.json).toMatchObject({ id: queued.json.id, state: 'completed', type: 'image' });
		expect(Object.keys(done.json).sort()).toEqual(Object.keys(queued.json).sort());
		expect(done.binary?.image.mimeType).toBe('image/png');
	});

	test('Wait for Completion of a layering job puts every layer in its own field', async () => {
		const still = await image();
		const [queued] = await runAgents(env, {
			resource: 'image',
			operation: 'splitIntoLayers',
			sourceImage: ref({ source: 'generation', generationId: String(still.json.id) }),
			waitForCompletion: 'none',
		});
		const [done] = await runAgents(env, { resource: 'generation', operation: 'waitForCompletion', generationId: String(queued.json.id) });
		expect(Object.keys(done.binary ?? {}).sort()).toEqual(['layer_0', 'layer_1', 'layer_2']);
	});
});

describe('File', () => {
	test('Upload (multipart, waits until ready), Get, Get Many, Delete', async () => {
		const [file] = await runAgents(env, { resource: 'file', operation: 'upload', purpose: 'reference' }, { input: [pngItem({}, 'data', 'logo.png')] });
		expect(file.json).toMatchObject({ state: 'ready', purpose: 'reference', filename: 'logo.png', mime_type: 'image/png', size_bytes: OUTPUT_BYTES.png.length });
		const [got] = await runAgents(env, { resource: 'file', operation: 'get', fileId: String(file.json.id) });
		expect(got.json).toMatchObject({ id: file.json.id, state: 'ready' });
		const all = await runAgents(env, { resource: 'file', operation: 'getMany', returnAll: true, filters: { purpose: 'reference' } });
		expect(all.map((entry) => entry.json.id)).toContain(file.json.id);
		expect(all.every((entry) => entry.json.purpose === 'reference')).toBe(true);
		expect(await runAgents(env, { resource: 'file', operation: 'getMany', returnAll: false, limit: 1 })).toHaveLength(1);
		const [deleted] = await runAgents(env, { resource: 'file', operation: 'delete', fileId: String(file.json.id) });
		expect(deleted.json).toEqual({ id: file.json.id, deleted: true });
		const [after] = await runAgents(env, { resource: 'file', operation: 'get', fileId: String(file.json.id) });
		expect(after.json.state).toBe('deleted');
	});

	test('Upload of a file above the inline size: presigned PUT, then complete', async () => {
		const big = Buffer.concat([OUTPUT_BYTES.mp4, Buffer.alloc(11 * 1024 * 1024)]);
		const before = env.sim.agents.stats.requests;
		const [file] = await runAgents(env, { resource: 'file', operation: 'upload' }, { input: [{ json: {}, binary: { data: { data: big.toString('base64'), mimeType: 'video/mp4', fileName: 'long.mp4' } } }] });
		expect(file.json).toMatchObject({ state: 'ready', size_bytes: big.length, mime_type: 'video/mp4' });
		const after = env.sim.agents.stats.requests;
		expect(after['PUT upload'] - before['PUT upload']).toBe(1);
		expect(after['POST /files/{id}/complete'] - before['POST /files/{id}/complete']).toBe(1);
	});

	test('Luma refusing a multipart upload as too large (413) falls back to the presigned upload', async () => {
		env.sim.agents.configure({ mediaLimits: { inlineUploadBytes: 16 } });
		try {
			const before = env.sim.agents.stats.requests;
			const [file] = await runAgents(env, { resource: 'file', operation: 'upload', options: { waitUntilReady: false } }, { input: [pngItem()] });
			expect(file.json.state).toBe('pending');
			const after = env.sim.agents.stats.requests;
			expect(after['POST /files'] - before['POST /files']).toBe(2);
			expect(after['PUT upload'] - before['PUT upload']).toBe(1);
		} finally {
			env.sim.agents.configure({ mediaLimits: { inlineUploadBytes: 20 * 1024 * 1024 } });
		}
	});
});

describe('coverage', () => {
	test('every Agents endpoint and every generation type was reached through the node', () => {
		const { requests, createsByType } = env.sim.agents.stats;
		const endpoints = (Object.keys(requests) as AgentsEndpoint[]).filter((endpoint) => endpoint !== 'other');
		expect(endpoints.filter((endpoint) => requests[endpoint] === 0)).toEqual([]);
		expect(GENERATION_TYPES.filter((type) => createsByType[type] === 0)).toEqual([]);
	});
});
