/**
 * `POST /generations` the way the Agents API judges it: the body schema first (422, FastAPI's array
 * `detail`), then the business rules in one fixed order (400 with Luma's `detail` texts), then the
 * media itself (422 unreadable, 413 too large, 503 URL ingestion down; 400 for generation and file
 * references that cannot be used). Sources: https://github.com/lumalabs/luma-agents-typescript
 * `src/resources/generations.ts` (field docs), https://docs.agents.lumalabs.ai/guides/error-handling/.
 *
 * Inputs are not downloaded: a URL counts as fetched unless its host carries a marker (URL_HOST_MARKERS)
 * or it is one of the simulator's own presigned URLs, which are checked for real (an expired output
 * URL fails as it would at Luma). Inline data is decoded and sniffed.
 */
import type { SignatureCheck } from './presign';
import { decodeBase64, isSupportedMimeType, kindOfMimeType, sniffKind, type MediaKind, type OutputExtension } from './media';
import { priceInMicros, type PricedRequest } from './pricing';
import { detail, FieldReader, locPath, objectAt, readUserId, type JsonObject, type ValidationIssue } from './fields';
import type { SimResponse } from '../types';
import {
	DETAIL,
	FRAMES_PER_SECOND,
	GENERATION_TYPES,
	IMAGE_ASPECT_RATIOS,
	IMAGE_TYPES,
	LAYERING_RESOLUTIONS,
	MANGA_ASPECT_RATIOS,
	MAX_IMAGE_REFS,
	MAX_KEYFRAMES,
	MAX_LAYERING_PROMPT_LENGTH,
	MAX_PROMPT_LENGTH,
	MODELS,
	MODELS_BY_TYPE,
	OUTPUT_FORMATS,
	POSE_STRENGTHS,
	STYLES,
	VIDEO_ASPECT_RATIOS,
	VIDEO_DURATIONS,
	VIDEO_EDIT_STRENGTHS,
	VIDEO_RESOLUTIONS,
	VIDEO_TYPES,
	type FailureCode,
	type FileState,
	type GenerationLayer,
	type GenerationState,
	type GenerationType,
	type LayeringResolution,
	type Model,
	type VideoDuration,
	type VideoResolution,
} from './wire';

/** Markers in an input URL's host name and what Luma's fetch proxy would answer. */
export const URL_HOST_MARKERS = {
	unreachable: '422 `<field>: failed to fetch URL`',
	missing: '422 `<field>: failed to fetch URL (HTTP 404)`',
	'not-image': '422 `<field>: content-type is not an image` (image positions)',
	oversized: '413 `<field>: image exceeds 50 MB limit` (or video / the configured limit)',
} as const;

export interface ImageRefInput {
	path: string;
	url?: string;
	data?: string;
	mediaType?: string;
	generationId?: string;
	fileId?: string;
}

/** What a position accepts; `frame` is an image, or a video generation to extend. */
type Expect = 'image' | 'video' | 'frame';

export interface ReferencedGeneration {
	state: GenerationState;
	kind: MediaKind;
}

export interface ReferencedFile {
	state: FileState;
	mimeType: string;
	sizeBytes: number;
}

export interface ParseContext {
	/** The caller's generation (undefined for unknown ids and other clients' ones). */
	findGeneration(id: string): ReferencedGeneration | undefined;
	/** The caller's file, deleted ones included. */
	findFile(id: string): ReferencedFile | undefined;
	/** For the simulator's own presigned output URLs: the signature check and the media behind it. */
	ownAsset(url: URL): { check: SignatureCheck; kind: MediaKind | undefined } | undefined;
	imageBytes: number;
	videoBytes: number;
	hdrAccess: boolean;
	urlIngestionDown: boolean;
	layerCount: number;
}

export interface OutputSpec {
	type: 'image' | 'video' | 'exr';
	extension: OutputExtension;
	layer?: GenerationLayer;
}

export interface GenerationPlan {
	type: GenerationType;
	model: Model;
	prompt: string;
	outputs: OutputSpec[];
	costMicros: number;
	/** A problem with the inputs that Luma only finds while processing. */
	inputFailure?: FailureCode;
}

