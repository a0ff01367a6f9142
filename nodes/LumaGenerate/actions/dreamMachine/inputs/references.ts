import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Generation, GenerationGroup } from '../../../../shared/generation/generation';
import { getGeneration } from '../../../../shared/generation/generation';
import { checkGenerationId, checkUrl, invalid } from './validation';

/**
 * Inputs (keyframes, references, source media) are "Image URL" or "Previous Generation ID", so a
 * chain is just `{{ $json.id }}`. A previous generation is looked up (a free GET) before anything
 * is created: it must be finished, and Luma only takes *video* generations as `generation`
 * keyframes, so an image generation is passed on as its image URL.
 */
export interface SourceValue extends IDataObject {
	source?: 'url' | 'generation';
	url?: string;
	generationId?: string;
}

export type Keyframe = { type: 'image'; url: string } | { type: 'generation'; id: string };

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

/** A keyframe. `generationKind` limits what a previous generation may be for this operation. */
export async function resolveKeyframe(
	this: IExecuteFunctions,
	itemIndex: number,
	value: SourceValue,
	field: string,
	generationKind: 'video' | 'any' = 'any',
): Promise<Keyframe> {
	if ((value.source ?? 'url') === 'url') return { type: 'image', url: checkUrl(this, itemIndex, value.url, `${field} URL`) };
	const id = checkGenerationId(this, itemIndex, value.generationId, `${field} Generation ID`);
	const generation = await finishedGeneration.call(this, itemIndex, id, field);
	if (isVideoGeneration(generation)) return { type: 'generation', id };
	if (generationKind === 'video') {
		throw invalid(this, itemIndex, `${field}: generation ${id} is an image, but this operation needs a video`, 'Use a video generation ID (to animate an image, use Video → Generate with the image as a keyframe).');
	}
	const url = generation.assets?.image;
	if (!url) throw invalid(this, itemIndex, `${field}: generation ${id} has no image`);
	return { type: 'image', url };
}

/** A media URL (modify/reframe source, first frame, image references): a URL, or a generation's asset. */
export async function resolveMediaUrl(
	this: IExecuteFunctions,
	itemIndex: number,
	value: SourceValue,
	field: string,
	asset: GenerationGroup,
): Promise<string> {
	if ((value.source ?? 'url') === 'url') return checkUrl(this, itemIndex, value.url, `${field} URL`);
	const id = checkGenerationId(this, itemIndex, value.generationId, `${field} Generation ID`);
	const generation = await finishedGeneration.call(this, itemIndex, id, field);
	const url = generation.assets?.[asset];
	if (!url) throw invalid(this, itemIndex, `${field}: generation ${id} has no ${asset}`);
	return url;
}

/** The first entry of a single-value fixedCollection (`{ value: {...} }`), if filled in. */
export function singleSource(collection: unknown, key = 'value'): SourceValue | undefined {
	const entry = (collection as IDataObject | undefined)?.[key];
	if (!entry || typeof entry !== 'object') return undefined;
	return (Array.isArray(entry) ? entry[0] : entry) as SourceValue | undefined;
}

/** Every entry of a multi-value fixedCollection. */
export function manySources(collection: unknown, key = 'values'): SourceValue[] {
	const entries = (collection as IDataObject | undefined)?.[key];
	if (!entries) return [];
	return (Array.isArray(entries) ? entries : [entries]) as SourceValue[];
}
