import type { INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../../../shared/types';
import * as search from './search.operation';

const operationPicker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['place'] } },
	options: [
		{
			name: 'Search',
			value: 'search',
			action: 'Search places',
			description:
				'Find a venue by name or address (up to 5 Google Maps matches); its place_id sets an event location',
		},
	],
	default: 'search',
};

export const place: ResourceModule = {
	operations: { search },
	description: [operationPicker, ...search.description],
};