export type ParseResult = { ok: true; plan: GenerationPlan } | { ok: false; response: SimResponse };

// ---- schema (422) ------------------------------------------------------------------------------

interface EditOptions {
	autoControls?: boolean;
	strength?: string;
	controls: boolean;
	keyframes?: ImageRefInput[];
	keyframeIndexes?: number[];
}

interface VideoOptions {
	duration?: VideoDuration;
	resolution?: VideoResolution;
	loop?: boolean;
	hdr?: boolean;
	exrExport?: boolean;
	startFrame?: ImageRefInput;
	endFrame?: ImageRefInput;
	guideFrame?: ImageRefInput;
	keyframes?: ImageRefInput[];
	keyframeIndexes?: number[];
	sourcePosition: boolean;
	edit?: EditOptions;
}

interface CreateBody {
	prompt: string;
	model: string;
	type: GenerationType;
	aspectRatio?: string;
	imageRef?: ImageRefInput[];
	source?: ImageRefInput;
	outputFormat?: (typeof OUTPUT_FORMATS)[number];
	style?: (typeof STYLES)[number];
	video?: VideoOptions;
	layering?: { resolution: LayeringResolution };
}

function readRef(reader: FieldReader | undefined): ImageRefInput | undefined {
	if (!reader) return undefined;
	return {
		path: locPath(reader.loc),
		url: reader.string('url'),
		data: reader.string('data'),
		mediaType: reader.string('media_type'),
		generationId: reader.uuid('generation_id'),
		fileId: reader.uuid('file_id'),
	};
}

function readRefs(reader: FieldReader, key: string): ImageRefInput[] | undefined {
	return reader.array(key, (element, loc) => readRef(objectAt(reader.issues, element, loc)));
}

function readIndexes(reader: FieldReader, key: string): number[] | undefined {
	return reader.array(key, (element, loc) => {
		if (typeof element === 'number' && Number.isInteger(element)) return element;
		reader.issues.push({ type: 'int_type', loc, msg: 'Input should be a valid integer', input: element });
		return undefined;
	});
}

/** Each control is optional; the numbers are fractions from 0 to 1. */
function readControls(reader: FieldReader | undefined): boolean {
	if (!reader) return false;
	const fraction = { ge: 0, le: 1 };
	const depth = reader.object('depth');
	depth?.boolean('enabled');
	depth?.number('blur', fraction);
	reader.object('face')?.boolean('enabled');
	const normals = reader.object('normals');
	normals?.boolean('enabled');
	normals?.number('augmentation', fraction);
	const pose = reader.object('pose');
	pose?.boolean('enabled');
	pose?.enumOf('strength', POSE_STRENGTHS);
	const trajectory = reader.object('trajectory');
	trajectory?.boolean('enabled');
	trajectory?.number('sparsity', fraction);
	return true;
}

/** `w_norm`/`h_norm` are fractions of the canvas up to 2.0; `x_norm`/`y_norm` may be negative. */
function readSourcePosition(reader: FieldReader | undefined): boolean {
	if (!reader) return false;
	reader.number('x_norm', { required: true });
	reader.number('y_norm', { required: true });
	reader.number('w_norm', { required: true, gt: 0, le: 2 });
	reader.number('h_norm', { required: true, gt: 0, le: 2 });
	return true;
}

function readVideo(reader: FieldReader | undefined): VideoOptions | undefined {
	if (!reader) return undefined;
	const edit = reader.object('edit');
	return {
		duration: reader.enumOf('duration', VIDEO_DURATIONS),
		resolution: reader.enumOf('resolution', VIDEO_RESOLUTIONS),
		loop: reader.boolean('loop'),
		hdr: reader.boolean('hdr'),
		exrExport: reader.boolean('exr_export'),
		startFrame: readRef(reader.object('start_frame')),
		endFrame: readRef(reader.object('end_frame')),
		// Added in the Go SDK 0.6.0 without documented semantics: validated as an ImageRef, otherwise unused.
		guideFrame: readRef(reader.object('guide_frame')),
		keyframes: readRefs(reader, 'keyframes'),
		keyframeIndexes: readIndexes(reader, 'keyframe_indexes'),
		sourcePosition: readSourcePosition(reader.object('source_position')),
		edit: edit && {
			autoControls: edit.boolean('auto_controls'),
			strength: edit.enumOf('strength', VIDEO_EDIT_STRENGTHS),
			controls: readControls(edit.object('controls')),
			keyframes: readRefs(edit, 'keyframes'),
			keyframeIndexes: readIndexes(edit, 'keyframe_indexes'),
		},
	};
}

