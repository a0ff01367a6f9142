/**
 * What a create reserves from the client's balance, in micro-dollars, from Luma's pricing page
 * (https://docs.agents.lumalabs.ai/guides/pricing/) where it gives figures. The balance only decides
 * the 402 and the `budget_exhausted` refund rule, so the ⚠ guesses below cannot mislead a client
 * about money: they only set how many creates a test balance pays for.
 */
import type { LayeringResolution, Model, VideoDuration, VideoResolution } from './wire';

const IMAGE_BASE: Record<string, number> = { 'uni-1': 40_400, 'uni-1-max': 100_000 };
/** An edit, or a first reference image, costs $0.003 more; every further reference another $0.003. */
const PER_REFERENCE = 3_000;

/** Ray 3.2 per 5 s clip, SDR; 10 s costs three times as much (June 2026 price table). */
const VIDEO_5S: Record<VideoResolution, number> = { '360p': 60_000, '540p': 150_000, '720p': 300_000, '1080p': 1_200_000 };
/** HDR doubles and HDR+EXR triples the SDR price at 720p/1080p. */
const HDR_FACTOR = 2;
const EXR_FACTOR = 3;
/** ⚠ Lowest tier of each resolution as ComfyUI shows it (the price depends on the source length). */
const VIDEO_EDIT: Record<VideoResolution, number> = { '360p': 540_000, '540p': 720_000, '720p': 1_080_000, '1080p': 2_160_000 };
/** Per second of output; the simulator does not read the source, so it bills a 5 s clip (⚠). */
const REFRAME_PER_SECOND: Record<VideoResolution, number> = { '360p': 30_000, '540p': 60_000, '720p': 120_000, '1080p': 360_000 };
const REFRAME_SECONDS = 5;
/** ⚠ Luma prices layering per layer without publishing figures: one uni-1 image (1k) or a uni-1-max one (2k). */
const LAYER: Record<LayeringResolution, number> = { '1k': 40_400, '2k': 100_000 };

export type PricedRequest =
	| { kind: 'image'; model: Model; edit: boolean; references: number }
	| { kind: 'video'; resolution: VideoResolution; duration: VideoDuration; hdr: boolean; exr: boolean }
	| { kind: 'video_edit'; resolution: VideoResolution }
	| { kind: 'video_reframe'; resolution: VideoResolution }
	| { kind: 'layering'; resolution: LayeringResolution; layers: number };

export function priceInMicros(request: PricedRequest): number {
	switch (request.kind) {
		case 'image': {
			const extras = (request.edit ? 1 : 0) + request.references;
			return (IMAGE_BASE[request.model] ?? IMAGE_BASE['uni-1']) + PER_REFERENCE * extras;
		}
		case 'video': {
			const factor = request.exr ? EXR_FACTOR : request.hdr ? HDR_FACTOR : 1;
			return VIDEO_5S[request.resolution] * factor * (request.duration === '10s' ? 3 : 1);
		}
		case 'video_edit':
			return VIDEO_EDIT[request.resolution];
		case 'video_reframe':
			return REFRAME_PER_SECOND[request.resolution] * REFRAME_SECONDS;
		case 'layering':
			return LAYER[request.resolution] * request.layers;
	}
}
