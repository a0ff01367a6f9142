/**
 * One parser per create route: validates the body the way Luma does (422 for schema problems,
 * 400 with Luma's verbatim texts for business rules) and turns it into a `CreatePlan` the
 * simulator can run. Field names and enums follow the `lumaai` SDK v1.21.
 */
import {
	ASPECT_RATIOS,
	CONCEPT_KEYS,
	IMAGE_FORMATS,
	IMAGE_MODELS,
	MODIFY_MODES,
	VIDEO_MODELS,
	type GenerationState,
	type ImageFormat,
	type LimitGroup,
	type RequestType,
} from './generation';
import { priceInCents } from './pricing';
import { checkUrl, FieldReader, objectAt, type JsonObject, type Loc, type ValidationIssue } from './validation';

/** What a validated create asks the simulator to run. */
export interface CreatePlan {
	requestType: RequestType;
	group: LimitGroup;
	model: string;
	/** The `request` echo on the Generation. */
	request: Record<string, unknown>;
	/** Texts scanned for the simulator's failure markers. */
	prompts: string[];
	/** URLs Luma would download before dreaming (keyframes, references, media). */
	inputUrls: string[];
	output: { kind: 'video' } | { kind: 'image'; format: ImageFormat };
	costCents: number;
	callbackUrl?: string;
	/** Image creates with `sync: true`: hold the response up to this many (documented) seconds. */
	syncTimeoutSeconds?: number;
}

export type ParseResult = { ok: true; plan: CreatePlan } | { ok: false; status: number; detail: unknown };

export interface SourceGeneration {
	state: GenerationState;
	generation_type: LimitGroup;
	model: string;
}

export interface ParseContext {
	/** Let any model string through (new models appear before the SDK lists them). */
	acceptUnknownModels: boolean;
	findGeneration(id: string): SourceGeneration | undefined;
}

/** Verbatim pre-submission `detail` texts from Luma's error page (https://docs.lumalabs.ai/docs/errors). */
export const PROMPT_ERRORS = {
	required: 'Prompt is required',
	tooShort: 'Prompt is too short, minimum length is 3 characters',
	tooLong: 'Prompt is too long, maximum length is 5000 characters',
} as const;

const PROMPT_MIN = 3;
const PROMPT_MAX = 5000;
/** Docs: "You can use up to 4 images as references"; same cap per character identity. */
const MAX_REFERENCE_IMAGES = 4;

/** Luma's docs sentence for extend/interpolate from a generation that is not a finished video. */
export const SOURCE_NOT_READY =
	'Extend is currently supported only for generated videos. Please make sure the generation is in completed state before passing it';

const invalid = (detail: unknown, status = 400): ParseResult => ({ ok: false, status, detail });

/** 422 when schema issues were collected, else undefined. */
function schemaFailure(issues: ValidationIssue[]): ParseResult | undefined {
	return issues.length > 0 ? invalid(issues, 422) : undefined;
}

/**
 * Prompt rules shared by every route that takes one. `required` is false where the SDK makes the
 * prompt optional (modify, reframe, audio) or an image keyframe stands in for it.
 */
function promptError(prompt: string | undefined, required: boolean): string | undefined {
	const trimmed = prompt?.trim() ?? '';
	if (trimmed === '') return required ? PROMPT_ERRORS.required : undefined;
	if (trimmed.length < PROMPT_MIN) return PROMPT_ERRORS.tooShort;
	if (prompt!.length > PROMPT_MAX) return PROMPT_ERRORS.tooLong;
	return undefined;
}

function readModel(reader: FieldReader, models: readonly string[], context: ParseContext): string | undefined {
	return context.acceptUnknownModels
		? reader.string('model', { required: true })
		: reader.enumOf('model', models, { required: true });
}

function readMedia(reader: FieldReader, key: string, required: boolean): { url: string } | undefined {
	const media = reader.object(key, { required });
	const url = media?.url('url', { required: true });
	return url === undefined ? undefined : { url };
}

