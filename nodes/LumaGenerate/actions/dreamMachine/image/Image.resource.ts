import type { INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../../../../shared/types';
import * as generate from './generate.operation';
import * as reframe from './reframe.operation';

const operationPicker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['image'] } },
	options: [
		{
			name: 'Generate',
			value: 'generate',
			action: 'Generate an image',
			description: 'Create an image from a prompt, optionally guided by reference, style or character images, or edit an image',
		},
		{
			name: 'Reframe',
			value: 'reframe',
			action: 'Reframe an image',
			description: 'Change the aspect ratio of an image, painting in the missing area',
		},
	],
	default: 'generate',
};

export const image: ResourceModule = {
	operations: { generate, reframe },
	description: [operationPicker, ...generate.description, ...reframe.description],
};
