import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalid, modelNameProblem, numberOf, requireValid, textLengthProblem } from '../../../../shared/validation/readers';
import { describeValue } from '../../../../shared/validation/values';
import type { ModelKind } from '../fields/model';
import { MAX_PROMPT_LENGTH } from '../fields/model';
import { FRAMES_PER_SECOND, MANGA_ASPECT_RATIOS, MAX_KEYFRAMES } from '../fields/output';

/**
 * The Agents API's rules that a field description cannot state (they tie fields together), checked
 * in each operation's prepare step so a request Luma would refuse is never sent. Sources: the field
 * docs of https://github.com/lumalabs/luma-agents-typescript `src/resources/generations.ts` and
 * Luma's guides at https://docs.agents.lumalabs.ai. Each `…Problem` is pure: the field's name and
 * what is wrong, or undefined.
 */

export interface Problem {
	label: string;
	message: string;
	description?: string;
}

export { invalid };

export function throwProblem(ctx: IExecuteFunctions, itemIndex: number, problem: Problem | undefined): void {
	if (problem) requireValid(ctx, itemIndex, problem.label, problem.message, problem.description);
}

/** The models Luma documents and the operations that take them (TS SDK `Model`; layering: Go SDK). */
const KNOWN_MODELS: Record<string, readonly ModelKind[]> = { 'uni-1': ['image', 'layering'], 'uni-1-max': ['image'], 'ray-3.2': ['video'] };
const TAKES: Record<ModelKind, string> = {
	image: 'uni-1 or uni-1-max (or a newer image model by name)',
	layering: 'uni-1',
	video: 'ray-3.2 (or a newer video model by name)',
};

/**
 * A model from the picker, "Custom Model", or (model names being an open list) any name an
 * expression gives: a name Luma does not know yet passes through, a known model of the wrong kind
 * (a video model for an image) is refused here instead of by Luma.
 */
export function readModel(ctx: IExecuteFunctions, itemIndex: number, kind: ModelKind): string {
	const choice = String(ctx.getNodeParameter('model', itemIndex, '') ?? '').trim();
	const model = choice === 'custom' ? String(ctx.getNodeParameter('customModel', itemIndex, '') ?? '').trim() : choice;
	if (!model) {
		const label = choice === 'custom' ? 'Custom Model' : 'Model';
		throw invalid(ctx, itemIndex, `${label} is required`, 'Enter the model name exactly as Luma documents it, e.g. uni-1.');
	}
	throwProblem(ctx, itemIndex, problemOf(choice === 'custom' ? 'Custom Model' : 'Model', modelNameProblem(model)));
	const fits = KNOWN_MODELS[model];
	if (fits && !fits.includes(kind)) {
		throw invalid(ctx, itemIndex, `Model "${model}" does not fit this operation: it takes ${TAKES[kind]}`);
	}
	return model;
}

export function promptProblem(value: unknown, { max = MAX_PROMPT_LENGTH, required = true } = {}): string | undefined {
	if (typeof value !== 'string') return `must be text, got ${describeValue(value)}`;
	if (value.trim() === '') return required ? 'is required' : undefined;
	return textLengthProblem(value, 1, max);
}

/** The prompt (1–6,000 characters unless the type says otherwise); `fallback` stands in for an optional empty one. */
export function readPrompt(ctx: IExecuteFunctions, itemIndex: number, { max = MAX_PROMPT_LENGTH, fallback }: { max?: number; fallback?: string } = {}): string {
	const raw: unknown = ctx.getNodeParameter('prompt', itemIndex, '');
	const value = typeof raw === 'number' ? String(raw) : raw;
	throwProblem(ctx, itemIndex, problemOf('Prompt', promptProblem(value, { max, required: fallback === undefined })));
	const prompt = String(value);
	return prompt.trim() === '' && fallback !== undefined ? fallback : prompt;
}

function problemOf(label: string, message: string | undefined, description?: string): Problem | undefined {
	return message ? { label, message, description } : undefined;
}

/** `style: manga` draws portrait pages: Luma refuses it with a landscape or square ratio. */
export function mangaProblem(style: unknown, aspectRatio: string | undefined): Problem | undefined {
	if (style !== 'manga' || aspectRatio === undefined || MANGA_ASPECT_RATIOS.includes(aspectRatio)) return undefined;
	return {
		label: 'Style',
		message: `"Manga" needs a portrait aspect ratio (${MANGA_ASPECT_RATIOS.join(', ')}), got ${aspectRatio}`,
		description: 'Pick a portrait Aspect Ratio, "Let the Model Choose", or the Auto style.',
	};
}

export function countProblem(label: string, count: number, max: number, why: string): Problem | undefined {
	if (count <= max) return undefined;
	return { label, message: `takes at most ${max} images, got ${count}`, description: why };
}

/** A keyframe entry's frame as a number when it is one (expressions may hand over numeric text). */
export function frameOf(entry: IDataObject): number {
	return numberOf(entry.frame ?? 0);
}