function readBody(body: JsonObject, issues: ValidationIssue[]): CreateBody {
	const reader = new FieldReader(issues, body, ['body']);
	const layering = reader.object('layering');
	const parsed = {
		prompt: reader.string('prompt', { required: true }) ?? '',
		// Server defaults (the SDK sends none since 0.1.0): uni-1 and type image.
		model: reader.string('model') ?? 'uni-1',
		type: reader.enumOf('type', GENERATION_TYPES) ?? 'image',
		aspectRatio: reader.string('aspect_ratio'),
		imageRef: readRefs(reader, 'image_ref'),
		source: readRef(reader.object('source')),
		outputFormat: reader.enumOf('output_format', OUTPUT_FORMATS),
		style: reader.enumOf('style', STYLES),
		video: readVideo(reader.object('video')),
		layering: layering && { resolution: layering.enumOf('resolution', LAYERING_RESOLUTIONS) ?? '1k' },
	};
	reader.boolean('web_search');
	readUserId(reader);
	return parsed;
}

// ---- business rules (400) ----------------------------------------------------------------------

function first(...checks: Array<() => string | undefined>): string | undefined {
	for (const check of checks) {
		const problem = check();
		if (problem) return problem;
	}
	return undefined;
}

function promptRule(body: CreateBody): string | undefined {
	if (body.type === 'layering') return body.prompt.length > MAX_LAYERING_PROMPT_LENGTH ? DETAIL.layeringPrompt : undefined;
	return body.prompt.length < 1 || body.prompt.length > MAX_PROMPT_LENGTH ? DETAIL.prompt : undefined;
}

function modelRules(body: CreateBody): string | undefined {
	if (!(MODELS as readonly string[]).includes(body.model)) return DETAIL.unknownModel(body.model);
	if (!(MODELS_BY_TYPE[body.type] as readonly string[]).includes(body.model)) return DETAIL.typeNotSupported(body.type, body.model);
	return undefined;
}

/** Images and videos check their own subsets; edits keep the source's shape and ignore the field. */
function aspectRatioRules(body: CreateBody): string | undefined {
	const { type, aspectRatio } = body;
	const valid: readonly string[] | undefined =
		type === 'image' ? IMAGE_ASPECT_RATIOS : type === 'video' || type === 'video_reframe' ? VIDEO_ASPECT_RATIOS : undefined;
	if (type === 'video_reframe' && aspectRatio === undefined) return DETAIL.aspectRatioRequired(type);
	if (valid && aspectRatio !== undefined && !valid.includes(aspectRatio)) return DETAIL.invalidAspectRatio(aspectRatio, valid);
	if (
		body.style === 'manga' &&
		IMAGE_TYPES.includes(body.type) &&
		aspectRatio !== undefined &&
		!(MANGA_ASPECT_RATIOS as readonly string[]).includes(aspectRatio)
	) {
		return DETAIL.mangaNeedsPortrait;
	}
	return undefined;
}

function inputRules(body: CreateBody): string | undefined {
	const { type } = body;
	const needsSource = type !== 'image' && type !== 'video';
	if (needsSource && !body.source) return DETAIL.sourceRequired(type);
	if (type === 'image' && body.source) return DETAIL.sourceOnlyForEdit;
	if (type === 'video' && body.source) return DETAIL.sourceNotForVideo;
	const references = body.imageRef?.length ?? 0;
	const maxReferences = MAX_IMAGE_REFS[type];
	if (references > 0 && maxReferences === undefined) return DETAIL.imageRefNotAllowed(type);
	if (maxReferences !== undefined && references > maxReferences) {
		return type === 'image_edit' ? DETAIL.tooManyEditRefs : DETAIL.tooManyImageRefs;
	}
	if (body.video && !VIDEO_TYPES.includes(type)) return DETAIL.videoOptionsNotAllowed(type);
	if (body.layering && type !== 'layering') return DETAIL.layeringOptionsNotAllowed(type);
	return undefined;
}

