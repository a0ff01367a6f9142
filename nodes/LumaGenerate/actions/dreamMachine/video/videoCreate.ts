import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { describeValue, isEmpty } from '../../../../shared/validation/values';
import type { CreateRequest } from '../../../engine/create';
import { aspectRatioField, durationField, DURATIONS, resolutionField, RESOLUTIONS } from '../fields/media';
import { createOptionsCollection } from '../fields/options';
import { callbackUrlField, waitFields } from '../fields/waiting';
import type { Keyframe } from '../inputs/references';
import { invalid, readModel, readOpenOption, readPrompt, requiredError, withCallbackUrl } from '../inputs/validation';

/**
 * POST /generations/video serves four operations (generate, extend, reverse extend, interpolate):
 * they differ only in the keyframes. The fields and body they share live here.
 */

/** Luma refuses `loop` for every keyframe combination except none, a start image, or a forward extend. */
export function loopProblem(frame0?: Keyframe, frame1?: Keyframe): string | undefined {
	const kind0 = frame0?.type;
	const kind1 = frame1?.type;
	if (kind0 === 'image' && kind1 === 'image') return 'Luma does not support Loop with both a start and an end image';
	if (kind0 && kind1) return 'Luma does not support Loop when interpolating';
	if (kind1 === 'image') return 'Luma does not support Loop with an end image';
	if (kind1 === 'generation') return 'Luma does not support Loop for a reverse extend';
	return undefined;
}

/** Model, output format fields and extras of a video create (after the operation's own inputs). */
export function videoOutputFields({ loop }: { loop: boolean }): INodeProperties[] {
	const additional: INodeProperties[] = [
		callbackUrlField,
		{
			displayName: 'Concept Names or IDs',
			name: 'concepts',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getConcepts' },
			default: [],
			description:
				'Camera moves and styles to apply, e.g. dolly_zoom or handheld. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	];
	if (loop) {
		additional.unshift({
			displayName: 'Loop',
			name: 'loop',
			type: 'boolean',
			default: false,
			description: 'Whether the video should loop seamlessly (not available with an end frame or when interpolating)',
		});
	}
	return [
		aspectRatioField(),
		resolutionField('720p', 'Output resolution (higher costs more); an expression may give a newer resolution Luma documents'),
		durationField,
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: additional,
		},
		...waitFields,
		createOptionsCollection('video'),
	];
}

const CONCEPT_KEY = /^[A-Za-z0-9_-]+$/;

/**
 * The concepts of one item. The picker gives a list of keys; an expression may give a list or one
 * text with keys separated by commas. The keys themselves are Luma's open list (loaded from the API).
 */
function readConcepts(ctx: IExecuteFunctions, itemIndex: number, value: unknown): Array<{ key: string }> {
	if (isEmpty(value)) return [];
	const label = 'Concept Names or IDs';
	const entries: unknown[] = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value];
	const keys: string[] = [];
	for (const entry of entries) {
		const key = typeof entry === 'string' ? entry.trim() : undefined;
		if (key === undefined || !CONCEPT_KEY.test(key)) {
			throw invalid(ctx, itemIndex, `${label} must be concept keys such as dolly_zoom or handheld, got ${describeValue(Array.isArray(value) ? entry : value)}`, 'See Concept → List for the keys Luma accepts.');
		}
		keys.push(key);
	}
	return keys.map((key) => ({ key }));
}

export interface VideoKeyframes {
	frame0?: Keyframe;
	frame1?: Keyframe;
}

/**
 * The body of a video create, from the shared fields plus the operation's keyframes. Every field
 * is read and checked first; `resolveKeyframes` (which may look previous generations up) runs
 * after, so a bad field never costs a request; what depends on the keyframes comes last.
 */
export async function buildVideoCreate(
	this: IExecuteFunctions,
	itemIndex: number,
	resolveKeyframes: () => Promise<VideoKeyframes>,
): Promise<CreateRequest> {
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const prompt = readPrompt(this, itemIndex, { required: false });
	const fields: IDataObject = {
		model: readModel(this, itemIndex, 'video'),
		aspect_ratio: this.getNodeParameter('aspectRatio', itemIndex),
		resolution: readOpenOption(this, itemIndex, 'resolution', 'Resolution', RESOLUTIONS),
		duration: readOpenOption(this, itemIndex, 'duration', 'Duration', DURATIONS),
	};
	const concepts = readConcepts(this, itemIndex, additional.concepts);
	const body = withCallbackUrl(this, itemIndex, fields, additional);

	const { frame0, frame1 } = await resolveKeyframes();
	if (prompt !== undefined) body.prompt = prompt;
	else if (frame0?.type !== 'image' && frame1?.type !== 'image') {
		throw requiredError(this, itemIndex, 'Prompt', 'prompt', 'Luma needs a prompt unless a start or end image is given.');
	}
	if (frame0 || frame1) body.keyframes = { ...(frame0 ? { frame0 } : {}), ...(frame1 ? { frame1 } : {}) };
	if (additional.loop === true) {
		const problem = loopProblem(frame0, frame1);
		if (problem) throw invalid(this, itemIndex, `Loop: ${problem}`, 'Turn Loop off for this combination of keyframes.');
		body.loop = true;
	}
	if (concepts.length) body.concepts = concepts;
	return { path: '/generations/video', body };
}
