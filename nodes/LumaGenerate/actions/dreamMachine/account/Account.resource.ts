import type { INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../../../../shared/types';
import * as checkConnection from './checkConnection.operation';
import * as getCredits from './getCredits.operation';

const operationPicker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['account'] } },
	options: [
		{
			name: 'Check Connection',
			value: 'checkConnection',
			action: 'Check the connection',
			description: 'Check that Luma Labs is reachable and accepts the API key',
		},
		{
			name: 'Get Credits',
			value: 'getCredits',
			action: 'Get the credit balance',
			description: 'Get the remaining credit balance of the Luma Labs account (in US cents and dollars)',
		},
	],
	default: 'getCredits',
};

export const account: ResourceModule = {
	operations: { checkConnection, getCredits },
	description: [operationPicker, ...getCredits.description, ...checkConnection.description],
};
