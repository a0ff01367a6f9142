/**
 * What a generation costs, in USD cents (the unit of `GET /credits`).
 *
 * Luma publishes no Dream Machine price list any more; these are the per-video/per-image prices
 * ComfyUI shows on its Luma nodes (GitHub Comfy-Org/ComfyUI, comfy_api_nodes/nodes_luma.py), plus the official Modify rates worked out for a
 * 720p 5 s clip. Plausible rather than exact: tests only need charges and refunds to add up.
 */

type VideoPriceTable = Record<string, Record<'5s' | '9s', Record<'540p' | '720p' | '1080p' | '4k', number>>>;

const VIDEO_CENTS: VideoPriceTable = {
	'ray-flash-2': {
		'5s': { '540p': 20, '720p': 34, '1080p': 79, '4k': 313 },
		'9s': { '540p': 36, '720p': 61, '1080p': 142, '4k': 565 },
	},
	'ray-2': {
		'5s': { '540p': 57, '720p': 102, '1080p': 227, '4k': 911 },
		'9s': { '540p': 103, '720p': 183, '1080p': 410, '4k': 1640 },
	},
};

const IMAGE_CENTS: Record<string, number> = { 'photon-1': 1.04, 'photon-flash-1': 0.27 };

/** Official Modify rates ($0.01582 / $0.00544 per megapixel) for 720p 16:9 5 s. */
const MODIFY_CENTS: Record<string, number> = { 'ray-2': 175, 'ray-flash-2': 60 };

/** Undocumented; a flat price so audio jobs still move the balance. */
const ADD_AUDIO_CENTS = 20;

function videoPrice(model: string, resolution = '720p', duration = '5s'): number {
	const table = VIDEO_CENTS[model] ?? VIDEO_CENTS['ray-2'];
	const byDuration = table[duration as '5s' | '9s'] ?? table['5s'];
	return byDuration[resolution as '720p'] ?? byDuration['720p'];
}

export type PricedOperation =
	| { kind: 'video'; model: string; resolution?: string; duration?: string }
	| { kind: 'image'; model: string }
	| { kind: 'modify_video'; model: string }
	/** Luma: reframe costs "the same as the model". */
	| { kind: 'reframe_video'; model: string }
	| { kind: 'reframe_image'; model: string }
	/** Priced like a 5 s clip of the source model at the target resolution. */
	| { kind: 'upscale_video'; model: string; resolution?: string }
	| { kind: 'add_audio' };

export function priceInCents(operation: PricedOperation): number {
	switch (operation.kind) {
		case 'video':
			return videoPrice(operation.model, operation.resolution, operation.duration);
		case 'reframe_video':
			return videoPrice(operation.model);
		case 'upscale_video':
			return videoPrice(operation.model, operation.resolution ?? '1080p');
		case 'modify_video':
			return MODIFY_CENTS[operation.model] ?? MODIFY_CENTS['ray-2'];
		case 'image':
		case 'reframe_image':
			return IMAGE_CENTS[operation.model] ?? IMAGE_CENTS['photon-1'];
		case 'add_audio':
			return ADD_AUDIO_CENTS;
	}
}
