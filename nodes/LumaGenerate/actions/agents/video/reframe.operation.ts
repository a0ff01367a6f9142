import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { AgentsRequest } from '../../../engine/agents/create';
import { agentsCreateOperation } from '../../../engine/agents/create';
import { mediaInput } from '../fields/media';
import { modelFields, promptField } from '../fields/model';
import { createOptions, waitFields } from '../fields/options';
import { resolutionField, VERTICAL_VIDEO_RATIOS, videoAspectRatioField } from '../fields/output';
import { readModel, readPrompt, reframeProblem, sourcePositionProblem, throwProblem } from '../inputs/checks';
import { readRequiredMediaSlot } from '../inputs/common';

/** Ray 3.2 `video_reframe`: the source video on a canvas of another aspect ratio, the new area painted in. */

const position = (
	displayName: string,
	name: string,
	description: string,
	typeOptions: INodeProperties['typeOptions'],
	defaultValue: number,
): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	required: true,
	typeOptions,
	default: defaultValue,
	description,
});

const properties: INodeProperties[] = [
	...modelFields('video'),
	promptField({ placeholder: 'Extend the beach and the sky above the surfer', description: 'What to paint into the new area, 1 to 6,000 characters' }),
	mediaInput('Source Video', 'sourceVideo', 'video', {
		required: true,
		description: 'The video to reframe; a previous Ray 3.2 video works by its ID',
	}),
	videoAspectRatioField({ displayName: 'Target Aspect Ratio', default: '9:16', description: 'The shape of the new canvas' }),
	resolutionField('Output resolution (vertical targets up to 720p)'),
	{
		displayName: 'Source Position',
		name: 'sourcePosition',
		type: 'fixedCollection',
		placeholder: 'Add Source Position',
		default: {},
		description: 'Where the source sits on the new canvas, as fractions of it; leave out to let Ray centre it',
		options: [
			{
				displayName: 'Source Position',
				name: 'value',
				values: [
					position('Left', 'x', 'Left edge as a fraction of the canvas width (may be negative: off the canvas)', { numberPrecision: 3 }, 0),
					position('Top', 'y', 'Top edge as a fraction of the canvas height (may be negative)', { numberPrecision: 3 }, 0),
					position('Width', 'width', 'Width as a fraction of the canvas width, more than 0 and up to 2', { minValue: 0, maxValue: 2, numberPrecision: 3 }, 1),
					position('Height', 'height', 'Height as a fraction of the canvas height, more than 0 and up to 2', { minValue: 0, maxValue: 2, numberPrecision: 3 }, 1),
				],
			},
		],
	},
	...waitFields,
	createOptions('video', 'The binary field for the MP4'),
];

export const description = updateDisplayOptions({ show: { resource: ['video'], operation: ['reframe'] } }, properties);

async function build(this: IExecuteFunctions, itemIndex: number): Promise<AgentsRequest> {
	const aspectRatio = this.getNodeParameter('aspectRatio', itemIndex) as string;
	const resolution = this.getNodeParameter('resolution', itemIndex) as string;
	throwProblem(this, itemIndex, reframeProblem(aspectRatio, resolution, VERTICAL_VIDEO_RATIOS));
	const placed = (this.getNodeParameter('sourcePosition', itemIndex, {}) as IDataObject).value as IDataObject | undefined;
	const video: IDataObject = { resolution };
	if (placed) {
		throwProblem(this, itemIndex, sourcePositionProblem(placed));
		video.source_position = { x_norm: placed.x, y_norm: placed.y, w_norm: placed.width, h_norm: placed.height };
	}
	const model = readModel(this, itemIndex, 'video');
	const prompt = readPrompt(this, itemIndex);
	const source = await readRequiredMediaSlot(this, itemIndex, 'sourceVideo', ['source'], { label: 'Source Video', accepts: 'video', purpose: 'input' });
	return { type: 'video_reframe', body: { type: 'video_reframe', model, prompt, aspect_ratio: aspectRatio, video }, media: [source] };
}

export const executeBatch = agentsCreateOperation(build);
