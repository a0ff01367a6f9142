import type { INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../../../../shared/types';
import * as addAudio from './addAudio.operation';
import * as extend from './extend.operation';
import * as generate from './generate.operation';
import * as interpolate from './interpolate.operation';
import * as modify from './modify.operation';
import * as reframe from './reframe.operation';
import * as reverseExtend from './reverseExtend.operation';
import * as upscale from './upscale.operation';

const operationPicker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['video'] } },
	options: [
		{
			name: 'Add Audio',
			value: 'addAudio',
			action: 'Add audio to a video',
			description: 'Generate a soundtrack for a finished video generation (creates a new generation)',
		},
		{
			name: 'Extend',
			value: 'extend',
			action: 'Extend a video',
			description: 'Continue a finished video generation forward in time from its last frame',
		},
		{
			name: 'Generate',
			value: 'generate',
			action: 'Generate a video',
			description: 'Create a video from a text prompt, optionally starting or ending with an image (text-to-video, image-to-video)',
		},
		{
			name: 'Interpolate',
			value: 'interpolate',
			action: 'Interpolate between two videos or images',
			description: 'Create a video that goes from one video or image to another',
		},
		{
			name: 'Modify',
			value: 'modify',
			action: 'Modify a video',
			description: 'Restyle or edit an existing video with a prompt (adhere, flex or reimagine)',
		},
		{
			name: 'Reframe',
			value: 'reframe',
			action: 'Reframe a video',
			description: 'Change the aspect ratio of a video, painting in the missing area',
		},
		{
			name: 'Reverse Extend',
			value: 'reverseExtend',
			action: 'Reverse extend a video',
			description: 'Create what happens before a finished video generation, ending at its first frame',
		},
		{
			name: 'Upscale',
			value: 'upscale',
			action: 'Upscale a video',
			description: 'Raise the resolution of a finished video generation up to 4K (creates a new generation)',
		},
	],
	default: 'generate',
};

export const video: ResourceModule = {
	operations: { addAudio, extend, generate, interpolate, modify, reframe, reverseExtend, upscale },
	description: [
		operationPicker,
		...generate.description,
		...extend.description,
		...reverseExtend.description,
		...interpolate.description,
		...modify.description,
		...reframe.description,
		...upscale.description,
		...addAudio.description,
	],
};
