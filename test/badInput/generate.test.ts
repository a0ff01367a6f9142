/**
 * Bad input for the Luma Generate node's Dream Machine operations, one case per row (see
 * harness.ts for what each row proves: with Continue On Fail off the bad item alone stops the node
 * and nothing reaches the Dream Machine API; with it on, [good, bad, good] gives two results and one
 * error item, paired, and the bad item sent nothing). Rows are grouped by the class of mistake
 * (issue 14); every Dream Machine operation appears. Creates use "Don't Wait", so a good item sends
 * a fixed number of requests (its create, plus one look-up per previous generation it uses).
 *
 * `VIDEO` and `IMAGE` stand for a finished video and image generation made before the rows run.
 */
import type { IDataObject } from 'n8n-workflow';

import type { BadInputCase, BadInputSim } from './harness';
import { checkBadInput, restoreTimings, startBadInputSim, useFastTimings } from './harness';

const VIDEO = '<finished video>';
const IMAGE = '<finished image>';
const fixtures: Record<string, string> = {};
/** Finished images for Generation → Delete: each good item deletes one. */
const deletable: string[] = [];

let env: BadInputSim;

async function finished(path: string, body: IDataObject): Promise<string> {
	const headers = { authorization: 'Bearer test-key', 'content-type': 'application/json' };
	const created = (await (await fetch(`${env.sim.dreamMachineUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) })).json()) as IDataObject;
	for (;;) {
		const generation = (await (await fetch(`${env.sim.dreamMachineUrl}/generations/${String(created.id)}`, { headers })).json()) as IDataObject;
		if (generation.state === 'completed') return String(generation.id);
		if (generation.state === 'failed') throw new Error(`fixture generation failed: ${String(generation.failure_reason)}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

beforeAll(async () => {
	env = await startBadInputSim();
	// The rows create many generations in a row: Luma's own limits are not what is under test here.
	env.sim.configure({ dreamMachine: { limits: { video: { concurrent: 10_000, createsPerMinute: 10_000 }, image: { concurrent: 10_000, createsPerMinute: 10_000 } } } });
	fixtures[VIDEO] = await finished('/generations/video', { model: 'ray-2', prompt: 'a lighthouse in a storm' });
	fixtures[IMAGE] = await finished('/generations/image', { model: 'photon-1', prompt: 'a watercolor fox' });
	// Each Delete row uses five: one good item alone, two together, two around the bad one.
	for (let i = 0; i < 15; i++) deletable.push(await finished('/generations/image', { model: 'photon-flash-1', prompt: `a pebble number ${i}` }));
}, 60_000);
afterAll(async () => {
	await env.close();
	restoreTimings();
});
beforeEach(() => useFastTimings());

/** The rows name fixtures by placeholder; they exist only once beforeAll ran. */
function withFixtures<T>(value: T): T {
	if (typeof value === 'string') return (fixtures[value] ?? value) as T;
	if (Array.isArray(value)) return value.map(withFixtures) as T;
	if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, withFixtures(entry)])) as T;
	return value;
}

const value = '={{ $json.value }}';
const NO_WAIT = { waitForCompletion: 'none' };
const PUBLIC_IMAGE = 'https://cdn.example.com/a.jpg';
const PUBLIC_VIDEO = 'https://cdn.example.com/clip.mp4';
const url = (address: string) => ({ source: 'url', url: address });

const videoGenerate = (extra: IDataObject = {}) => ({ resource: 'video', operation: 'generate', prompt: 'a lighthouse in a storm', ...NO_WAIT, ...extra });
const extend = (extra: IDataObject = {}) => ({ resource: 'video', operation: 'extend', generationId: VIDEO, prompt: 'the storm clears', ...NO_WAIT, ...extra });
const reverseExtend = (extra: IDataObject = {}) => ({ resource: 'video', operation: 'reverseExtend', generationId: VIDEO, prompt: 'clouds gather', ...NO_WAIT, ...extra });
const interpolate = (extra: IDataObject = {}) => ({
	resource: 'video',
	operation: 'interpolate',
	start: { value: { source: 'generation', generationId: VIDEO } },
	end: { value: url(PUBLIC_IMAGE) },
	...NO_WAIT,
	...extra,
});
const modify = (extra: IDataObject = {}) => ({ resource: 'video', operation: 'modify', video: { value: url(PUBLIC_VIDEO) }, mode: 'flex_1', ...NO_WAIT, ...extra });
const videoReframe = (extra: IDataObject = {}) => ({ resource: 'video', operation: 'reframe', video: { value: url(PUBLIC_VIDEO) }, aspectRatio: '9:16', ...NO_WAIT, ...extra });
const upscale = (extra: IDataObject = {}) => ({ resource: 'video', operation: 'upscale', generationId: VIDEO, resolution: '1080p', ...NO_WAIT, ...extra });
const addAudio = (extra: IDataObject = {}) => ({ resource: 'video', operation: 'addAudio', generationId: VIDEO, prompt: 'waves and wind', ...NO_WAIT, ...extra });
const imageGenerate = (extra: IDataObject = {}) => ({ resource: 'image', operation: 'generate', prompt: 'a watercolor fox', ...NO_WAIT, ...extra });
const imageReframe = (extra: IDataObject = {}) => ({ resource: 'image', operation: 'reframe', image: { value: url(PUBLIC_IMAGE) }, aspectRatio: '21:9', ...NO_WAIT, ...extra });
const generationGet = (extra: IDataObject = {}) => ({ resource: 'generation', operation: 'get', generationId: IMAGE, ...extra });
const generationGetMany = (extra: IDataObject = {}) => ({ resource: 'generation', operation: 'getMany', limit: 2, ...extra });
const generationDelete = (extra: IDataObject = {}) => ({ resource: 'generation', operation: 'delete', ...extra });
const waitForCompletion = (extra: IDataObject = {}) => ({ resource: 'generation', operation: 'waitForCompletion', generationId: IMAGE, ...extra });
const concurrency = (settings: IDataObject) => ({ options: { concurrency: settings } });

type Row = [name: string, parameters: IDataObject, good: BadInputCase['good'], bad: IDataObject, message: RegExp | string];

const rows: Row[] = [
	// 1. An expression that returns nothing, for a field the item needs: the item fails, nothing is sent as "undefined".
	['Video → Generate: a Prompt expression that returns nothing (no keyframe)', videoGenerate({ prompt: value }), { value: 'a fox' }, {}, 'Prompt is required (the expression returned nothing)'],
	['Image → Generate: a Prompt expression that returns nothing', imageGenerate({ prompt: value }), { value: 'a fox' }, {}, 'Prompt is required (the expression returned nothing)'],
	['Video → Extend: a Prompt expression that returns an empty text', extend({ prompt: value }), { value: 'the storm clears' }, { value: '  ' }, 'Prompt is required (the expression returned nothing)'],
	['Video → Reverse Extend: a Video Generation ID expression that returns nothing', reverseExtend({ generationId: value }), { value: VIDEO }, {}, 'Video Generation ID is required (the expression returned nothing)'],
	['Video → Upscale: a Video Generation ID expression that returns null', upscale({ generationId: value }), { value: VIDEO }, { value: null }, 'Video Generation ID is required (the expression returned nothing)'],
	['Generation → Get: a Generation ID expression that returns nothing', generationGet({ generationId: value }), { value: IMAGE }, {}, 'Generation ID is required (the expression returned nothing)'],
	['Video → Generate: a Start Frame URL expression that returns nothing', videoGenerate({ keyframes: { frame0: url(value) } }), { value: PUBLIC_IMAGE }, {}, 'Start Frame URL is required (the expression returned nothing)'],
	['Video → Modify: a Video URL expression that returns nothing', modify({ video: { value: url(value) } }), { value: PUBLIC_VIDEO }, {}, 'Video URL is required (the expression returned nothing)'],
	['Image → Generate: an Image Reference URL expression that returns nothing', imageGenerate({ imageReferences: { values: [url(value)] } }), { value: PUBLIC_IMAGE }, {}, 'Image Reference 1 URL is required (the expression returned nothing)'],
	['Image → Reframe: an Aspect Ratio expression that returns nothing', imageReframe({ aspectRatio: value }), { value: '1:1' }, {}, 'Aspect Ratio is required (the expression returned nothing)'],
	['Video → Modify: a Mode expression that returns nothing', modify({ mode: value }), { value: 'adhere_2' }, {}, 'Mode is required (the expression returned nothing)'],
	['Video → Generate: a Duration expression that returns nothing (no silent Luma default)', videoGenerate({ duration: value }), { value: '9s' }, {}, 'Duration is required (the expression returned nothing)'],
	['Video → Generate: a Model expression that returns nothing', videoGenerate({ model: value }), { value: 'ray-flash-2' }, {}, 'Model is required (the expression returned nothing)'],

	// 2. Objects, lists and booleans where text belongs: refused with the field's name and what arrived, never stringified.
	['Video → Generate: a list as the Prompt (would be sent as "a cat,a dog")', videoGenerate({ prompt: value }), { value: 'a cat and a dog' }, { value: ['a cat', 'a dog'] }, 'Prompt must be text, got a list ["a cat","a dog"]'],
	['Image → Generate: an object as the Prompt', imageGenerate({ prompt: value }), { value: 'a fox' }, { value: { text: 'a fox' } }, /^Prompt must be text, got an object \{"text":"a fox"\}/],
	['Video → Reverse Extend: true as the Prompt', reverseExtend({ prompt: value }), { value: 'clouds gather' }, { value: true }, 'Prompt must be text, got true'],
	['Video → Add Audio: an object as the Negative Prompt', addAudio({ negativePrompt: value }), { value: 'music' }, { value: { avoid: 'music' } }, /^Negative Prompt must be text, got an object/],
	['Generation → Get: a list of IDs as the Generation ID', generationGet({ generationId: value }), { value: IMAGE }, { value: ['a', 'b'] }, 'Generation ID must be text, got a list ["a","b"]'],
	['Video → Interpolate: an object as the Start URL', interpolate({ start: { value: url(value) } }), { value: PUBLIC_IMAGE }, { value: { href: PUBLIC_IMAGE } }, /^Start URL must be text, got an object/],
	['Video → Extend: a list as the Callback URL', extend({ additionalFields: { callbackUrl: value } }), { value: 'https://n8n.example.com/webhook/done' }, { value: ['https://a.example.com'] }, /^Callback URL must be text, got a list/],
	['Image → Reframe: an object as the Custom Model', imageReframe({ model: 'custom', customModel: value }), { value: 'photon-flash-1' }, { value: { name: 'photon-1' } }, /^Custom Model must be text, got an object/],
	['Video → Generate: "yes" as Loop', videoGenerate({ additionalFields: { loop: value } }), { value: true }, { value: 'yes' }, 'Loop must be true or false, got "yes"'],
	['Image → Generate: the text "true" as Synchronous', imageGenerate({ additionalFields: { sync: value } }), { value: false }, { value: 'true' }, 'Synchronous must be true or false, got "true"'],
	['Video → Generate: an object as the Concepts', videoGenerate({ additionalFields: { concepts: value } }), { value: ['dolly_zoom'] }, { value: { key: 'dolly_zoom' } }, /^Concept Names or IDs must be concept keys such as dolly_zoom or handheld, got an object/],
	['Generation → Get Many: "yes" as Return All', generationGetMany({ returnAll: value }), { value: false }, { value: 'yes' }, 'Return All must be true or false, got "yes"'],
	['Generation → Wait for Completion: an object as the output field name', waitForCompletion({ options: { downloadResult: true, binaryPropertyName: value } }), { value: 'data' }, { value: { name: 'data' } }, /^Put Output File in Field must be text, got an object/],

	// 3. Numbers: whole where the API wants integers, inside their range, never a silent default.
	['Generation → Get Many: "abc" as Limit (returned nothing, no error)', generationGetMany({ limit: value }), { value: 2 }, { value: 'abc' }, 'Limit must be a number, got "abc"'],
	['Generation → Get Many: 0 as Limit', generationGetMany({ limit: value }), { value: 2 }, { value: 0 }, 'Limit must be at least 1, got 0'],
	['Generation → Get Many: 2.5 as Limit', generationGetMany({ limit: value }), { value: 2 }, { value: 2.5 }, 'Limit must be a whole number, got 2.5'],
	['Generation → Wait for Completion: -1 as Max Wait (became 30 minutes)', waitForCompletion({ options: { maxWaitMinutes: value } }), { value: 5 }, { value: -1 }, 'Max Wait (Minutes) must be at least 0, got -1'],
	['Generation → Wait for Completion: "abc" as Max Wait', waitForCompletion({ options: { maxWaitMinutes: value } }), { value: 5 }, { value: 'abc' }, 'Max Wait (Minutes) must be a number, got "abc"'],
	['Generation → Wait for Completion: a Max Wait beyond a week', waitForCompletion({ options: { maxWaitMinutes: value } }), { value: 5 }, { value: 1e12 }, 'Max Wait (Minutes) must be at most 10080'],
	['Image → Generate: 1.5 as an Image Reference Weight', imageGenerate({ imageReferences: { values: [{ ...url(PUBLIC_IMAGE), weight: value }] } }), { value: 0.5 }, { value: 1.5 }, 'Image Reference 1 Weight must be at most 1, got 1.5'],
	['Image → Generate: "strong" as the Style Reference Weight', imageGenerate({ styleReference: { value: { ...url(PUBLIC_IMAGE), weight: value } } }), { value: 0.7 }, { value: 'strong' }, 'Style Reference Weight must be a number, got "strong"'],
	['Image → Generate: -0.1 as the Image to Modify Weight', imageGenerate({ modifyImage: { value: { ...url(PUBLIC_IMAGE), weight: value } } }), { value: 0.05 }, { value: -0.1 }, 'Image to Modify Weight must be at least 0, got -0.1'],
	['Video → Reframe: 10.5 pixels as Grid Position X', videoReframe({ additionalFields: { gridPositionX: value } }), { value: 10 }, { value: 10.5 }, 'Grid Position X must be a whole number, got 10.5'],
	['Video → Reframe: -5 pixels as Resized Width', videoReframe({ additionalFields: { resizedWidth: value } }), { value: 720 }, { value: -5 }, 'Resized Width must be at least 0, got -5'],
	['Image → Reframe: "wide" as Crop X End', imageReframe({ additionalFields: { xEnd: value } }), { value: 400 }, { value: 'wide' }, 'Crop X End must be a number, got "wide"'],
	['Image → Generate: a Sync Timeout the transport cannot wait for', imageGenerate({ additionalFields: { sync: true, syncTimeout: value } }), { value: 20 }, { value: 90 }, 'Sync Timeout (Seconds) must be at most 50, got 90'],
	['Image → Generate: 0 as Sync Timeout', imageGenerate({ additionalFields: { sync: true, syncTimeout: value } }), { value: 20 }, { value: 0 }, 'Sync Timeout (Seconds) must be at least 1, got 0'],
	['Video → Generate: 2.5 as Max Concurrent Jobs', videoGenerate(concurrency({ maxConcurrentJobs: value })), { value: 3 }, { value: 2.5 }, 'Max Concurrent Jobs must be a whole number, got 2.5'],
	['Account → Get Credits: "abc" as Max Concurrent Requests', { resource: 'account', operation: 'getCredits', ...concurrency({ maxConcurrentRequests: value }) }, { value: 2 }, { value: 'abc' }, 'Max Concurrent Requests must be a number, got "abc"'],
	['Account → Check Connection: 0 as Max Concurrent Requests', { resource: 'account', operation: 'checkConnection', ...concurrency({ maxConcurrentRequests: value }) }, { value: 2 }, { value: 0 }, 'Max Concurrent Requests must be at least 1, got 0'],
	['Concept → List: -5 as Max Retry Wait', { resource: 'concept', operation: 'list', ...concurrency({ maxRetryWaitSeconds: value }) }, { value: 30 }, { value: -5 }, 'Max Retry Wait (Seconds) must be at least 0, got -5'],

	// 5. Option lists: closed lists are checked with the allowed values; open lists (resolution, duration) take any text.
	['Video → Generate: "2:1" as Aspect Ratio', videoGenerate({ aspectRatio: value }), { value: '9:16' }, { value: '2:1' }, 'Aspect Ratio must be one of: 16:9, 9:16, 1:1, 4:3, 3:4, 21:9, 9:21; got "2:1"'],
	['Video → Reframe: "16/9" as Aspect Ratio', videoReframe({ aspectRatio: value }), { value: '1:1' }, { value: '16/9' }, 'Aspect Ratio must be one of: 16:9, 9:16, 1:1, 4:3, 3:4, 21:9, 9:21; got "16/9"'],
	['Image → Generate: "gif" as Format', imageGenerate({ format: value }), { value: 'png' }, { value: 'gif' }, 'Format must be one of: jpg, png; got "gif"'],
	['Image → Reframe: "JPG" as Format (the list is exact)', imageReframe({ format: value }), { value: 'jpg' }, { value: 'JPG' }, 'Format must be one of: jpg, png; got "JPG"'],
	['Video → Modify: "flex_4" as Mode', modify({ mode: value }), { value: 'reimagine_3' }, { value: 'flex_4' }, /^Mode must be one of: adhere_1, .*reimagine_3; got "flex_4"$/],
	['Video → Generate: "file" as a keyframe Source', videoGenerate({ keyframes: { frame0: { source: value, url: PUBLIC_IMAGE } } }), { value: 'url' }, { value: 'file' }, 'Start Frame Source must be one of: url, generation; got "file"'],
	['Video → Generate: 720 (a number) as Resolution', videoGenerate({ resolution: value }), { value: '540p' }, { value: 720 }, 'Resolution must be one of 540p, 720p, 1080p, 4k (or a newer value Luma documents) as text, got 720'],
	['Video → Generate: 5 (a number) as Duration', videoGenerate({ duration: value }), { value: '5s' }, { value: 5 }, 'Duration must be one of 5s, 9s (or a newer value Luma documents) as text, got 5'],
	['Video → Upscale: true as Resolution', upscale({ resolution: value }), { value: '4k' }, { value: true }, 'Resolution must be text, got true'],

	// 8. The model set by an expression: the workflow runs (no "Custom Model is required" before any item) and each item's model is checked.
	['Video → Generate: Model by expression, "custom" without a Custom Model', videoGenerate({ model: value }), { value: 'ray-2' }, { value: 'custom' }, 'Custom Model is required'],
	['Video → Extend: Model by expression, an image model for a video', extend({ model: value }), { value: 'ray-flash-2' }, { value: 'photon-1' }, 'Model "photon-1" is an image (Photon) model; this operation needs a video (Ray) model such as ray-2, ray-flash-2'],
	['Image → Generate: Model by expression, a video model for an image', imageGenerate({ model: value }), { value: 'photon-flash-1' }, { value: 'ray-2' }, 'Model "ray-2" is a video (Ray) model'],
	['Video → Modify: Model by expression, not a model name', modify({ model: value }), { value: 'ray-2' }, { value: 'ray 2 please' }, 'Model is not a model name (letters, digits, ".", "-" and "_", e.g. ray-2): "ray 2 please"'],
	['Video → Reframe: Model by expression, an object', videoReframe({ model: value }), { value: 'ray-flash-2' }, { value: { id: 'ray-2' } }, /^Model must be text, got an object/],
	['Image → Reframe: Custom Model by expression that returns nothing', imageReframe({ model: 'custom', customModel: value }), { value: 'photon-1' }, {}, 'Custom Model is required (the expression returned nothing)'],

	// 9. URLs Luma must fetch or call that point at loopback, private or link-local addresses (without Allow Private Network URLs).
	['Video → Generate: a Start Frame at the cloud metadata address', videoGenerate({ keyframes: { frame0: url(value) } }), { value: PUBLIC_IMAGE }, { value: 'http://169.254.169.254/latest/meta-data/' }, 'Start Frame URL points at a private or local address (169.254.169.254)'],
	['Video → Generate: an End Frame on localhost', videoGenerate({ keyframes: { frame1: url(value) } }), { value: PUBLIC_IMAGE }, { value: 'http://localhost:8080/end.jpg' }, 'End Frame URL points at a private or local address (localhost)'],
	['Video → Interpolate: an End image on a 10.x address', interpolate({ end: { value: url(value) } }), { value: PUBLIC_IMAGE }, { value: 'http://10.0.0.7/end.jpg' }, 'End URL points at a private or local address (10.0.0.7)'],
	['Video → Modify: a Video on a 192.168.x address', modify({ video: { value: url(value) } }), { value: PUBLIC_VIDEO }, { value: 'http://192.168.1.20/clip.mp4' }, 'Video URL points at a private or local address (192.168.1.20)'],
	['Video → Modify: a First Frame on 127.0.0.1', modify({ firstFrame: { value: url(value) } }), { value: PUBLIC_IMAGE }, { value: 'https://127.0.0.1/frame.jpg' }, 'First Frame URL points at a private or local address (127.0.0.1)'],
	['Video → Reframe: a Video on a carrier-grade NAT address', videoReframe({ video: { value: url(value) } }), { value: PUBLIC_VIDEO }, { value: 'http://100.64.3.4/clip.mp4' }, 'Video URL points at a private or local address (100.64.3.4)'],
	['Image → Reframe: an Image on a .local host', imageReframe({ image: { value: url(value) } }), { value: PUBLIC_IMAGE }, { value: 'http://nas.local/photo.jpg' }, 'Image URL points at a private or local address (nas.local)'],
	['Image → Generate: an Image Reference on IPv6 loopback', imageGenerate({ imageReferences: { values: [url(value)] } }), { value: PUBLIC_IMAGE }, { value: 'http://[::1]/a.jpg' }, 'Image Reference 1 URL points at a private or local address ([::1])'],
	['Image → Generate: a Style Reference on a 172.16.x address', imageGenerate({ styleReference: { value: url(value) } }), { value: PUBLIC_IMAGE }, { value: 'http://172.16.5.5/style.jpg' }, 'Style Reference URL points at a private or local address (172.16.5.5)'],
	['Image → Generate: a Character Image on an .internal host', imageGenerate({ characterReference: { values: [url(PUBLIC_IMAGE), url(value)] } }), { value: PUBLIC_IMAGE }, { value: 'http://faces.internal/me.jpg' }, 'Character Image 2 URL points at a private or local address (faces.internal)'],
	['Image → Generate: an Image to Modify at 0.0.0.0', imageGenerate({ modifyImage: { value: url(value) } }), { value: PUBLIC_IMAGE }, { value: 'http://0.0.0.0/base.jpg' }, 'Image to Modify URL points at a private or local address (0.0.0.0)'],
	['Video → Upscale: a Callback URL on localhost', upscale({ additionalFields: { callbackUrl: value } }), { value: 'https://n8n.example.com/webhook/done' }, { value: 'http://localhost:5678/webhook/done' }, 'Callback URL points at a private or local address (localhost)'],
	['Video → Add Audio: a Callback URL on the metadata address', addAudio({ additionalFields: { callbackUrl: value } }), { value: 'https://n8n.example.com/webhook/done' }, { value: 'http://169.254.169.254/hook' }, 'Callback URL points at a private or local address (169.254.169.254)'],

	// What a field description cannot say (readers): ID forms, prompt lengths, URL forms, concept keys, keyframe rules.
	['Generation → Get: a Generation ID that is not one', generationGet({ generationId: value }), { value: IMAGE }, { value: 'undefined' }, 'Generation ID is not a Luma generation ID: "undefined"'],
	['Generation → Delete: an event ID as the Generation ID', generationDelete({ generationId: value }), () => ({ value: deletable.pop() }), { value: 'evt-abc123' }, 'Generation ID is not a Luma generation ID: "evt-abc123"'],
	['Generation → Delete: a Generation ID with junk after it', generationDelete({ generationId: value }), () => ({ value: deletable.pop() }), { value: '123e4567-e89b-12d3-a456-426614174000?x=1' }, 'Generation ID is not a Luma generation ID'],
	['Generation → Wait for Completion: a number as the Generation ID', waitForCompletion({ generationId: value }), { value: IMAGE }, { value: 42 }, 'Generation ID is not a Luma generation ID: "42"'],
	['Video → Interpolate: a Start Generation ID that is not one', interpolate({ start: { value: { source: 'generation', generationId: value } } }), { value: VIDEO }, { value: 'latest' }, 'Start Generation ID is not a Luma generation ID: "latest"'],
	['Video → Reverse Extend: a two-character Prompt', reverseExtend({ prompt: value }), { value: 'clouds gather' }, { value: 'ok' }, 'Prompt is too short: Luma needs at least 3 characters'],
	['Video → Add Audio: a Prompt over 5000 characters', addAudio({ prompt: value }), { value: 'rain on a tin roof' }, { value: 'x'.repeat(5001) }, 'Prompt is too long: 5001 characters, Luma allows 5000'],
	['Video → Generate: a keyframe URL that is not http(s)', videoGenerate({ keyframes: { frame0: url(value) } }), { value: PUBLIC_IMAGE }, { value: 'ftp://files.example.com/a.jpg' }, 'Start Frame URL must be an http(s) URL, got "ftp:"'],
	['Video → Generate: a Callback URL without a scheme', videoGenerate({ additionalFields: { callbackUrl: value } }), { value: 'https://n8n.example.com/webhook/done' }, { value: 'n8n.example.com/hook' }, 'Callback URL is not a valid URL: "n8n.example.com/hook"'],
	['Video → Generate: a concept key with a space', videoGenerate({ additionalFields: { concepts: value } }), { value: 'dolly_zoom, handheld' }, { value: ['dolly zoom'] }, 'Concept Names or IDs must be concept keys such as dolly_zoom or handheld, got "dolly zoom"'],
	['Video → Generate: Loop by expression with an end image', videoGenerate({ keyframes: { frame1: url(PUBLIC_IMAGE) }, additionalFields: { loop: value } }), { value: false }, { value: true }, 'Loop: Luma does not support Loop with an end image'],
];

const cases: BadInputCase[] = rows.map(([name, parameters, good, bad, message]) => ({ name, node: 'lumaGenerate', parameters, good, bad, message }));

describe('Luma Generate (Dream Machine): bad input never reaches Luma', () => {
	it.each(cases.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
		const good = testCase.good;
		await checkBadInput(env, {
			...testCase,
			parameters: withFixtures(testCase.parameters),
			good: typeof good === 'function' ? good : withFixtures(good),
			bad: withFixtures(testCase.bad),
		});
	});
});
