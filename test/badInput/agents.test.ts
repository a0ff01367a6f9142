/**
 * Bad input for Luma Generate on the Agents API, one row per mistake (see harness.ts for what each
 * row proves: the field is named, nothing reaches Luma, Continue On Fail keeps the good items).
 * Creates run with "Don't Wait" so one good item sends exactly one request.
 */
import type { IDataObject } from 'n8n-workflow';

import type { BadInputCase, BadInputSim } from './harness';
import { runWorkflow } from '../helpers/n8n';
import { until } from '../generate/helpers';
import { checkBadInput, NODE_NAME, restoreTimings, startBadInputSim, useFastTimings } from './harness';

let env: BadInputSim;
beforeAll(async () => {
	env = await startBadInputSim();
	// The rows run back to back: Luma's per-minute and job limits are not what they test.
	env.sim.agents.configure({ limits: { requestsPerMinute: 1_000_000, concurrentJobs: 1_000_000 } });
	// Files for the rows that read or delete one: uploaded straight to the simulator.
	for (const holder of fileHolders) holder.value = await uploadFile();
});
afterAll(async () => {
	await env.close();
	restoreTimings();
});
beforeEach(() => useFastTimings());

const PNG_HEADER = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

async function uploadFile(): Promise<string> {
	const form = new FormData();
	form.set('mime_type', 'image/png');
	form.set('size_bytes', String(PNG_HEADER.length));
	form.set('file', new Blob([PNG_HEADER], { type: 'image/png' }), 'row.png');
	const response = await fetch(`${env.sim.agentsUrl}/files`, { method: 'POST', headers: { authorization: 'Bearer luma-api-test-key' }, body: form });
	return String(((await response.json()) as IDataObject).id);
}

const fileHolders: IDataObject[] = [];
/** A `$json` whose value is a real file ID once beforeAll has run. */
function withFile(): IDataObject {
	const holder: IDataObject = { value: '' };
	fileHolders.push(holder);
	return holder;
}

const generationHolders: IDataObject[] = [];
/** A `$json` whose value is the ID of a completed generation of this kind once beforeAll has run. */
function withGeneration(kind: 'image' | 'video'): IDataObject {
	const holder: IDataObject = { value: '', kind };
	generationHolders.push(holder);
	return holder;
}

const agents = (parameters: IDataObject): IDataObject => ({ authentication: 'agentsApi', ...parameters });
const create = (resource: string, operation: string, parameters: IDataObject) => agents({ resource, operation, waitForCompletion: 'none', ...parameters });
const image = (parameters: IDataObject) => create('image', 'generate', { prompt: 'a lighthouse at dusk', ...parameters });
const edit = (parameters: IDataObject) =>
	create('image', 'edit', { prompt: 'rain', sourceImage: { value: { source: 'url', url: 'https://example.com/in.jpg' } }, ...parameters });
const layers = (parameters: IDataObject) => create('image', 'splitIntoLayers', { sourceImage: { value: { source: 'url', url: 'https://example.com/in.png' } }, ...parameters });
const video = (parameters: IDataObject) => create('video', 'generate', { prompt: 'waves', ...parameters });
const videoEdit = (parameters: IDataObject) =>
	create('video', 'edit', { prompt: 'snow', sourceVideo: { value: { source: 'url', url: 'https://example.com/in.mp4' } }, ...parameters });
const reframe = (parameters: IDataObject) =>
	create('video', 'reframe', { prompt: 'more sky', sourceVideo: { value: { source: 'url', url: 'https://example.com/in.mp4' } }, ...parameters });
const urls = (count: number) => ({ values: Array.from({ length: count }, (_, n) => ({ source: 'url', url: `https://example.com/${n}.jpg` })) });
const keyframes = (frames: unknown[]) => ({ values: frames.map((frame, n) => ({ source: 'url', url: `https://example.com/${n}.jpg`, frame })) });
const row = (name: string, parameters: IDataObject, good: IDataObject, bad: IDataObject, message: RegExp | string): BadInputCase => ({
	name,
	node: 'lumaGenerate',
	api: 'agents',
	parameters,
	good,
	bad,
	message,
});
const value = '={{ $json.value }}';

