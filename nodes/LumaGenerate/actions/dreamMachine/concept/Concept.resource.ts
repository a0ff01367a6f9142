import type { INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../../../../shared/types';
import * as list from './list.operation';

const operationPicker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['concept'] } },
	options: [
		{
			name: 'List',
			value: 'list',
			action: 'List concepts',
			description: 'List the concept keys (camera moves and styles) that video generation accepts',
		},
	],
	default: 'list',
};

export const concept: ResourceModule = {
	operations: { list },
	description: [operationPicker, ...list.description],
};