function callbackOf(request: Record<string, unknown>): string | undefined {
	return typeof request.callback_url === 'string' ? request.callback_url : undefined;
}

// ---- video -------------------------------------------------------------------------------------

type Keyframe = { type: 'image'; url: string } | { type: 'generation'; id: string };

/** A keyframe is a union discriminated on `type`; Pydantic puts the tag into `loc`. */
function readKeyframe(issues: ValidationIssue[], value: unknown, loc: Loc): Keyframe | undefined {
	const reader = objectAt(issues, value, loc);
	if (!reader) return undefined;
	const tag = reader.source.type;
	if (tag === undefined || tag === null) {
		issues.push({
			type: 'union_tag_not_found',
			loc,
			msg: "Unable to extract tag using discriminator 'type'",
			input: value,
			ctx: { discriminator: "'type'" },
		});
		return undefined;
	}
	if (tag === 'image') {
		const url = new FieldReader(issues, reader.source, [...loc, 'image']).url('url', { required: true });
		return url === undefined ? undefined : { type: 'image', url };
	}
	if (tag === 'generation') {
		const id = new FieldReader(issues, reader.source, [...loc, 'generation']).uuid('id', { required: true });
		return id === undefined ? undefined : { type: 'generation', id: id.toLowerCase() };
	}
	issues.push({
		type: 'union_tag_invalid',
		loc,
		msg: `Input tag '${String(tag)}' found using 'type' does not match any of the expected tags: 'generation', 'image'`,
		input: value,
		ctx: { discriminator: "'type'", tag: String(tag), expected_tags: "'generation', 'image'" },
	});
	return undefined;
}

/** Luma refuses `loop` for every keyframe combination except a start image or a forward extend. */
function loopError(frame0: Keyframe | undefined, frame1: Keyframe | undefined): string | undefined {
	const kind0 = frame0?.type;
	const kind1 = frame1?.type;
	if (kind0 === 'image' && kind1 === 'image') return 'Loop is not supported for keyframes';
	if (kind0 === 'generation' && kind1 === 'generation') return 'Loop is not supported for interpolate between two videos';
	if (kind0 === 'generation' && kind1 === 'image') return 'Loop is not supported for interpolate video to image';
	if (kind0 === 'image' && kind1 === 'generation') return 'Loop is not supported for interpolate image to video';
	if (!kind0 && kind1 === 'image') return 'Loop is not supported for end frame';
	if (!kind0 && kind1 === 'generation') return 'Loop is not supported for extend reverse';
	return undefined;
}

