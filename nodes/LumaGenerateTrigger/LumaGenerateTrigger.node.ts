import type { IHookFunctions, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { handleSafely } from '../shared/webhooks/guard';
import { handleCallback } from './callback';
import { properties, secretTokenProblem } from './description';

/**
 * Luma Labs has no webhook registration API: the callback URL travels with each generation request
 * (the Luma Generate node's "Callback URL"). So the lifecycle has nothing to register at Luma; it
 * checks the Secret Token on activation, so a workflow with a guessable URL (a short token, or the
 * examples' public placeholder) never goes live.
 */
function assertSecretToken(ctx: IHookFunctions) {
	const problem = secretTokenProblem(String(ctx.getNodeParameter('secretToken', '') ?? ''));
	if (problem) {
		throw new NodeOperationError(ctx.getNode(), problem, {
			description: 'Callbacks are authenticated by this token alone (Luma Labs does not sign them).',
		});
	}
}

export class LumaGenerateTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Luma Generate Trigger',
		name: 'lumaGenerateTrigger',
		icon: { light: 'file:../LumaGenerate/lumaLabs.svg', dark: 'file:../LumaGenerate/lumaLabs.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["states"] || []).join(", ")}}',
		description: 'Starts the workflow when a Luma Labs Dream Machine generation (video or image) finishes',
		defaults: { name: 'Luma Generate Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'lumaLabsApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'callback',
			},
		],
		properties,
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				assertSecretToken(this);
				// Nothing is registered at Luma Labs, so there is never anything to create.
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				assertSecretToken(this);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleSafely(this, handleCallback);
	}
}
