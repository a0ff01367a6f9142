/**
 * The Dream Machine wire types (as in the `lumaai` SDK v1.21 and Luma's OpenAPI source) and the
 * fixed vocabularies the simulator validates against.
 */

export const ASPECT_RATIOS = ['1:1', '16:9', '9:16', '4:3', '3:4', '21:9', '9:21'] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

/** SDK v1.21 dropped `ray-1-6` (Jan 2026); modify accepts `ray-flash-2` since Jul 2025. */
export const VIDEO_MODELS = ['ray-2', 'ray-flash-2'] as const;
export const IMAGE_MODELS = ['photon-1', 'photon-flash-1'] as const;
export const IMAGE_FORMATS = ['jpg', 'png'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

export const MODIFY_MODES = [
	'adhere_1',
	'adhere_2',
	'adhere_3',
	'flex_1',
	'flex_2',
	'flex_3',
	'reimagine_1',
	'reimagine_2',
	'reimagine_3',
] as const;

/** Camera concepts in the order ComfyUI hard-codes them (the API returns them unsorted). */
export const CONCEPT_KEYS = [
	'truck_left',
	'pan_right',
	'pedestal_down',
	'low_angle',
	'pedestal_up',
	'selfie',
	'pan_left',
	'roll_right',
	'zoom_in',
	'over_the_shoulder',
	'orbit_right',
	'orbit_left',
	'static',
	'tiny_planet',
	'high_angle',
	'bolt_cam',
	'dolly_zoom',
	'overhead',
	'zoom_out',
	'handheld',
	'roll_left',
	'pov',
	'aerial_drone',
	'push_in',
	'crane_down',
	'truck_right',
	'tilt_down',
	'elevator_doors',
	'tilt_up',
	'ground_level',
	'pull_out',
	'aerial',
	'crane_up',
	'eye_level',
] as const;

export type GenerationState = 'queued' | 'dreaming' | 'completed' | 'failed';

/** The `generation_type` literal of each create body (`request.generation_type` in the echo). */
export type RequestType =
	| 'video'
	| 'image'
	| 'upscale_video'
	| 'add_audio'
	| 'reframe_image'
	| 'reframe_video'
	| 'modify_video';

/** Rate-limit bucket: Ray (video) and Photon (image) have separate Build-tier limits. */
export type LimitGroup = 'video' | 'image';

export interface GenerationAssets {
	video?: string | null;
	image?: string | null;
	progress_video?: string | null;
}

/** `Generation` as returned by GET /generations/{id}, the creates and the callbacks. */
export interface Generation {
	id: string;
	/** Only `video` or `image`: modify/reframe/upscale/audio report the group, not the operation. */
	generation_type: LimitGroup;
	state: GenerationState;
	failure_reason: string | null;
	/** ISO 8601 with microseconds, e.g. `2024-12-02T15:34:40.388000Z`. */
	created_at: string;
	assets: GenerationAssets | null;
	model: string;
	/** Echo of the create body: known fields only, `null` where unset, documented defaults applied. */
	request: Record<string, unknown>;
}

export interface GenerationListResponse {
	generations: Generation[];
	count: number;
	has_more: boolean;
	limit: number;
	offset: number;
}

/** Verbatim `failure_reason` strings from Luma's error page (https://docs.lumalabs.ai/docs/errors). */
export const FAILURE_REASONS = {
	blacklistedWords: 'Contains blacklisted words',
	unreadableInput: 'Failed to read user input frames',
	frameModeration: 'Frame moderation failed',
	promptModeration: 'Advanced prompt moderation failed',
	promptProcessing: 'Prompt processing failed',
	dispatch: 'Error dispatching job',
	jobFailed: 'Job failed',
	callbackProcessing: 'Error processing callback',
} as const;

/** Luma's `created_at` carries microseconds; JavaScript dates stop at milliseconds. */
export function lumaTimestamp(ms: number): string {
	return new Date(ms).toISOString().replace(/Z$/, '000Z');
}
