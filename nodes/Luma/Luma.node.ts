import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { listSearch } from '../shared/events/listSearch';
import { resourceOptions, resourceProperties } from './actions/resources';
import { router } from './actions/router';

export class Luma implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Luma Events',
		name: 'luma',
		icon: { light: 'file:luma.svg', dark: 'file:luma.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Manage Luma (luma.com) events, guests, tickets, calendars, contacts and webhooks. For Luma Labs image/video generation use Luma Generate.',
		defaults: { name: 'Luma Events' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'lumaApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: resourceOptions,
				default: 'event',
			},
			...resourceProperties,
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