const cases: BadInputCase[] = [
	// Image → Generate
	row('Image → Generate: a Prompt expression that returns nothing', image({ prompt: value }), { value: 'a fox' }, {}, 'Prompt is required (the expression returned nothing)'),
	row('Image → Generate: an object as the Prompt', image({ prompt: value }), { value: 'a fox' }, { value: { text: 'a fox' } }, /^Prompt must be text, got an object/),
	row('Image → Generate: a Prompt of 6,001 characters', image({ prompt: value }), { value: 'a fox' }, { value: 'x'.repeat(6001) }, 'Prompt is too long: 6001 characters, Luma allows 6000'),
	row('Image → Generate: 4:3, which UNI-1 does not draw', image({ aspectRatio: value }), { value: '3:2' }, { value: '4:3' }, /^Aspect Ratio must be one of: .*got "4:3"/),
	row('Image → Generate: a video model for an image', image({ model: value }), { value: 'uni-1-max' }, { value: 'ray-3.2' }, 'Model "ray-3.2" does not fit this operation: it takes uni-1 or uni-1-max'),
	row('Video → Generate: an image model for a video', video({ model: value }), { value: 'ray-3.2' }, { value: 'uni-1' }, 'Model "uni-1" does not fit this operation: it takes ray-3.2'),
	row('Image → Split Into Layers: UNI-1 Max, which does not split images', layers({ model: value }), { value: 'uni-1' }, { value: 'uni-1-max' }, 'Model "uni-1-max" does not fit this operation: it takes uni-1'),
	row('Image → Generate: a model expression that returns nothing', image({ model: value }), { value: 'uni-1' }, {}, 'Model is required'),
	row('Image → Generate: Custom Model that resolves to nothing', image({ model: 'custom', customModel: value }), { value: 'uni-1' }, { value: ' ' }, 'Custom Model is required'),
	row('Image → Generate: Manga in landscape', image({ aspectRatio: value, additionalFields: { style: 'manga' } }), { value: '9:16' }, { value: '16:9' }, 'Style "Manga" needs a portrait aspect ratio (2:3, 9:16, 1:2, 1:3), got 16:9'),
	row(
		'Image → Generate: a reference URL on a private address',
		image({ imageReferences: { values: [{ source: 'url', url: value }] } }),
		{ value: 'https://example.com/a.jpg' },
		{ value: 'http://192.168.1.20/a.jpg' },
		'Image Reference 1 URL points at a private or local address (192.168.1.20)',
	),
	row(
		'Image → Generate: a reference URL that is plain http',
		image({ imageReferences: { values: [{ source: 'url', url: value }] } }),
		{ value: 'https://example.com/a.jpg' },
		{ value: 'http://example.com/a.jpg' },
		'Image Reference 1 URL must be an https:// URL',
	),
	row(
		'Image → Generate: a reference URL that is no URL',
		image({ imageReferences: { values: [{ source: 'url', url: value }] } }),
		{ value: 'https://example.com/a.jpg' },
		{ value: 'see the attachment' },
		'Image Reference 1 URL is not a valid URL',
	),
	row(
		'Image → Generate: a previous generation ID that is not an ID',
		image({ imageReferences: { values: [{ source: 'url', url: 'https://example.com/a.jpg' }, { source: value, url: 'https://example.com/b.jpg', generationId: 'last one' }] } }),
		{ value: 'url' },
		{ value: 'generation' },
		/^Image Reference 2 Generation ID is not a Luma generation ID/,
	),
	row(
		'Image → Generate: a reference from a binary field the item does not have',
		image({ imageReferences: { values: [{ source: value, url: 'https://example.com/a.jpg', binaryProperty: 'photo' }] } }),
		{ value: 'url' },
		{ value: 'binary' },
		'Image Reference 1 Input Binary Field: the input item has no binary field "photo"',
	),
	row('Image → Generate: an unknown reference source', image({ imageReferences: { values: [{ source: value, url: 'https://example.com/a.jpg' }] } }), { value: 'url' }, { value: 'dropbox' }, /^Image Reference 1 Source must be one of/),
	row('Image → Generate: a User ID of 257 characters', image({ options: { userId: value } }), { value: 'customer-4711' }, { value: 'u'.repeat(257) }, 'User ID is too long (257 characters, at most 256)'),
	row('Image → Generate: an unknown Output Format', image({ additionalFields: { outputFormat: value } }), { value: 'jpeg' }, { value: 'webp' }, /^Output Format must be one of/),
	// Image → Edit
	row('Image → Edit: a source image URL that resolves to nothing', edit({ sourceImage: { value: { source: 'url', url: value } } }), { value: 'https://example.com/in.jpg' }, {}, 'Source Image URL must be a URL, got nothing'),
	row(
		'Image → Edit: an uploaded file ID that is not an ID',
		edit({ sourceImage: { value: { source: 'file', fileId: value } } }),
		withFile(),
		{ value: 42 },
		'Source Image File ID must be a Luma file ID, got 42',
	),
	// Image → Split Into Layers
	row('Image → Split Into Layers: a prompt of 501 characters', layers({ prompt: value }), { value: 'keep the people apart' }, { value: 'x'.repeat(501) }, 'Prompt is too long: 501 characters, Luma allows 500'),
	row('Image → Split Into Layers: a 4K layer resolution', layers({ layerResolution: value }), { value: '2k' }, { value: '4k' }, /^Layer Resolution must be one of: 1k, 2k/),
	// Video → Generate
	row('Video → Generate: 3:1, an image-only ratio', video({ aspectRatio: value }), { value: '21:9' }, { value: '3:1' }, /^Aspect Ratio must be one of: .*got "3:1"/),
	row('Video → Generate: a 9 second duration', video({ duration: value }), { value: '10s' }, { value: '9s' }, /^Duration must be one of: 5s, 10s/),
	row('Video → Generate: a 4K resolution', video({ resolution: value }), { value: '1080p' }, { value: '4k' }, /^Resolution must be one of: 360p, 540p, 720p, 1080p/),
	row('Video → Generate: Loop for 10 seconds', video({ duration: value, additionalFields: { loop: true } }), { value: '5s' }, { value: '10s' }, 'Loop cannot be combined with a 10 second duration'),
	row('Video → Generate: Loop in HDR', video({ additionalFields: { loop: true, hdr: value } }), { value: false }, { value: true }, 'Loop cannot be combined with HDR'),
	row('Video → Generate: Loop with keyframes', video({ mode: value, keyframes: keyframes([0]), additionalFields: { loop: true } }), { value: 'text' }, { value: 'keyframes' }, 'Loop cannot be combined with keyframes'),
	row(
		'Video → Generate: Loop with an end frame',
		video({ mode: 'frames', endFrame: { value: { source: 'url', url: 'https://example.com/end.jpg' } }, additionalFields: { loop: value } }),
		{ value: false },
		{ value: true },
		'Loop cannot be combined with an end frame',
	),
	row('Video → Generate: HDR at 540p', video({ resolution: value, additionalFields: { hdr: true } }), { value: '720p' }, { value: '540p' }, 'HDR needs a resolution of 720p or 1080p, got 540p'),
	row('Video → Generate: EXR Export without HDR', video({ additionalFields: { hdr: value, exrExport: true } }), { value: true }, { value: false }, 'EXR Export needs HDR'),
	row(
		'Video → Generate: start frame for 10 seconds',
		video({ mode: 'frames', duration: value, startFrame: { value: { source: 'url', url: 'https://example.com/start.jpg' } } }),
		{ value: '5s' },
		{ value: '10s' },
		'Duration of 10 seconds is not available with start/end frames',
	),
	row('Video → Generate: start and end frames mode without either', video({ mode: value }), { value: 'text' }, { value: 'frames' }, 'Start Frame or End Frame is required'),
	row('Video → Generate: a keyframe past the end of a 5 second clip', video({ mode: 'keyframes', keyframes: keyframes([0, value]) }), { value: 120 }, { value: 121 }, 'Keyframe 2 Frame must be at most 120 (24 frames per second × 5 s), got 121'),
	row('Video → Generate: a keyframe past 240', video({ mode: 'keyframes', duration: '10s', keyframes: keyframes([value]) }), { value: 240 }, { value: 241 }, 'Keyframe 1 Frame must be at most 240, got 241'),
	row('Video → Generate: a keyframe between two frames', video({ mode: 'keyframes', keyframes: keyframes([value]) }), { value: 12 }, { value: 12.5 }, 'Keyframe 1 Frame must be a whole number, got 12.5'),
	row('Video → Generate: two keyframes on one frame', video({ mode: 'keyframes', keyframes: keyframes([24, value]) }), { value: 48 }, { value: 24 }, 'Keyframe 2 Frame repeats frame 24 of keyframe 1'),
	row('Video → Generate: extending something that is not a generation ID', video({ mode: 'extend', extendGenerationId: value, duration: '5s' }), withGeneration('video'), { value: 'the last video' }, /^Video Generation ID is not a Luma generation ID/),
	// Video → Edit
	row('Video → Edit: an unknown strength', videoEdit({ controlMode: 'manual', strength: value }), { value: 'reimagine_3' }, { value: 'adhere_4' }, /^Strength must be one of/),
	row('Video → Edit: a depth blur above 1', videoEdit({ controlMode: 'manual', controls: { depthBlur: value } }), { value: 0.4 }, { value: 1.5 }, 'Depth Blur must be at most 1, got 1.5'),
	row(
		'Video → Edit: an image URL as the source video',
		videoEdit({ sourceVideo: { value: { source: 'url', url: value } } }),
		{ value: 'https://example.com/clip.webm' },
		{ value: 'https://example.com/still.png' },
		'Source Video URL points at an image (.png), but this input takes a video',
	),
	row(
		'Video → Edit: a guide keyframe before the first frame',
		videoEdit({ guideKeyframes: { values: [{ source: 'url', url: 'https://example.com/g.jpg', frame: value }] } }),
		{ value: 30 },
		{ value: -1 },
		'Guide Keyframe 1 Source Frame must be at least 0, got -1',
	),
	row('Video → Edit: HDR at 360p', videoEdit({ resolution: value, additionalFields: { hdr: true } }), { value: '1080p' }, { value: '360p' }, 'HDR needs a resolution of 720p or 1080p, got 360p'),
	// Video → Reframe
	row('Video → Reframe: 1080p for a vertical target', reframe({ aspectRatio: '9:16', resolution: value }), { value: '720p' }, { value: '1080p' }, 'Resolution 1080p is not available for a vertical target (9:16)'),
	row('Video → Reframe: a 2:1 target', reframe({ aspectRatio: value }), { value: '4:3' }, { value: '2:1' }, /^Target Aspect Ratio must be one of/),
	row(
		'Video → Reframe: a source position of zero width',
		reframe({ sourcePosition: { value: { x: 0, y: 0, width: value, height: 1 } } }),
		{ value: 0.5 },
		{ value: 0 },
		'Source Position Width must be more than 0 and at most 2',
	),
	row(
		'Video → Reframe: a source position three canvases wide',
		reframe({ sourcePosition: { value: { x: 0, y: 0, width: value, height: 1 } } }),
		{ value: 2 },
		{ value: 3 },
		'Source Position Width must be at most 2, got 3',
	),
	// Generation and File
	row('Generation → Get: a Generation ID that is not one', agents({ resource: 'generation', operation: 'get', generationId: value }), withGeneration('image'), { value: 'gen-123' }, /^Generation ID is not a Luma generation ID/),
	row('File → Get: a File ID that is not one', agents({ resource: 'file', operation: 'get', fileId: value }), withFile(), { value: 'file.png' }, /^File ID is not a Luma file ID/),
	row('File → Delete: a File ID that is not one', agents({ resource: 'file', operation: 'delete', fileId: value }), withFile(), { value: '' }, 'File ID is required (the expression returned nothing)'),
	row('File → Get Many: a limit of 0', agents({ resource: 'file', operation: 'getMany', returnAll: false, limit: value }), { value: 1 }, { value: 0 }, 'Limit must be at least 1, got 0'),
	row('File → Get Many: an unknown state filter', agents({ resource: 'file', operation: 'getMany', returnAll: false, limit: 1, filters: { state: value } }), { value: 'ready' }, { value: 'archived' }, /^State must be one of/),
];

