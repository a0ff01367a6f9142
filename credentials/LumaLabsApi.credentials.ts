import type {
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { keyHeader } from './keyHeader';
import { processesSharingKeyField } from './processesSharingKey';

/** Luma Labs Dream Machine (image and video generation). Not the Luma events API. */
export class LumaLabsApi implements ICredentialType {
	name = 'lumaLabsApi';

	displayName = 'Luma Labs API';

	icon: Icon = {
		light: 'file:../nodes/LumaGenerate/lumaLabs.svg',
		dark: 'file:../nodes/LumaGenerate/lumaLabs.dark.svg',
	};

	documentationUrl = 'https://docs.lumalabs.ai/docs/api';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Create a key at lumalabs.ai/api/keys',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.lumalabs.ai/dream-machine/v1',
			description: 'Change only to point the nodes at a local simulator or a proxy',
		},
		{
			displayName: 'Plan Limits',
			name: 'plan',
			type: 'options',
			options: [
				{
					name: 'Build Tier',
					value: 'build',
					description:
						'Video (Ray): 10 concurrent jobs, 20 creates/min. Image (Photon): 40 concurrent jobs, 80 creates/min.',
				},
				{
					name: 'Custom',
					value: 'custom',
					description: 'Enter the limits Luma gave you (e.g. the Scale plan)',
				},
			],
			default: 'build',
			description:
				'The nodes pace generation requests to these limits so a batch never runs into Luma\'s rate limits',
		},
		{
			displayName: 'Video Creates per Minute',
			name: 'videoCreatesPerMinute',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 20,
			displayOptions: { show: { plan: ['custom'] } },
		},
		{
			displayName: 'Concurrent Video Jobs',
			name: 'videoConcurrentJobs',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 10,
			displayOptions: { show: { plan: ['custom'] } },
		},
		{
			displayName: 'Image Creates per Minute',
			name: 'imageCreatesPerMinute',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 80,
			displayOptions: { show: { plan: ['custom'] } },
		},
		{
			displayName: 'Concurrent Image Jobs',
			name: 'imageConcurrentJobs',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 40,
			displayOptions: { show: { plan: ['custom'] } },
		},
		processesSharingKeyField(
			"Above 1, the nodes read the account's recent generations before creating, so the plan's jobs and creates per minute hold for all processes together.",
		),
	];

	authenticate = keyHeader('Authorization', (key) => `Bearer ${key}`);

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/credits',
			method: 'GET',
		},
	};
}
