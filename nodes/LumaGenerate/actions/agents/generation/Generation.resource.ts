import type { INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../../../../shared/types';
import * as get from './get.operation';
import * as waitForCompletion from './waitForCompletion.operation';

const operationPicker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['generation'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			action: 'Get a generation',
			description: 'Get the state and outputs (fresh one-hour links) of one generation by ID',
		},
		{
			name: 'Wait for Completion',
			value: 'waitForCompletion',
			action: 'Wait for a generation to complete',
			description: "Wait until a generation started elsewhere (Don't Wait) is completed or failed, then output it with its files",
		},
	],
	default: 'get',
};

export const generation: ResourceModule = {
	operations: { get, waitForCompletion },
	description: [operationPicker, ...get.description, ...waitForCompletion.description],
};