function keyframeRules(
	prefix: string,
	keyframes: ImageRefInput[] | undefined,
	indexes: number[] | undefined,
	maxIndex: number | undefined,
	duration: string,
): string | undefined {
	if (keyframes === undefined && indexes === undefined) return undefined;
	const count = keyframes?.length ?? 0;
	if (count < 1 || count > MAX_KEYFRAMES) return DETAIL.keyframesCount(prefix);
	if (indexes?.length !== count) return DETAIL.keyframesLength(prefix);
	if (new Set(indexes).size !== indexes.length) return DETAIL.keyframeIndexesUnique(prefix);
	const outside = indexes.findIndex((index) => index < 0 || (maxIndex !== undefined && index > maxIndex));
	if (outside >= 0) {
		return maxIndex === undefined
			? DETAIL.keyframeIndexNegative(prefix, outside)
			: DETAIL.keyframeIndexRange(outside, maxIndex, duration);
	}
	return undefined;
}

function videoRules(body: CreateBody, context: ParseContext): string | undefined {
	const video = body.video;
	const { type } = body;
	if (!video || !VIDEO_TYPES.includes(type)) return undefined;
	const duration = video.duration ?? '5s';
	const resolution = video.resolution ?? '720p';
	const extension = video.startFrame?.generationId !== undefined || video.endFrame?.generationId !== undefined;
	return first(
		() => (video.duration !== undefined && type !== 'video' ? DETAIL.optionNotFor('video.duration', type) : undefined),
		() => {
			if (!video.loop) return undefined;
			if (type !== 'video') return DETAIL.optionOnlyFor('video.loop', 'video');
			if (duration === '10s') return DETAIL.loopExcludes("duration '10s'");
			if (video.hdr) return DETAIL.loopExcludes('video.hdr');
			if (video.endFrame) return DETAIL.loopExcludes('video.end_frame');
			return video.keyframes ? DETAIL.loopExcludes('video.keyframes') : undefined;
		},
		() => {
			if (!video.hdr) return undefined;
			if (type === 'video_reframe') return DETAIL.optionNotFor('video.hdr', type);
			if (resolution !== '720p' && resolution !== '1080p') return DETAIL.hdrResolution;
			return context.hdrAccess ? undefined : DETAIL.hdrNotEnabled;
		},
		() => (video.exrExport && !video.hdr ? DETAIL.exrNeedsHdr : undefined),
		() => {
			if (video.startFrame && type === 'video_reframe') return DETAIL.optionNotFor('video.start_frame', type);
			if (video.endFrame && type !== 'video') return DETAIL.optionOnlyFor('video.end_frame', 'video');
			if ((video.startFrame || video.endFrame) && duration === '10s') return DETAIL.framesNot10s;
			if (extension && video.startFrame && video.endFrame) return DETAIL.extensionWithSecondFrame;
			return extension && video.hdr ? DETAIL.extensionIsSdr : undefined;
		},
		() => {
			if (video.keyframes === undefined && video.keyframeIndexes === undefined) return undefined;
			if (type !== 'video') return DETAIL.optionOnlyFor('video.keyframes', 'video');
			if (video.startFrame || video.endFrame || video.loop) {
				return DETAIL.keyframesExclusive('video', 'video.start_frame, video.end_frame or video.loop');
			}
			return keyframeRules('video', video.keyframes, video.keyframeIndexes, FRAMES_PER_SECOND * Number.parseInt(duration, 10), duration);
		},
		() => {
			const edit = video.edit;
			if (!edit) return undefined;
			if (type !== 'video_edit') return DETAIL.optionOnlyFor('video.edit', 'video_edit');
			if (edit.autoControls && (edit.strength !== undefined || edit.controls)) return DETAIL.autoControlsExclusive;
			if ((edit.keyframes || edit.keyframeIndexes) && video.startFrame) return DETAIL.keyframesExclusive('video.edit', 'video.start_frame');
			// Edit keyframes sit on the source's frame grid, which the simulator does not read.
			return keyframeRules('video.edit', edit.keyframes, edit.keyframeIndexes, undefined, duration);
		},
		() => (video.sourcePosition && type !== 'video_reframe' ? DETAIL.optionOnlyFor('video.source_position', 'video_reframe') : undefined),
		() =>
			type === 'video_reframe' && resolution === '1080p' && (body.aspectRatio === '9:16' || body.aspectRatio === '3:4')
				? DETAIL.reframeVerticalHd
				: undefined,
	);
}

