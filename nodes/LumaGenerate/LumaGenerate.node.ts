import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resourceOptions, resourceProperties } from './actions/resources';
import { router } from './actions/router';
import { callbackWebhooks, receiveGenerationCallback } from './engine/callback';
import { loadOptions } from './methods';

export class LumaGenerate implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Luma Generate',
		name: 'lumaGenerate',
		icon: { light: 'file:lumaLabs.svg', dark: 'file:lumaLabs.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Generate videos (Ray) and images (Photon) with the Luma Labs Dream Machine API: waits for the result, chains generations, downloads files. For Luma events use Luma Events.',
		defaults: { name: 'Luma Generate' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'lumaLabsApi', required: true }],
		// The resume endpoint of "Wait for Luma's Callback" (see actions/common/callback.ts).
		webhooks: callbackWebhooks,
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: resourceOptions,
				default: 'video',
			},
			...resourceProperties,
		],
	};

	methods = { loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveGenerationCallback.call(this);
	}
}
