import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { AgentsRequest } from '../../../engine/agents/create';
import { agentsCreateOperation } from '../../../engine/agents/create';
import type { MediaSlot } from '../../../engine/agents/media';
import { mediaInput, mediaList } from '../fields/media';
import { modelFields, promptField } from '../fields/model';
import { createOptions, waitFields } from '../fields/options';
import { durationField, resolutionField, videoAspectRatioField } from '../fields/output';
import { frameOf, readModel, readPrompt, throwProblem, videoGenerateProblem } from '../inputs/checks';
import { allowsPrivateUrls, readMediaList, readMediaSlot } from '../inputs/common';
import { readMedia } from '../inputs/media';
import { hdrFields, readHdr } from './videoCreate';

const show = (mode: string) => ({ displayOptions: { show: { mode: [mode] } } });

const properties: INodeProperties[] = [
	...modelFields('video'),
	promptField({ placeholder: 'A slow dolly shot through a misty pine forest at dawn', description: 'What happens in the video, 1 to 6,000 characters' }),
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		options: [
			{ name: 'Extend a Video', value: 'extend', description: 'Continue a previous Ray 3.2 video, or lead into it (5 seconds, SDR)' },
			{ name: 'Keyframes', value: 'keyframes', description: 'Up to 64 images pinned to frames of the clip' },
			{ name: 'Start and End Frames', value: 'frames', description: 'The video starts and/or ends with these images' },
			{ name: 'Text Only', value: 'text', description: 'From the prompt alone' },
		],
		default: 'text',
	},
	{
		...mediaInput('Start Frame', 'startFrame', 'image', { description: 'The first frame; a previous image generation works by its ID' }),
		...show('frames'),
	},
	{ ...mediaInput('End Frame', 'endFrame', 'image', { description: 'The last frame' }), ...show('frames') },
	{
		displayName: 'Video Generation ID',
		name: 'extendGenerationId',
		type: 'string',
		// Not `required` (n8n would demand it whenever Mode is an expression): the ID is checked when read.
		default: '',
		placeholder: 'e.g. 123e4567-e89b-12d3-a456-426614174000',
		description: "A completed Ray 3.2 video of this account; to chain nodes, drag the previous node's ID field here",
		...show('extend'),
	},
	{
		displayName: 'Direction',
		name: 'extendDirection',
		type: 'options',
		options: [
			{ name: 'Forward', value: 'forward', description: 'What happens next: the new clip starts where the video ends' },
			{ name: 'Backward', value: 'backward', description: 'What happened before: the new clip ends where the video starts' },
		],
		default: 'forward',
		...show('extend'),
	},
	{
		...mediaList('Keyframes', 'keyframes', 'Keyframe', 'image', {
			description: 'Images the clip passes through, each at its frame (24 per second)',
			extra: [
				{
					displayName: 'Frame',
					name: 'frame',
					type: 'number',
					typeOptions: { minValue: 0, maxValue: 240, numberPrecision: 0 },
					default: 0,
					description: 'Where the image sits: 24 frames per second, so 0 is the start, 120 the end of a 5 second clip, 240 of a 10 second clip',
				},
			],
		}),
		...show('keyframes'),
	},
	videoAspectRatioField(),
	durationField,
	resolutionField('Output resolution: 360p is a cheap draft; HDR needs 720p or 1080p'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Loop',
				name: 'loop',
				type: 'boolean',
				default: false,
				description: 'Whether the clip should loop seamlessly (not with 10 seconds, HDR, an end frame or keyframes)',
			},
			...hdrFields,
		],
	},
	...waitFields,
	createOptions('video', 'The binary field for the MP4 (an EXR export goes to "exr")'),
];

export const description = updateDisplayOptions({ show: { resource: ['video'], operation: ['generate'] } }, properties);

type Mode = 'text' | 'frames' | 'extend' | 'keyframes';

async function readFrames(ctx: IExecuteFunctions, itemIndex: number, mode: Mode): Promise<{ slots: MediaSlot[]; frames: unknown[] }> {
	if (mode === 'frames') {
		const slots: MediaSlot[] = [];
		const start = await readMediaSlot(ctx, itemIndex, 'startFrame', ['video', 'start_frame'], { label: 'Start Frame', accepts: 'frame', purpose: 'input' });
		const end = await readMediaSlot(ctx, itemIndex, 'endFrame', ['video', 'end_frame'], { label: 'End Frame', accepts: 'frame', purpose: 'input' });
		if (start) slots.push(start);
		if (end) slots.push(end);
		return { slots, frames: [] };
	}
	if (mode === 'extend') {
		// Luma extends a video given as a frame: forward from its end (start_frame), backward into its start (end_frame).
		const backward = ctx.getNodeParameter('extendDirection', itemIndex, 'forward') === 'backward';
		// Named "Video" so its messages say "Video Generation ID", the field's name.
		const label = 'Video';
		const input = await readMedia(
			ctx,
			itemIndex,
			{ source: 'generation', generationId: ctx.getNodeParameter('extendGenerationId', itemIndex, '') },
			{ label, accepts: 'video', purpose: 'input', allowPrivateUrls: allowsPrivateUrls(ctx, itemIndex) },
		);
		return { slots: [{ path: ['video', backward ? 'end_frame' : 'start_frame'], input, label: 'Video Generation ID' }], frames: [] };
	}
	if (mode === 'keyframes') {
		const { entries, slots } = await readMediaList(
			ctx,
			itemIndex,
			'keyframes',
			(index) => ['video', 'keyframes', index],
			(index) => ({ label: `Keyframe ${index + 1}`, accepts: 'image', purpose: 'input' }),
		);
		return { slots, frames: entries.map(frameOf) };
	}
	return { slots: [], frames: [] };
}

async function build(this: IExecuteFunctions, itemIndex: number): Promise<AgentsRequest> {
	const mode = this.getNodeParameter('mode', itemIndex, 'text') as Mode;
	const duration = this.getNodeParameter('duration', itemIndex) as string;
	const resolution = this.getNodeParameter('resolution', itemIndex) as string;
	const extras = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const { hdr, exr } = readHdr(extras);
	const model = readModel(this, itemIndex, 'video');
	const prompt = readPrompt(this, itemIndex);
	const { slots, frames } = await readFrames(this, itemIndex, mode);
	const framePaths = slots.filter((slot) => slot.path[1] === 'start_frame' || slot.path[1] === 'end_frame');
	throwProblem(
		this,
		itemIndex,
		videoGenerateProblem({
			mode,
			duration,
			resolution,
			loop: extras.loop === true,
			hdr,
			exr,
			hasStartFrame: framePaths.some((slot) => slot.path[1] === 'start_frame'),
			hasEndFrame: framePaths.some((slot) => slot.path[1] === 'end_frame'),
			extendsVideo: framePaths.some((slot) => slot.input.kind === 'generation'),
			keyframeFrames: frames,
		}),
	);
	const video: IDataObject = { duration, resolution };
	if (extras.loop === true) video.loop = true;
	if (hdr) video.hdr = true;
	if (exr) video.exr_export = true;
	if (mode === 'keyframes') video.keyframe_indexes = frames;
	const body = { type: 'video', model, prompt, aspect_ratio: this.getNodeParameter('aspectRatio', itemIndex) as string, video };
	return { type: 'video', body, media: slots };
}

export const executeBatch = agentsCreateOperation(build);