interface Slot {
	ref: ImageRefInput;
	expect: Expect;
}

/** Every ImageRef of the body in the order Luma reports them. */
function slotsOf(body: CreateBody): Slot[] {
	const slots: Slot[] = [];
	if (body.source) slots.push({ ref: body.source, expect: VIDEO_TYPES.includes(body.type) ? 'video' : 'image' });
	for (const ref of body.imageRef ?? []) slots.push({ ref, expect: 'image' });
	const video = body.video;
	if (video?.startFrame) slots.push({ ref: video.startFrame, expect: 'frame' });
	if (video?.endFrame) slots.push({ ref: video.endFrame, expect: 'frame' });
	if (video?.guideFrame) slots.push({ ref: video.guideFrame, expect: 'image' });
	for (const ref of [...(video?.keyframes ?? []), ...(video?.edit?.keyframes ?? [])]) slots.push({ ref, expect: 'image' });
	return slots;
}

type Rejection = { status: number; message: string };
const reject = (status: number, message: string): Rejection => ({ status, message });

/** Exactly one of url / data / generation_id / file_id, and the media_type rules. */
function refShapeRule({ ref, expect }: Slot, type: GenerationType): Rejection | undefined {
	const given = [ref.url, ref.data, ref.generationId, ref.fileId].filter((value) => value !== undefined).length;
	if (given === 0) return reject(400, DETAIL.refNeither(ref.path));
	if (given > 1) {
		const onlyUrlAndData = ref.url !== undefined && ref.data !== undefined && given === 2;
		return reject(400, onlyUrlAndData ? DETAIL.refUrlAndData(ref.path) : DETAIL.refExactlyOne(ref.path));
	}
	if (ref.data !== undefined && !ref.mediaType) return reject(400, DETAIL.refMediaTypeWithData(ref.path));
	const inline = ref.url !== undefined || ref.data !== undefined;
	if (!inline || ref.mediaType === undefined) {
		// The server routes video ingest by media_type before fetching, so a video URL must declare it.
		return expect === 'video' && ref.url !== undefined ? reject(400, DETAIL.refMediaTypeWithVideoUrl(ref.path, type)) : undefined;
	}
	const declared = kindOfMimeType(ref.mediaType);
	if (expect === 'video' && declared !== 'video') return reject(400, DETAIL.refNotVideo(ref.path, type));
	if (expect !== 'video' && declared !== 'image') return reject(422, DETAIL.notAnImage(ref.path));
	return undefined;
}

// ---- media (422 / 413 / 503) -------------------------------------------------------------------

interface MediaVerdict {
	rejection?: Rejection;
	inputFailure?: FailureCode;
}

function urlVerdict(ref: ImageRefInput & { url: string }, expect: Expect, type: GenerationType, context: ParseContext): MediaVerdict {
	if (context.urlIngestionDown) return { rejection: reject(503, DETAIL.urlIngestionDown) };
	const wanted: MediaKind = expect === 'video' ? 'video' : 'image';
	let url: URL;
	try {
		url = new URL(ref.url);
	} catch {
		return { rejection: reject(422, DETAIL.fetchFailed(ref.path)) };
	}
	const own = context.ownAsset(url);
	if (own) {
		if (own.check !== 'valid') return { rejection: reject(422, DETAIL.fetchStatus(ref.path, 403)) };
		if (own.kind === wanted) return {};
		return { rejection: wanted === 'image' ? reject(422, DETAIL.notAnImage(ref.path)) : reject(400, DETAIL.refNotVideo(ref.path, type)) };
	}
	// Luma's edge proxy fetches public https:// URLs only.
	if (url.protocol !== 'https:') return { rejection: reject(422, DETAIL.fetchFailed(ref.path)) };
	const host = url.hostname.toLowerCase();
	if (host.includes('unreachable')) return { rejection: reject(422, DETAIL.fetchFailed(ref.path)) };
	if (host.includes('missing')) return { rejection: reject(422, DETAIL.fetchStatus(ref.path, 404)) };
	if (host.includes('not-image') && wanted === 'image') return { rejection: reject(422, DETAIL.notAnImage(ref.path)) };
	if (host.includes('oversized')) {
		return { rejection: reject(413, DETAIL.tooLarge(ref.path, wanted, wanted === 'image' ? context.imageBytes : context.videoBytes)) };
	}
	return {};
}