/** Keyframe positions: whole, unique, and on the output's 24 fps grid (`maxFrame` undefined: no upper bound known). */
export function keyframesProblem(label: string, frames: unknown[], maxFrame: number | undefined, grid: string): Problem | undefined {
	if (frames.length > MAX_KEYFRAMES) return { label, message: `takes at most ${MAX_KEYFRAMES} keyframes, got ${frames.length}` };
	const seen = new Map<number, number>();
	for (const [index, frame] of frames.entries()) {
		const where = `${label.replace(/s$/, '')} ${index + 1} Frame`;
		if (typeof frame !== 'number' || !Number.isInteger(frame) || frame < 0) return { label: where, message: `must be a whole number of 0 or more, got ${describeValue(frame)}` };
		if (maxFrame !== undefined && frame > maxFrame) {
			return { label: where, message: `must be at most ${maxFrame} (${grid}), got ${frame}` };
		}
		const earlier = seen.get(frame);
		if (earlier !== undefined) return { label: where, message: `repeats frame ${frame} of keyframe ${earlier + 1}: each keyframe needs its own frame` };
		seen.set(frame, index);
	}
	return undefined;
}

export interface VideoPlan {
	mode: 'text' | 'frames' | 'extend' | 'keyframes';
	duration: string;
	resolution: string;
	loop: boolean;
	hdr: boolean;
	exr: boolean;
	hasStartFrame: boolean;
	hasEndFrame: boolean;
	/** A start or end frame is a previous video (an extension). */
	extendsVideo: boolean;
	keyframeFrames: unknown[];
}

/** HDR and its EXR export, for the types that take them. */
export function hdrProblem(hdr: boolean, exr: boolean, resolution: string): Problem | undefined {
	if (hdr && resolution !== '720p' && resolution !== '1080p') {
		return { label: 'HDR', message: `needs a resolution of 720p or 1080p, got ${resolution}` };
	}
	if (exr && !hdr) return { label: 'EXR Export', message: 'needs HDR: turn on HDR too (the EXR is the HDR master)' };
	return undefined;
}

/** Ray 3.2 text/image-to-video: which options go together (TS SDK VideoOptions docs). */
export function videoGenerateProblem(plan: VideoPlan): Problem | undefined {
	const seconds = Number.parseInt(plan.duration, 10) || 5;
	const framed = plan.mode === 'frames' || plan.mode === 'extend';
	if (plan.mode === 'frames' && !plan.hasStartFrame && !plan.hasEndFrame) {
		return { label: 'Start Frame', message: 'or End Frame is required when Mode is "Start and End Frames"' };
	}
	if (framed && plan.duration === '10s') {
		return {
			label: 'Duration',
			message: `of 10 seconds is not available ${plan.mode === 'extend' ? 'when extending a video' : 'with start/end frames'}: Luma makes these 5 seconds long`,
			description: 'Use 5 Seconds, or Keyframes (which work with 10 seconds).',
		};
	}
	if (plan.extendsVideo && plan.hasStartFrame && plan.hasEndFrame) {
		return { label: 'End Frame', message: 'cannot be combined with extending a previous video (Luma does not support it yet)' };
	}
	if (plan.extendsVideo && plan.hdr) return { label: 'HDR', message: 'is not available when extending a video: extensions are SDR' };
	if (plan.loop) {
		const conflict =
			plan.duration === '10s'
				? 'a 10 second duration'
				: plan.hdr
					? 'HDR'
					: plan.hasEndFrame
						? plan.mode === 'extend'
							? 'extending backward (the video is the end)'
							: 'an end frame'
						: plan.mode === 'keyframes'
							? 'keyframes'
							: undefined;
		if (conflict) return { label: 'Loop', message: `cannot be combined with ${conflict}` };
	}
	const hdr = hdrProblem(plan.hdr, plan.exr, plan.resolution);
	if (hdr) return hdr;
	if (plan.mode === 'keyframes') {
		if (plan.keyframeFrames.length === 0) return { label: 'Keyframes', message: 'needs at least one keyframe when Mode is "Keyframes"' };
		return keyframesProblem('Keyframes', plan.keyframeFrames, FRAMES_PER_SECOND * seconds, `${FRAMES_PER_SECOND} frames per second × ${seconds} s`);
	}
	return undefined;
}

/** Ray 3.2 reframe: Luma renders vertical targets up to 720p. */
export function reframeProblem(aspectRatio: string, resolution: string, vertical: readonly string[]): Problem | undefined {
	if (resolution === '1080p' && vertical.includes(aspectRatio)) {
		return { label: 'Resolution', message: `1080p is not available for a vertical target (${aspectRatio}): use 720p or lower` };
	}
	return undefined;
}

/** A source position: all four numbers, width and height more than 0 and at most 2 (the source may bleed off the canvas). */
export function sourcePositionProblem(position: IDataObject): Problem | undefined {
	for (const [key, label] of [
		['x', 'Source Position Left'],
		['y', 'Source Position Top'],
		['width', 'Source Position Width'],
		['height', 'Source Position Height'],
	] as const) {
		const value = position[key];
		if (typeof value !== 'number' || !Number.isFinite(value)) return { label, message: `must be a number, got ${describeValue(value)}` };
		if ((key === 'width' || key === 'height') && (value <= 0 || value > 2)) {
			return { label, message: `must be more than 0 and at most 2 (a fraction of the canvas), got ${value}` };
		}
	}
	return undefined;
}