/** POST /generations/video (and the legacy POST /generations). */
export function parseVideoCreate(body: JsonObject, context: ParseContext): ParseResult {
	const issues: ValidationIssue[] = [];
	const reader = new FieldReader(issues, body, ['body']);
	reader.literal('generation_type', 'video');
	const model = readModel(reader, VIDEO_MODELS, context);
	const prompt = reader.string('prompt');
	const aspectRatio = reader.enumOf('aspect_ratio', ASPECT_RATIOS);
	const loop = reader.boolean('loop');
	const resolution = reader.string('resolution'); // open enum: any string passes
	const duration = reader.string('duration');
	const callbackUrl = reader.url('callback_url');
	const concepts = reader.array('concepts', (element, loc) => {
		const key = objectAt(issues, element, loc)?.string('key', { required: true });
		return key === undefined ? undefined : { key };
	});
	const keyframesReader = reader.object('keyframes');
	const frames: { frame0?: Keyframe; frame1?: Keyframe } = {};
	for (const name of ['frame0', 'frame1'] as const) {
		const value = keyframesReader?.source[name];
		if (value !== undefined && value !== null) {
			frames[name] = readKeyframe(issues, value, ['body', 'keyframes', name]);
		}
	}
	const failure = schemaFailure(issues);
	if (failure) return failure;

	if (keyframesReader && !frames.frame0 && !frames.frame1) return invalid('No keyframes provided');
	const hasImageKeyframe = frames.frame0?.type === 'image' || frames.frame1?.type === 'image';
	const badPrompt = promptError(prompt, !hasImageKeyframe);
	if (badPrompt) return invalid(badPrompt);
	if (loop) {
		const badLoop = loopError(frames.frame0, frames.frame1);
		if (badLoop) return invalid(badLoop);
	}
	for (const frame of [frames.frame0, frames.frame1]) {
		if (frame?.type !== 'generation') continue;
		const source = context.findGeneration(frame.id);
		// Message text for an unknown id is undocumented; Luma's docs sentence covers the rest.
		if (!source) return invalid(`Generation ${frame.id} not found`);
		if (source.state !== 'completed' || source.generation_type !== 'video') return invalid(SOURCE_NOT_READY);
	}
	for (const concept of concepts ?? []) {
		// Undocumented text; Luma does reject concepts it cannot apply ("concepts are not supported
		// for this model", ComfyUI#7989).
		if (!(CONCEPT_KEYS as readonly string[]).includes(concept.key)) return invalid(`Unknown concept: ${concept.key}`);
	}

	const keyframes = keyframesReader ? { frame0: frames.frame0 ?? null, frame1: frames.frame1 ?? null } : null;
	const request = {
		generation_type: 'video',
		model,
		prompt: prompt ?? null,
		aspect_ratio: aspectRatio ?? '16:9',
		loop: loop ?? null,
		keyframes,
		resolution: resolution ?? null,
		duration: duration ?? null,
		concepts: concepts ?? null,
		callback_url: callbackUrl ?? null,
	};
	return {
		ok: true,
		plan: {
			requestType: 'video',
			group: 'video',
			model: model!,
			request,
			prompts: prompt ? [prompt] : [],
			inputUrls: [frames.frame0, frames.frame1].flatMap((f) => (f?.type === 'image' ? [f.url] : [])),
			output: { kind: 'video' },
			costCents: priceInCents({ kind: 'video', model: model!, resolution, duration }),
			callbackUrl: callbackOf(request),
		},
	};
}

/** POST /generations/video/modify */
export function parseVideoModify(body: JsonObject, context: ParseContext): ParseResult {
	const issues: ValidationIssue[] = [];
	const reader = new FieldReader(issues, body, ['body']);
	reader.literal('generation_type', 'modify_video', { required: true });
	const media = readMedia(reader, 'media', true);
	const firstFrame = readMedia(reader, 'first_frame', false);
	const model = readModel(reader, VIDEO_MODELS, context);
	const mode = reader.enumOf('mode', MODIFY_MODES, { required: true });
	const prompt = reader.string('prompt');
	const callbackUrl = reader.url('callback_url');
	const failure = schemaFailure(issues);
	if (failure) return failure;
	const badPrompt = promptError(prompt, false);
	if (badPrompt) return invalid(badPrompt);

	const request = {
		generation_type: 'modify_video',
		model,
		mode,
		media,
		first_frame: firstFrame ?? null,
		prompt: prompt ?? null,
		callback_url: callbackUrl ?? null,
	};
	return {
		ok: true,
		plan: {
			requestType: 'modify_video',
			group: 'video',
			model: model!,
			request,
			prompts: prompt ? [prompt] : [],
			inputUrls: [media!.url, ...(firstFrame ? [firstFrame.url] : [])],
			output: { kind: 'video' },
			costCents: priceInCents({ kind: 'modify_video', model: model! }),
			callbackUrl: callbackOf(request),
		},
	};
}

