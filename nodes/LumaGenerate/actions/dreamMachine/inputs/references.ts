import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Generation, GenerationGroup } from '../../../../shared/generation/generation';
import { getGeneration } from '../../../../shared/generation/generation';
import { checkGenerationId, checkUrl, invalid } from './validation';

/**
 * Inputs (keyframes, references, source media) are "Image URL" or "Previous Generation ID", so a
 * chain is just `{{ $json.id }}`. Reading one has two steps: `check…` reads and checks what the
 * user gave, with no request, so an operation checks ALL its fields before its first request; then
 * `resolve…` looks a previous generation up (a free GET): it must be finished, and Luma only takes
 * *video* generations as `generation` keyframes, so an image generation is passed on as its image URL.
 */
export interface SourceValue extends IDataObject {
	source?: 'url' | 'generation';
	url?: string;
	generationId?: string;
}

export type Keyframe = { type: 'image'; url: string } | { type: 'generation'; id: string };

/** An input read and checked, not yet resolved; `label` names it as the user sees it ("Start Frame"). */
export type CheckedSource = { label: string; entry: SourceValue } & ({ kind: 'url'; url: string } | { kind: 'generation'; id: string });

export type GenerationSource = Extract<CheckedSource, { kind: 'generation' }>;

/**
 * Checks one input without a request. `path` is where it sits in the node's parameters
 * ("keyframes.frame0", "imageReferences.values.1"), to tell an expression that gave nothing.
 */
export function checkSource(ctx: IExecuteFunctions, itemIndex: number, entry: SourceValue, label: string, path: string): CheckedSource {
	if ((entry.source ?? 'url') === 'url') return { label, entry, kind: 'url', url: checkUrl(ctx, itemIndex, entry.url, `${label} URL`, `${path}.url`) };
	return { label, entry, kind: 'generation', id: checkGenerationId(ctx, itemIndex, entry.generationId, `${label} Generation ID`, `${path}.generationId`) };
}

/** The "Video Generation ID" field of extend, reverse extend, upscale and add audio, checked without a request. */
export function videoGenerationSource(ctx: IExecuteFunctions, itemIndex: number): GenerationSource {
	const generationId: unknown = ctx.getNodeParameter('generationId', itemIndex, '');
	const id = checkGenerationId(ctx, itemIndex, generationId, 'Video Generation ID', 'generationId');
	return { label: 'Video', entry: { source: 'generation' }, kind: 'generation', id };
}

/** The input of a single-value group (`{ value: {...} }`), checked; undefined when not filled in. */
export function readSingleSource(ctx: IExecuteFunctions, itemIndex: number, name: string, label: string): CheckedSource | undefined {
	const collection = ctx.getNodeParameter(name, itemIndex, {}) as IDataObject;
	const entry = collection.value;
	if (!entry || typeof entry !== 'object') return undefined;
	const first = Array.isArray(entry) ? (entry[0] as SourceValue | undefined) : (entry as SourceValue);
	return first ? checkSource(ctx, itemIndex, first, label, `${name}.value`) : undefined;
}

/** Every input of a multi-value group (`{ values: [...] }`), checked, numbered as the user sees them ("Image Reference 2"). */
export function readManySources(ctx: IExecuteFunctions, itemIndex: number, name: string, label: string): CheckedSource[] {
	const collection = ctx.getNodeParameter(name, itemIndex, {}) as IDataObject;
	const entries = collection.values;
	if (!entries) return [];
	const list = (Array.isArray(entries) ? entries : [entries]) as SourceValue[];
	return list.map((entry, index) => checkSource(ctx, itemIndex, entry, `${label} ${index + 1}`, `${name}.values.${index}`));
}

async function finishedGeneration(this: IExecuteFunctions, itemIndex: number, id: string, field: string): Promise<Generation> {
	const generation = await getGeneration.call(this, id, itemIndex);
	if (generation.state !== 'completed') {
		throw invalid(
			this,
			itemIndex,
			`${field}: generation ${id} is "${generation.state ?? 'unknown'}", not completed`,
			'Wait for it first: set "Wait for Completion" on the node that created it, or use Generation → Wait for Completion.',
		);
	}
	return generation;
}

function isVideoGeneration(generation: Generation): boolean {
	return generation.generation_type === 'video' || Boolean(generation.assets?.video);
}

/** A finished video generation, as extend, reverse extend, upscale and add audio need it. */
export async function requireFinishedVideo(this: IExecuteFunctions, itemIndex: number, source: GenerationSource): Promise<void> {
	const generation = await finishedGeneration.call(this, itemIndex, source.id, source.label);
	if (!isVideoGeneration(generation)) {
		throw invalid(
			this,
			itemIndex,
			`${source.label}: generation ${source.id} is an image, but this operation needs a video`,
			'Use a video generation ID (to animate an image, use Video → Generate with the image as a keyframe).',
		);
	}
}

/** A keyframe: an image URL, a video generation, or an image generation (passed on as its image). */
export async function resolveKeyframe(this: IExecuteFunctions, itemIndex: number, source: CheckedSource): Promise<Keyframe> {
	if (source.kind === 'url') return { type: 'image', url: source.url };
	const generation = await finishedGeneration.call(this, itemIndex, source.id, source.label);
	if (isVideoGeneration(generation)) return { type: 'generation', id: source.id };
	const url = generation.assets?.image;
	if (!url) throw invalid(this, itemIndex, `${source.label}: generation ${source.id} has no image`);
	return { type: 'image', url };
}

/** A media URL (modify/reframe source, first frame, image references): a URL, or a generation's asset. */
export async function resolveMediaUrl(this: IExecuteFunctions, itemIndex: number, source: CheckedSource, asset: GenerationGroup): Promise<string> {
	if (source.kind === 'url') return source.url;
	const generation = await finishedGeneration.call(this, itemIndex, source.id, source.label);
	const url = generation.assets?.[asset];
	if (!url) throw invalid(this, itemIndex, `${source.label}: generation ${source.id} has no ${asset}`);
	return url;
}
