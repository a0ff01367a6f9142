/**
 * The Luma Agents API wire vocabulary (https://agents.lumalabs.ai/v1): types as in the official SDKs
 * (https://github.com/lumalabs/luma-agents-typescript `src/resources/generations.ts`, `src/resources/files.ts`;
 * layering from https://github.com/lumalabs/luma-agents-go `generation.go`), and the `detail` texts of Luma's
 * error-handling guide (https://docs.agents.lumalabs.ai/guides/error-handling/). Texts Luma does not publish
 * are marked "not documented" where they are defined: they follow the documented ones' style.
 */

import { MODIFY_MODES } from '../dream-machine/generation';

export const AGENTS_API_VERSION = '2026-04-01';

export const MODELS = ['uni-1', 'uni-1-max', 'ray-3.2'] as const;
export type Model = (typeof MODELS)[number];

export const GENERATION_TYPES = ['image', 'image_edit', 'video', 'video_edit', 'video_reframe', 'layering'] as const;
export type GenerationType = (typeof GENERATION_TYPES)[number];

export const VIDEO_TYPES: readonly GenerationType[] = ['video', 'video_edit', 'video_reframe'];
export const IMAGE_TYPES: readonly GenerationType[] = ['image', 'image_edit'];

/** Video types need Ray; layering is uni-1 only (Go SDK: "type=layering (model uni-1)"). */
export const MODELS_BY_TYPE: Record<GenerationType, readonly Model[]> = {
	image: ['uni-1', 'uni-1-max'],
	image_edit: ['uni-1', 'uni-1-max'],
	layering: ['uni-1'],
	video: ['ray-3.2'],
	video_edit: ['ray-3.2'],
	video_reframe: ['ray-3.2'],
};

/** The aspect ratios each type takes (the SDK's `aspect_ratio` enum is their union). */
export const IMAGE_ASPECT_RATIOS = ['3:1', '2:1', '16:9', '3:2', '1:1', '2:3', '9:16', '1:2', '1:3'] as const;
export const VIDEO_ASPECT_RATIOS = ['9:16', '3:4', '1:1', '4:3', '16:9', '21:9'] as const;
/** `style: "manga"` draws portrait pages only. */
export const MANGA_ASPECT_RATIOS = ['2:3', '9:16', '1:2', '1:3'] as const;

export const OUTPUT_FORMATS = ['png', 'jpeg'] as const;
export const STYLES = ['auto', 'manga'] as const;
export const VIDEO_DURATIONS = ['5s', '10s'] as const;
export type VideoDuration = (typeof VIDEO_DURATIONS)[number];
export const VIDEO_RESOLUTIONS = ['360p', '540p', '720p', '1080p'] as const;
export type VideoResolution = (typeof VIDEO_RESOLUTIONS)[number];
/** Ray 3.2 edits use the Dream Machine modify scale: adhere_1..3, flex_1..3, reimagine_1..3. */
export const VIDEO_EDIT_STRENGTHS = MODIFY_MODES;
export const POSE_STRENGTHS = ['precise', 'coarse'] as const;
export const LAYERING_RESOLUTIONS = ['1k', '2k'] as const;
export type LayeringResolution = (typeof LAYERING_RESOLUTIONS)[number];

/** Ray 3.2 renders on a 24 fps grid: keyframe indexes run 0..24 × seconds. */
export const FRAMES_PER_SECOND = 24;
export const MAX_KEYFRAMES = 64;
export const MAX_PROMPT_LENGTH = 6000;
/** Go SDK `GenerationNewParamsLayering`: the prompt "optionally guides how to split it (max 500 characters)". */
export const MAX_LAYERING_PROMPT_LENGTH = 500;
export const MAX_USER_ID_LENGTH = 256;
export const MAX_IMAGE_REFS: Partial<Record<GenerationType, number>> = { image: 9, image_edit: 8 };

export type GenerationState = 'queued' | 'processing' | 'completed' | 'failed';