/** POST /generations/video/reframe and /generations/image/reframe: the same body, bar two fields. */
export function parseReframe(body: JsonObject, context: ParseContext, target: 'video' | 'image'): ParseResult {
	const issues: ValidationIssue[] = [];
	const reader = new FieldReader(issues, body, ['body']);
	const requestType = target === 'video' ? 'reframe_video' : 'reframe_image';
	reader.literal('generation_type', requestType, { required: true });
	const media = readMedia(reader, 'media', true);
	const firstFrame = target === 'video' ? readMedia(reader, 'first_frame', false) : undefined;
	const model = readModel(reader, target === 'video' ? VIDEO_MODELS : IMAGE_MODELS, context);
	const aspectRatio = reader.enumOf('aspect_ratio', ASPECT_RATIOS, { required: true });
	const prompt = reader.string('prompt');
	const format = target === 'image' ? reader.enumOf('format', IMAGE_FORMATS) : undefined;
	const geometry: Record<string, number | null> = {};
	for (const key of [
		'grid_position_x',
		'grid_position_y',
		'x_start',
		'x_end',
		'y_start',
		'y_end',
		'resized_width',
		'resized_height',
	]) {
		geometry[key] = reader.integer(key) ?? null; // pixels
	}
	const callbackUrl = reader.url('callback_url');
	const failure = schemaFailure(issues);
	if (failure) return failure;
	const badPrompt = promptError(prompt, false);
	if (badPrompt) return invalid(badPrompt);

	const request: Record<string, unknown> = {
		generation_type: requestType,
		model,
		media,
		...(target === 'video' ? { first_frame: firstFrame ?? null } : {}),
		prompt: prompt ?? '', // OAS default ''
		aspect_ratio: aspectRatio,
		...geometry,
		...(target === 'image' ? { format: format ?? 'jpg' } : {}),
		callback_url: callbackUrl ?? null,
	};
	return {
		ok: true,
		plan: {
			requestType,
			group: target,
			model: model!,
			request,
			prompts: prompt ? [prompt] : [],
			inputUrls: [media!.url, ...(firstFrame ? [firstFrame.url] : [])],
			output: target === 'video' ? { kind: 'video' } : { kind: 'image', format: format ?? 'jpg' },
			costCents: priceInCents({ kind: requestType, model: model! }),
			callbackUrl: callbackOf(request),
		},
	};
}

// ---- image -------------------------------------------------------------------------------------

interface WeightedRef {
	url: string | null;
	weight: number | null;
}

/** `ImageRef`/`ModifyImageRef`: both fields optional in the schema; weights 0..1 as wrappers enforce. */
function readWeightedRef(issues: ValidationIssue[], value: unknown, loc: Loc): WeightedRef | undefined {
	const reader = objectAt(issues, value, loc);
	if (!reader) return undefined;
	const before = issues.length;
	const url = reader.url('url');
	const weight = reader.number('weight', { ge: 0, le: 1 });
	return issues.length > before ? undefined : { url: url ?? null, weight: weight ?? null };
}

/** POST /generations/image */
export function parseImageCreate(body: JsonObject, context: ParseContext): ParseResult {
	const issues: ValidationIssue[] = [];
	const reader = new FieldReader(issues, body, ['body']);
	reader.literal('generation_type', 'image');
	const model = readModel(reader, IMAGE_MODELS, context);
	const prompt = reader.string('prompt');
	const aspectRatio = reader.enumOf('aspect_ratio', ASPECT_RATIOS);
	const format = reader.enumOf('format', IMAGE_FORMATS);
	const imageRef = reader.array('image_ref', (el, loc) => readWeightedRef(issues, el, loc), {
		maxItems: MAX_REFERENCE_IMAGES,
	});
	const styleRef = reader.array('style_ref', (el, loc) => readWeightedRef(issues, el, loc));
	const modifyRefValue = body.modify_image_ref;
	const modifyImageRef =
		modifyRefValue === undefined || modifyRefValue === null
			? undefined
			: readWeightedRef(issues, modifyRefValue, ['body', 'modify_image_ref']);
	const identity = reader.object('character_ref')?.object('identity0');
	const characterImages = identity?.array(
		'images',
		(element, loc) => checkUrl(element, (type, msg, ctx) => issues.push({ type, loc, msg, input: element, ctx })),
		{ maxItems: MAX_REFERENCE_IMAGES },
	);
	const sync = reader.boolean('sync');
	const syncTimeout = reader.number('sync_timeout', { gt: 0 });
	const callbackUrl = reader.url('callback_url');
	const failure = schemaFailure(issues);
	if (failure) return failure;
	// The image route documents no prompt rules; Luma applies the video ones in practice (ComfyUI
	// enforces the same minimum), so the simulator does too.
	const badPrompt = promptError(prompt, true);
	if (badPrompt) return invalid(badPrompt);

	const request = {
		generation_type: 'image',
		model,
		prompt: prompt ?? null,
		aspect_ratio: aspectRatio ?? '16:9',
		format: format ?? 'jpg',
		image_ref: imageRef ?? null,
		style_ref: styleRef ?? null,
		character_ref: characterImages ? { identity0: { images: characterImages } } : null,
		modify_image_ref: modifyImageRef ?? null,
		sync: sync ?? false,
		sync_timeout: syncTimeout ?? 60,
		callback_url: callbackUrl ?? null,
	};
	const referenceUrls = [...(imageRef ?? []), ...(styleRef ?? []), ...(modifyImageRef ? [modifyImageRef] : [])]
		.map((ref) => ref.url)
		.filter((url): url is string => url !== null);
	return {
		ok: true,
		plan: {
			requestType: 'image',
			group: 'image',
			model: model!,
			request,
			prompts: prompt ? [prompt] : [],
			inputUrls: [...referenceUrls, ...(characterImages ?? [])],
			output: { kind: 'image', format: format ?? 'jpg' },
			costCents: priceInCents({ kind: 'image', model: model! }),
			callbackUrl: callbackOf(request),
			syncTimeoutSeconds: sync ? (syncTimeout ?? 60) : undefined,
		},
	};
}

