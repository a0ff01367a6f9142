import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { AgentsRequest } from '../../../engine/agents/create';
import { agentsCreateOperation } from '../../../engine/agents/create';
import { mediaInput, mediaList } from '../fields/media';
import { modelFields, promptField } from '../fields/model';
import { createOptions, waitFields } from '../fields/options';
import { resolutionField } from '../fields/output';
import { frameOf, hdrProblem, keyframesProblem, readModel, readPrompt, throwProblem } from '../inputs/checks';
import { readMediaList, readRequiredMediaSlot } from '../inputs/common';
import { hdrFields, readHdr } from './videoCreate';

/**
 * Ray 3.2 video-to-video (`video_edit`): the source video restyled or changed by the prompt, as long
 * as the source (up to 18 s). Either Ray derives the conditioning itself (auto controls), or the
 * node sends a strength and the controls the user set (manual); Luma refuses both at once.
 */

const STRENGTHS = ['adhere', 'flex', 'reimagine'].flatMap((family) =>
	[1, 2, 3].map((level) => ({ name: `${family[0].toUpperCase()}${family.slice(1)} ${level}`, value: `${family}_${level}` })),
);

const manual = { displayOptions: { show: { controlMode: ['manual'] } } };
const fraction = { typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 } };

const properties: INodeProperties[] = [
	...modelFields('video'),
	promptField({ placeholder: 'Turn it into a hand-painted watercolor animation', description: 'What to change, 1 to 6,000 characters' }),
	mediaInput('Source Video', 'sourceVideo', 'video', {
		required: true,
		description: 'The video to edit (up to 18 seconds); a previous Ray 3.2 video works by its ID',
	}),
	resolutionField('Output resolution; the output is as long as the source'),
	{
		displayName: 'Control Mode',
		name: 'controlMode',
		type: 'options',
		options: [
			{ name: 'Automatic', value: 'auto', description: 'Ray derives how closely to follow the source (recommended)' },
			{ name: 'Manual', value: 'manual', description: 'Set the strength and the conditioning controls yourself' },
		],
		default: 'auto',
	},
	{
		displayName: 'Strength',
		name: 'strength',
		type: 'options',
		options: STRENGTHS,
		default: 'flex_1',
		description: 'Adhere stays close to the source, Flex balances, Reimagine takes liberties; higher numbers go further',
		...manual,
	},
	{
		displayName: 'Controls',
		name: 'controls',
		type: 'collection',
		placeholder: 'Add Control',
		default: {},
		description: 'What of the source Ray keeps; a control left out uses the model default',
		...manual,
		options: [
			{ displayName: 'Depth', name: 'depth', type: 'boolean', default: true, description: 'Whether to keep the scene geometry (depth)' },
			{ displayName: 'Depth Blur', name: 'depthBlur', type: 'number', ...fraction, default: 0.5, description: 'From 0 to 1; higher allows more geometric freedom' },
			{ displayName: 'Face', name: 'face', type: 'boolean', default: true, description: 'Whether to keep the faces (identity)' },
			{ displayName: 'Normals', name: 'normals', type: 'boolean', default: true, description: 'Whether to keep the surface normals' },
			{ displayName: 'Normals Augmentation', name: 'normalsAugmentation', type: 'number', ...fraction, default: 0.5, description: 'From 0 to 1; higher reinterprets surfaces more' },
			{ displayName: 'Pose', name: 'pose', type: 'boolean', default: true, description: 'Whether to keep the poses (skeletons)' },
			{
				displayName: 'Pose Strength',
				name: 'poseStrength',
				type: 'options',
				options: [
					{ name: 'Coarse', value: 'coarse' },
					{ name: 'Precise', value: 'precise' },
				],
				default: 'precise',
			},
			{ displayName: 'Trajectory', name: 'trajectory', type: 'boolean', default: true, description: 'Whether to keep the motion paths' },
			{ displayName: 'Trajectory Sparsity', name: 'trajectorySparsity', type: 'number', ...fraction, default: 0.5, description: 'From 0 to 1; higher uses fewer motion anchors' },
		],
	},
	mediaList('Guide Keyframes', 'guideKeyframes', 'Guide Keyframe', 'image', {
		description: 'Up to 64 images that show what given frames of the source should become',
		extra: [
			{
				displayName: 'Source Frame',
				name: 'frame',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 0 },
				default: 0,
				description: 'The frame of the source video this image guides (0 is the first)',
			},
		],
	}),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: hdrFields,
	},
	...waitFields,
	createOptions('video', 'The binary field for the MP4 (an EXR export goes to "exr")'),
];

export const description = updateDisplayOptions({ show: { resource: ['video'], operation: ['edit'] } }, properties);

/** One control: `enabled` only when the user set it, plus its own setting. */
function control(controls: IDataObject, enabled: string, setting?: [string, string]): IDataObject | undefined {
	const entry: IDataObject = {};
	if (typeof controls[enabled] === 'boolean') entry.enabled = controls[enabled];
	if (setting && controls[setting[0]] !== undefined) entry[setting[1]] = controls[setting[0]];
	return Object.keys(entry).length ? entry : undefined;
}

function readEdit(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	if (ctx.getNodeParameter('controlMode', itemIndex, 'auto') !== 'manual') return { auto_controls: true };
	const controls = ctx.getNodeParameter('controls', itemIndex, {}) as IDataObject;
	const chosen: IDataObject = {};
	const entries: Array<[string, IDataObject | undefined]> = [
		['depth', control(controls, 'depth', ['depthBlur', 'blur'])],
		['face', control(controls, 'face')],
		['normals', control(controls, 'normals', ['normalsAugmentation', 'augmentation'])],
		['pose', control(controls, 'pose', ['poseStrength', 'strength'])],
		['trajectory', control(controls, 'trajectory', ['trajectorySparsity', 'sparsity'])],
	];
	for (const [name, entry] of entries) if (entry) chosen[name] = entry;
	const edit: IDataObject = { strength: ctx.getNodeParameter('strength', itemIndex) };
	if (Object.keys(chosen).length) edit.controls = chosen;
	return edit;
}

async function build(this: IExecuteFunctions, itemIndex: number): Promise<AgentsRequest> {
	const resolution = this.getNodeParameter('resolution', itemIndex) as string;
	const { hdr, exr } = readHdr(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject);
	throwProblem(this, itemIndex, hdrProblem(hdr, exr, resolution));
	const model = readModel(this, itemIndex, 'video');
	const prompt = readPrompt(this, itemIndex);
	const source = await readRequiredMediaSlot(this, itemIndex, 'sourceVideo', ['source'], { label: 'Source Video', accepts: 'video', purpose: 'input' });
	const { entries, slots } = await readMediaList(
		this,
		itemIndex,
		'guideKeyframes',
		(index) => ['video', 'edit', 'keyframes', index],
		(index) => ({ label: `Guide Keyframe ${index + 1}`, accepts: 'image', purpose: 'input' }),
	);
	const frames = entries.map(frameOf);
	// Guide frames sit on the source's own frame grid, whose length only Luma knows.
	throwProblem(this, itemIndex, keyframesProblem('Guide Keyframes', frames, undefined, 'the source video'));
	const edit = readEdit(this, itemIndex);
	if (slots.length) edit.keyframe_indexes = frames;
	const video: IDataObject = { resolution, edit };
	if (hdr) video.hdr = true;
	if (exr) video.exr_export = true;
	return { type: 'video_edit', body: { type: 'video_edit', model, prompt, video }, media: [source, ...slots] };
}

export const executeBatch = agentsCreateOperation(build);