export const FAILURE_CODES = [
	'content_moderated',
	'generation_failed',
	'budget_exhausted',
	'output_not_found',
	'image_too_large',
	'unsupported_format',
	'corrupt_input',
	'invalid_request',
	'rate_limited',
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

/**
 * `failure_reason` per code. The first four are the docs' sample strings; Luma publishes none for the
 * other five, so those are written in the same voice (not documented).
 */
export const FAILURE_REASONS: Record<FailureCode, string> = {
	content_moderated: 'Generation output was flagged by our content moderation system.',
	generation_failed: 'Generation failed',
	budget_exhausted: 'Insufficient credits to complete this generation.',
	output_not_found: 'Output artifacts not found',
	image_too_large: 'Input media exceeds size limit',
	unsupported_format: 'Input media format is not supported',
	corrupt_input: 'Input media could not be decoded',
	invalid_request: 'Request was rejected during processing',
	rate_limited: 'Upstream capacity is rate limited, please retry',
};

export interface LayerBounds {
	x: number;
	y: number;
	width: number;
	height: number;
	canvas_width: number;
	canvas_height: number;
}

export interface GenerationLayer {
	/** Front to back; the last layer is the background. */
	index: number;
	label: string;
	description: string;
	alpha_hint: 'soft' | 'hard' | 'none';
	bounds: LayerBounds;
}

export interface GenerationOutput {
	/**
	 * `image` or `video`; an EXR export is labelled `exr` here. Luma does not document how the EXR is
	 * tagged (⚠ a guess), so clients should pick outputs by `type === 'video'` and treat others as extras.
	 */
	type: 'image' | 'video' | 'exr';
	url: string;
	layer?: GenerationLayer | null;
}

export interface Generation {
	id: string;
	/** ISO 8601 in whole seconds, as in Luma's examples (`2026-04-08T12:00:00Z`). */
	created_at: string;
	model: Model;
	type: GenerationType;
	state: GenerationState;
	failure_code: FailureCode | null;
	failure_reason: string | null;
	output: GenerationOutput[];
}

export const FILE_PURPOSES = ['input', 'reference'] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];
export const FILE_STATES = ['pending', 'ready', 'failed', 'deleted'] as const;
export type FileState = (typeof FILE_STATES)[number];

export interface AgentsFile {
	id: string;
	created_at: string;
	mime_type: string;
	purpose: FilePurpose;
	size_bytes: number;
	state: FileState;
	deleted_at: string | null;
	expires_at: string | null;
	failure_reason: string | null;
	filename: string | null;
	user_id: string | null;
}

export interface PresignedUpload {
	url: string;
	method: 'PUT';
	headers: Record<string, string>;
	expires_at: string;
}

export interface CreateFileResponse {
	id: string;
	state: FileState;
	file: AgentsFile;
	upload: PresignedUpload | null;
}

export interface FileList {
	data: AgentsFile[];
	has_more: boolean;
	next_cursor: string | null;
}

/** 1 GiB = 2^30 bytes; Luma's size limits are binary megabytes (50 MB = 52,428,800 bytes). */
const MIB = 1024 * 1024;

/** "50 MB" for Luma's limits, exact bytes for the small caps tests configure. */
export function formatLimit(bytes: number): string {
	return bytes % MIB === 0 ? `${bytes / MIB} MB` : `${bytes} bytes`;
}