function dataVerdict(ref: ImageRefInput & { data: string }, expect: Expect, context: ParseContext): MediaVerdict {
	const bytes = decodeBase64(ref.data);
	if (!bytes) return { rejection: reject(422, DETAIL.invalidBase64(ref.path)) };
	const wanted: MediaKind = expect === 'video' ? 'video' : 'image';
	const limit = wanted === 'image' ? context.imageBytes : context.videoBytes;
	if (bytes.length > limit) return { rejection: reject(413, DETAIL.tooLarge(ref.path, wanted, limit)) };
	if (!isSupportedMimeType(ref.mediaType ?? '')) return { inputFailure: 'unsupported_format' };
	return sniffKind(bytes) === wanted ? {} : { inputFailure: 'corrupt_input' };
}

function generationVerdict(ref: ImageRefInput & { generationId: string }, expect: Expect, context: ParseContext): MediaVerdict {
	const generation = context.findGeneration(ref.generationId);
	if (!generation) return { rejection: reject(400, DETAIL.refGenerationNotFound(ref.path)) };
	if (generation.state !== 'completed') return { rejection: reject(400, DETAIL.refGenerationNotCompleted(ref.path)) };
	// A generation on a start/end frame extends that video.
	const wanted: MediaKind = expect === 'image' ? 'image' : 'video';
	return generation.kind === wanted ? {} : { rejection: reject(400, DETAIL.refGenerationWrongKind(ref.path, wanted)) };
}

function fileVerdict(ref: ImageRefInput & { fileId: string }, expect: Expect, context: ParseContext): MediaVerdict {
	const file = context.findFile(ref.fileId);
	if (!file || file.state === 'deleted') return { rejection: reject(400, DETAIL.refFileNotFound(ref.path)) };
	if (file.state !== 'ready') return { rejection: reject(400, DETAIL.refFileNotReady(ref.path, file.state)) };
	const wanted: MediaKind = expect === 'video' ? 'video' : 'image';
	if (kindOfMimeType(file.mimeType) !== wanted) return { rejection: reject(400, DETAIL.refFileWrongKind(ref.path, wanted)) };
	// Files may be up to 5 GiB, so the per-input size limit only shows once processing starts.
	const limit = wanted === 'image' ? context.imageBytes : context.videoBytes;
	return file.sizeBytes > limit ? { inputFailure: 'image_too_large' } : {};
}

function mediaVerdict({ ref, expect }: Slot, type: GenerationType, context: ParseContext): MediaVerdict {
	if (ref.url !== undefined) return urlVerdict({ ...ref, url: ref.url }, expect, type, context);
	if (ref.data !== undefined) return dataVerdict({ ...ref, data: ref.data }, expect, context);
	if (ref.generationId !== undefined) return generationVerdict({ ...ref, generationId: ref.generationId }, expect, context);
	if (ref.fileId !== undefined) return fileVerdict({ ...ref, fileId: ref.fileId }, expect, context);
	return {};
}

// ---- plan --------------------------------------------------------------------------------------

const LAYER_NAMES = ['subject', 'foreground object', 'prop', 'detail', 'accent', 'midground', 'sky'];

/**
 * Layer metadata for a 16:9 canvas at the requested resolution: foreground layers cropped to their
 * alpha box, front to back, then the full-canvas background. The bytes behind every layer are the
 * same small PNG, so the boxes describe the canvas a real result would have, not the file served.
 */
