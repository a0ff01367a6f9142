import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { GenerationApi } from './actions/resources';
import { AUTHENTICATION_OPTIONS, resourcePickers, resourceProperties } from './actions/resources';
import { router } from './actions/router';
import { callbackWebhooks, receiveGenerationCallback } from './engine/callback';
import { loadOptions } from './methods';

/**
 * Which API a node speaks is its credential (`authentication`). Version 1 nodes are the workflows
 * made before the Agents API was added: their default stays Dream Machine, so they run unchanged;
 * new nodes (version 2) start on the Agents API.
 */
function authenticationField(defaultApi: GenerationApi, versions: INodeProperties['displayOptions']): INodeProperties {
	return {
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		noDataExpression: true,
		options: AUTHENTICATION_OPTIONS,
		default: defaultApi,
		description: 'The Luma Labs API to use, and with it the credential and the operations',
		displayOptions: versions,
	};
}

export class LumaGenerate implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Luma Generate',
		name: 'lumaGenerate',
		icon: { light: 'file:lumaLabs.svg', dark: 'file:lumaLabs.dark.svg' },
		group: ['transform'],
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Generate videos and images with Luma Labs: Ray 3.2 and UNI-1 (Agents API) or Ray 2 and Photon (Dream Machine API). Waits for the result, chains generations, takes and gives files. For Luma events use Luma Events.',
		defaults: { name: 'Luma Generate' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'lumaAgentsApi', required: true, displayOptions: { show: { authentication: ['agentsApi'] } } },
			{ name: 'lumaLabsApi', required: true, displayOptions: { show: { authentication: ['dreamMachineApi'] } } },
		],
		// The resume endpoint of "Wait for Luma's Callback" (Dream Machine only; see engine/callback.ts).
		webhooks: callbackWebhooks,
		properties: [
			authenticationField('dreamMachineApi', { show: { '@version': [1] } }),
			authenticationField('agentsApi', { show: { '@version': [{ _cnd: { gte: 2 } }] } }),
			...resourcePickers,
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