beforeAll(async () => {
	for (const holder of generationHolders) {
		const video = holder.kind === 'video';
		const response = await fetch(`${env.sim.agentsUrl}/generations`, {
			method: 'POST',
			headers: { authorization: 'Bearer luma-api-test-key', 'content-type': 'application/json' },
			body: JSON.stringify({ prompt: 'a row', type: video ? 'video' : 'image', model: video ? 'ray-3.2' : 'uni-1' }),
		});
		const id = String(((await response.json()) as IDataObject).id);
		await until(() => env.sim.agents.generations.get(id)?.state === 'completed');
		holder.value = id;
		delete holder.kind;
	}
});

describe('Luma Generate on the Agents API: bad input never reaches Luma', () => {
	it('has at least 30 rows', () => expect(cases.length).toBeGreaterThanOrEqual(30));
	it.each(cases.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
		await checkBadInput(env, testCase);
	});
});

/**
 * Limits on how many entries a list takes: n8n gives a list field no expression (it keeps lists as
 * entered), so these are entered lists, refused before anything is sent.
 */
describe('lists longer than Luma takes are refused before anything is sent', () => {
	const refused: Array<[string, IDataObject, string]> = [
		['Image → Generate: ten image references', image({ imageReferences: urls(10) }), 'Image References takes at most 9 images, got 10'],
		['Image → Edit: nine references (the source takes a slot)', edit({ imageReferences: urls(9) }), 'Image References takes at most 8 images, got 9'],
		['Image → Edit: no source image', edit({ sourceImage: {} }), 'Source Image is required'],
		['Video → Generate: 65 keyframes', video({ mode: 'keyframes', duration: '10s', keyframes: keyframes(Array.from({ length: 65 }, (_, n) => n)) }), 'Keyframes takes at most 64 keyframes, got 65'],
		['Video → Generate: Keyframes mode without keyframes', video({ mode: 'keyframes' }), 'Keyframes needs at least one keyframe'],
		['Video → Edit: 65 guide keyframes', videoEdit({ guideKeyframes: keyframes(Array.from({ length: 65 }, (_, n) => n)) }), 'Guide Keyframes takes at most 64 keyframes, got 65'],
	];
	it.each(refused)('%s', async (_name, parameters, message) => {
		env.sim.resetStats();
		const result = await runWorkflow({ nodes: [{ name: NODE_NAME.lumaGenerate, type: 'lumaGenerate', parameters }], credentials: env.credentials() });
		expect(result.error(NODE_NAME.lumaGenerate)?.message).toContain(message);
		expect(env.sim.requestLog.filter((entry) => entry.api === 'agents')).toEqual([]);
	});
});
