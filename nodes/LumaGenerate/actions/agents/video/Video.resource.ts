import type { INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../../../../shared/types';
import * as edit from './edit.operation';
import * as generate from './generate.operation';
import * as reframe from './reframe.operation';

const operationPicker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['video'] } },
	options: [
		{
			name: 'Edit',
			value: 'edit',
			action: 'Edit a video',
			description: 'Restyle or change an existing video with a prompt, keeping its motion (Ray 3.2 video-to-video)',
		},
		{
			name: 'Generate',
			value: 'generate',
			action: 'Generate a video',
			description: 'Create a video from a prompt, start/end images, keyframes, or by extending a previous video (Ray 3.2)',
		},
		{
			name: 'Reframe',
			value: 'reframe',
			action: 'Reframe a video',
			description: 'Put a video on a canvas of another aspect ratio (e.g. 16:9 to 9:16), painting in the new area (Ray 3.2)',
		},
	],
	default: 'generate',
};

export const video: ResourceModule = {
	operations: { edit, generate, reframe },
	description: [operationPicker, ...generate.description, ...edit.description, ...reframe.description],
};