/** `detail` texts of synchronous errors. */
export const DETAIL = {
	missingKey: 'Missing or invalid API key',
	invalidKey: 'Invalid API key',
	revokedKey: 'API key has been revoked',
	expiredKey: 'API key has expired',
	suspended: 'API client is suspended',
	deactivated: 'API client is deactivated',
	insufficientCredits: 'Insufficient credits. Please add credits to continue.',
	rateLimited: 'Rate limit exceeded',
	tooManyJobs: 'Too many concurrent jobs',
	generationNotFound: 'Generation not found',
	urlIngestionDown: 'Image URL ingestion unavailable',
	prompt: `Prompt must be between 1 and ${MAX_PROMPT_LENGTH} characters`,
	unknownModel: (model: string) => `Unknown model: ${model}`,
	typeNotSupported: (type: string, model: string) => `Type '${type}' is not supported for model '${model}'`,
	/** "Valid: …" lists the subset sorted lexicographically, as the docs show. */
	invalidAspectRatio: (value: string, valid: readonly string[]) => `Invalid aspect_ratio '${value}'. Valid: ${[...valid].sort().join(', ')}`,
	sourceRequired: (type: string) => `source is required for type '${type}'`,
	sourceOnlyForEdit: "source is only valid for type 'image_edit'",
	tooManyEditRefs: 'image_edit supports up to 8 reference images (source occupies one slot)',
	refUrlAndData: (path: string) => `${path}: provide either 'url' or 'data', not both`,
	refNeither: (path: string) => `${path}: provide either 'url' or 'data', not neither`,
	refMediaTypeWithData: (path: string) => `${path}: 'media_type' is required with 'data'`,
	fetchFailed: (path: string) => `${path}: failed to fetch URL`,
	fetchStatus: (path: string, status: number) => `${path}: failed to fetch URL (HTTP ${status})`,
	notAnImage: (path: string) => `${path}: content-type is not an image`,
	invalidBase64: (path: string) => `${path}: invalid base64 data`,
	tooLarge: (path: string, what: 'image' | 'video', limit: number) => `${path}: ${what} exceeds ${formatLimit(limit)} limit`,

	// Not documented: Luma publishes no text for these rules; written in the documented ones' style.
	layeringPrompt: `Prompt must be at most ${MAX_LAYERING_PROMPT_LENGTH} characters for type 'layering'`,
	sourceNotForVideo: "source is not valid for type 'video' (use video.start_frame or video.keyframes)",
	tooManyImageRefs: 'image supports up to 9 reference images',
	imageRefNotAllowed: (type: string) => `image_ref is not valid for type '${type}'`,
	aspectRatioRequired: (type: string) => `aspect_ratio is required for type '${type}'`,
	mangaNeedsPortrait: `style 'manga' requires a portrait aspect_ratio. Valid: ${[...MANGA_ASPECT_RATIOS].sort().join(', ')}`,
	videoOptionsNotAllowed: (type: string) => `video options are not valid for type '${type}'`,
	layeringOptionsNotAllowed: (type: string) => `layering options are not valid for type '${type}'`,
	optionOnlyFor: (option: string, type: string) => `${option} is only valid for type '${type}'`,
	optionNotFor: (option: string, type: string) => `${option} is not supported for type '${type}'`,
	loopExcludes: (other: string) => `video.loop cannot be combined with ${other}`,
	framesNot10s: "video.start_frame and video.end_frame are not supported with duration '10s'",
	extensionWithSecondFrame: 'Extending a generation together with a second frame is not supported yet',
	extensionIsSdr: 'Extending a generation is SDR only: video.hdr is not supported',
	hdrResolution: "video.hdr requires resolution '720p' or '1080p'",
	hdrNotEnabled: 'HDR is not enabled for this API client',
	exrNeedsHdr: 'video.exr_export requires video.hdr',
	keyframesExclusive: (prefix: string, others: string) => `${prefix}.keyframes cannot be combined with ${others}`,
	keyframesCount: (prefix: string) => `${prefix}.keyframes must have between 1 and ${MAX_KEYFRAMES} entries`,
	keyframesLength: (prefix: string) => `${prefix}.keyframes and ${prefix}.keyframe_indexes must have the same length`,
	keyframeIndexesUnique: (prefix: string) => `${prefix}.keyframe_indexes must be unique`,
	keyframeIndexNegative: (prefix: string, index: number) => `${prefix}.keyframe_indexes[${index}] must be non-negative`,
	keyframeIndexRange: (index: number, max: number, duration: string) =>
		`video.keyframe_indexes[${index}] must be between 0 and ${max} for duration '${duration}'`,
	autoControlsExclusive: 'video.edit.auto_controls cannot be combined with video.edit.strength or video.edit.controls',
	reframeVerticalHd: "video_reframe at '1080p' is not available for vertical aspect ratios (9:16, 3:4)",
	refExactlyOne: (path: string) => `${path}: provide exactly one of 'url', 'data', 'generation_id' or 'file_id'`,
	refMediaTypeWithVideoUrl: (path: string, type: string) => `${path}: 'media_type' is required with 'url' for type '${type}'`,
	refNotVideo: (path: string, type: string) => `${path}: media_type must be video/* for type '${type}'`,
	refGenerationNotFound: (path: string) => `${path}: generation not found`,
	refGenerationNotCompleted: (path: string) => `${path}: generation is not completed`,
	refGenerationWrongKind: (path: string, kind: 'image' | 'video') => `${path}: generation has no ${kind} output`,
	refFileNotFound: (path: string) => `${path}: file not found`,
	refFileNotReady: (path: string, state: string) => `${path}: file is not ready (state '${state}')`,
	refFileWrongKind: (path: string, kind: 'image' | 'video') => `${path}: file is not ${kind === 'image' ? 'an image' : 'a video'}`,
	fileNotFound: 'File not found',
	fileNotUploaded: 'No bytes were uploaded for this file: PUT them to the upload URL first',
	fileContentType: 'Unsupported Content-Type: send multipart/form-data or application/json',
	fileMimeType: (mime: string) => `Unsupported mime_type '${mime}'`,
	fileInlineTooLarge: (limit: number) => `File exceeds the ${formatLimit(limit)} inline upload limit: use a presigned upload`,
	invalidCursor: 'Invalid cursor',
	/** Starlette's text for a multipart body it cannot parse. */
	multipartUnparsable: 'There was an error parsing the body',
} as const;