// ---- operations on an existing video -----------------------------------------------------------

/** Upscale and audio work on a finished video; both answer with a NEW generation (the `lumaai` SDK's Generation request union has separate upscale/audio requests). */
function sourceError(source: SourceGeneration): ParseResult | undefined {
	if (source.generation_type !== 'video') return invalid('Only video generations are supported');
	if (source.state !== 'completed') return invalid('Generation is not completed');
	return undefined;
}

/** POST /generations/{id}/upscale */
export function parseUpscale(body: JsonObject, source: SourceGeneration): ParseResult {
	const issues: ValidationIssue[] = [];
	const reader = new FieldReader(issues, body, ['body']);
	reader.literal('generation_type', 'upscale_video');
	const resolution = reader.string('resolution');
	const callbackUrl = reader.url('callback_url');
	const failure = schemaFailure(issues) ?? sourceError(source);
	if (failure) return failure;

	const request = {
		generation_type: 'upscale_video',
		resolution: resolution ?? null,
		callback_url: callbackUrl ?? null,
	};
	return {
		ok: true,
		plan: {
			requestType: 'upscale_video',
			group: 'video',
			model: source.model, // upscale has no model field: the source decides
			request,
			prompts: [],
			inputUrls: [],
			output: { kind: 'video' },
			costCents: priceInCents({ kind: 'upscale_video', model: source.model, resolution }),
			callbackUrl: callbackOf(request),
		},
	};
}

/** POST /generations/{id}/audio */
export function parseAddAudio(body: JsonObject, source: SourceGeneration): ParseResult {
	const issues: ValidationIssue[] = [];
	const reader = new FieldReader(issues, body, ['body']);
	reader.literal('generation_type', 'add_audio');
	const prompt = reader.string('prompt');
	const negativePrompt = reader.string('negative_prompt');
	const callbackUrl = reader.url('callback_url');
	const failure = schemaFailure(issues) ?? sourceError(source);
	if (failure) return failure;
	const badPrompt = promptError(prompt, false);
	if (badPrompt) return invalid(badPrompt);

	const request = {
		generation_type: 'add_audio',
		prompt: prompt ?? null,
		negative_prompt: negativePrompt ?? null,
		callback_url: callbackUrl ?? null,
	};
	return {
		ok: true,
		plan: {
			requestType: 'add_audio',
			group: 'video',
			model: source.model,
			request,
			prompts: prompt ? [prompt] : [],
			inputUrls: [],
			output: { kind: 'video' },
			costCents: priceInCents({ kind: 'add_audio' }),
			callbackUrl: callbackOf(request),
		},
	};
}
