import type { INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../../../shared/types';
import * as getSelf from './getSelf.operation';

const operationPicker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['user'] } },
	options: [
		{
			name: 'Get Self',
			value: 'getSelf',
			action: 'Get the user that owns the API key',
			description: 'Get the Luma user the API key belongs to (name, email); useful to check a key',
		},
	],
	default: 'getSelf',
};

export const user: ResourceModule = {
	operations: { getSelf },
	description: [operationPicker, ...getSelf.description],
};
