import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { CreateRequest } from '../../../engine/create';
import { aspectRatioField, RESOLUTIONS } from '../fields/media';
import { createOptionsCollection } from '../fields/options';
import { callbackUrlField, waitFields } from '../fields/waiting';
import type { Keyframe } from '../inputs/references';
import { checkPrompt, invalid, readModel, withCallbackUrl } from '../inputs/validation';

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
		{
			displayName: 'Resolution',
			name: 'resolution',
			type: 'options',
			options: RESOLUTIONS,
			default: '720p',
			description: 'Output resolution (higher costs more)',
		},
		{
			displayName: 'Duration',
			name: 'duration',
			type: 'options',
			options: [
				{ name: '5 Seconds', value: '5s' },
				{ name: '9 Seconds', value: '9s' },
			],
			default: '5s',
		},
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


/** The body of a video create, from the shared fields plus the operation's keyframes. */
export function buildVideoCreate(
	this: IExecuteFunctions,
	itemIndex: number,
	keyframes: { frame0?: Keyframe; frame1?: Keyframe },
): CreateRequest {
	const model = readModel(this, itemIndex);
	const hasImageKeyframe = keyframes.frame0?.type === 'image' || keyframes.frame1?.type === 'image';
	const prompt = checkPrompt(this, itemIndex, this.getNodeParameter('prompt', itemIndex, ''), {
		required: !hasImageKeyframe,
		requiredBecause: 'Luma needs a prompt unless a start or end image is given.',
	});
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		model,
		aspect_ratio: this.getNodeParameter('aspectRatio', itemIndex),
		resolution: this.getNodeParameter('resolution', itemIndex),
		duration: this.getNodeParameter('duration', itemIndex),
	};
	if (prompt !== undefined) body.prompt = prompt;
	if (keyframes.frame0 || keyframes.frame1) {
		body.keyframes = {
			...(keyframes.frame0 ? { frame0: keyframes.frame0 } : {}),
			...(keyframes.frame1 ? { frame1: keyframes.frame1 } : {}),
		};
	}
	if (additional.loop === true) {
		const problem = loopProblem(keyframes.frame0, keyframes.frame1);
		if (problem) throw invalid(this, itemIndex, `Loop: ${problem}`, 'Turn Loop off for this combination of keyframes.');
		body.loop = true;
	}
	const concepts = additional.concepts;
	const conceptKeys = (Array.isArray(concepts) ? concepts : typeof concepts === 'string' ? concepts.split(',') : [])
		.map((key) => String(key).trim())
		.filter(Boolean);
	if (conceptKeys.length) body.concepts = conceptKeys.map((key) => ({ key }));
	return { path: '/generations/video', body: withCallbackUrl(this, itemIndex, body, additional) };
}
