import type { INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../../../shared/types';
import * as lookup from './lookup.operation';

const operationPicker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['entity'] } },
	options: [
		{
			name: 'Lookup',
			value: 'lookup',
			action: 'Look up a slug or link',
			description:
				'Find which Luma event or calendar a slug or luma.com link belongs to (its ID, name, type); tells whether a slug is free',
		},
	],
	default: 'lookup',
};

export const entity: ResourceModule = {
	operations: { lookup },
	description: [operationPicker, ...lookup.description],
};