export function planLayers(count: number, resolution: LayeringResolution): GenerationLayer[] {
	const canvasWidth = resolution === '2k' ? 2048 : 1024;
	const canvasHeight = Math.round((canvasWidth * 9) / 16);
	const foreground = Math.max(0, count - 1);
	const layers: GenerationLayer[] = Array.from({ length: foreground }, (_, index) => {
		const label = LAYER_NAMES[index % LAYER_NAMES.length];
		const width = Math.round(canvasWidth / (index + 2));
		const height = Math.round(canvasHeight / (index + 1.5));
		return {
			index,
			label,
			description: `The ${label} of the picture, cut out along its edges`,
			alpha_hint: index === 0 ? 'soft' : 'hard',
			bounds: {
				x: Math.round((canvasWidth - width) * ((index + 1) / (foreground + 1))),
				y: canvasHeight - height,
				width,
				height,
				canvas_width: canvasWidth,
				canvas_height: canvasHeight,
			},
		};
	});
	layers.push({
		index: foreground,
		label: 'background',
		description: 'Everything behind the other layers, with the gaps they leave filled in',
		alpha_hint: 'none',
		bounds: { x: 0, y: 0, width: canvasWidth, height: canvasHeight, canvas_width: canvasWidth, canvas_height: canvasHeight },
	});
	return layers;
}

function outputsOf(body: CreateBody, context: ParseContext): OutputSpec[] {
	if (VIDEO_TYPES.includes(body.type)) {
		const video: OutputSpec = { type: 'video', extension: 'mp4' };
		return body.video?.exrExport ? [video, { type: 'exr', extension: 'exr' }] : [video];
	}
	if (body.type === 'layering') {
		return planLayers(context.layerCount, body.layering?.resolution ?? '1k').map((layer) => ({ type: 'image', extension: 'png', layer }));
	}
	// `output_format: null` lets the model pick; the simulator's pick is PNG.
	return [{ type: 'image', extension: body.outputFormat === 'jpeg' ? 'jpg' : 'png' }];
}

function pricedRequest(body: CreateBody, model: Model, context: ParseContext): PricedRequest {
	const resolution = body.video?.resolution ?? '720p';
	switch (body.type) {
		case 'video':
			return {
				kind: 'video',
				resolution,
				duration: body.video?.duration ?? '5s',
				hdr: body.video?.hdr ?? false,
				exr: body.video?.exrExport ?? false,
			};
		case 'video_edit':
		case 'video_reframe':
			return { kind: body.type, resolution };
		case 'layering':
			return { kind: 'layering', resolution: body.layering?.resolution ?? '1k', layers: context.layerCount };
		default:
			return { kind: 'image', model, edit: body.type === 'image_edit', references: body.imageRef?.length ?? 0 };
	}
}

export function parseCreate(raw: JsonObject, context: ParseContext): ParseResult {
	const issues: ValidationIssue[] = [];
	const body = readBody(raw, issues);
	if (issues.length > 0) return { ok: false, response: detail(422, issues) };

	const slots = slotsOf(body);
	const problem = first(
		() => promptRule(body),
		() => modelRules(body),
		() => aspectRatioRules(body),
		() => inputRules(body),
		() => videoRules(body, context),
	);
	if (problem) return { ok: false, response: detail(400, problem) };
	for (const slot of slots) {
		const rejection = refShapeRule(slot, body.type);
		if (rejection) return { ok: false, response: detail(rejection.status, rejection.message) };
	}
	let inputFailure: FailureCode | undefined;
	for (const slot of slots) {
		const verdict = mediaVerdict(slot, body.type, context);
		if (verdict.rejection) return { ok: false, response: detail(verdict.rejection.status, verdict.rejection.message) };
		inputFailure ??= verdict.inputFailure;
	}

	const model = body.model as Model;
	return {
		ok: true,
		plan: {
			type: body.type,
			model,
			prompt: body.prompt,
			outputs: outputsOf(body, context),
			costMicros: priceInMicros(pricedRequest(body, model, context)),
			inputFailure,
		},
	};
}
