import type {
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { keyHeader } from './keyHeader';
import { processesSharingKeyField } from './processesSharingKey';

/**
 * Luma Labs' Agents API (https://docs.agents.lumalabs.ai): Ray 3.2 video and UNI-1 images. Its keys
 * come from platform.lumalabs.ai and differ from Dream Machine keys (Luma Labs API credential).
 */
export class LumaAgentsApi implements ICredentialType {
	name = 'lumaAgentsApi';

	displayName = 'Luma Agents API';

	icon: Icon = {
		light: 'file:../nodes/LumaGenerate/lumaLabs.svg',
		dark: 'file:../nodes/LumaGenerate/lumaLabs.dark.svg',
	};

	documentationUrl = 'https://docs.agents.lumalabs.ai';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'luma-api-...',
			description: 'Starts with "luma-api-". Create one at platform.lumalabs.ai (API keys).',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://agents.lumalabs.ai/v1',
			description: 'Change only to point the nodes at a local simulator or a proxy',
		},
		{
			displayName: 'Requests per Minute',
			name: 'requestsPerMinute',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 30,
			description:
				"Generation requests your plan allows per minute (Luma's default: 30; the platform dashboard shows yours). The nodes pace creates to it; checking on generations does not count.",
		},
		{
			displayName: 'Concurrent Jobs',
			name: 'concurrentJobs',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 10,
			description:
				"Generations your plan allows queued or processing at once (Luma's default: 10). The nodes start the next one as soon as one finishes.",
		},
		processesSharingKeyField(
			"Each process follows Luma's count of creates (X-RateLimit-Remaining on every create) and leaves room in it for the others' creates in flight; a \"too many concurrent jobs\" answer is waited out until a job ends.",
		),
	];

	authenticate = keyHeader('Authorization', (key) => `Bearer ${key}`);

	// Listing one uploaded file costs nothing (generations are the only paid calls).
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/files',
			method: 'GET',
			qs: { limit: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Luma refused the key. A Luma Agents API key starts with "luma-api-" (create one at platform.lumalabs.ai, API keys); a Dream Machine key belongs in a Luma Labs API credential, and revoked or expired keys are refused too.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'Luma accepted the key, but the API client is suspended or deactivated: check the account at platform.lumalabs.ai.',
				},
			},
		],
	};
}
