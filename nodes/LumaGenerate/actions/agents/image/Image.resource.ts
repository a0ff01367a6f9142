import type { INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../../../../shared/types';
import * as edit from './edit.operation';
import * as generate from './generate.operation';
import * as splitIntoLayers from './splitIntoLayers.operation';

const operationPicker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['image'] } },
	options: [
		{
			name: 'Edit',
			value: 'edit',
			action: 'Edit an image',
			description: 'Change an existing image with a prompt, optionally guided by reference images (UNI-1)',
		},
		{
			name: 'Generate',
			value: 'generate',
			action: 'Generate an image',
			description: 'Create an image from a text prompt, optionally guided by reference images (UNI-1)',
		},
		{
			name: 'Split Into Layers',
			value: 'splitIntoLayers',
			action: 'Split an image into layers',
			description: 'Cut an image into separate layers (each its own file with its label and position) for compositing',
		},
	],
	default: 'generate',
};

export const image: ResourceModule = {
	operations: { edit, generate, splitIntoLayers },
	description: [operationPicker, ...generate.description, ...edit.description, ...splitIntoLayers.description],
};
