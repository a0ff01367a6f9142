import type { INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../../../../shared/types';
import * as deleteGeneration from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as waitForCompletion from './waitForCompletion.operation';

const operationPicker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['generation'] } },
	options: [
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a generation',
			description: 'Delete a generation and its files from the Luma account',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a generation',
			description: 'Get the current state, assets and request of one generation by ID',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many generations',
			description: 'List the generations of the account, newest first',
		},
		{
			name: 'Wait for Completion',
			value: 'waitForCompletion',
			action: 'Wait for a generation to complete',
			description: 'Wait until a generation started elsewhere is completed or failed, optionally downloading the result',
		},
	],
	default: 'get',
};

export const generation: ResourceModule = {
	operations: { delete: deleteGeneration, get, getMany, waitForCompletion },
	description: [
		operationPicker,
		...get.description,
		...getMany.description,
		...deleteGeneration.description,
		...waitForCompletion.description,
	],
};
