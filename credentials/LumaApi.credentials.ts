import type {
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { keyHeader } from './keyHeader';
import { processesSharingKeyField } from './processesSharingKey';

/** Luma events & calendars (luma.com). Not Luma Labs: see LumaLabsApi for Dream Machine. */
export class LumaApi implements ICredentialType {
	name = 'lumaApi';

	displayName = 'Luma API';

	icon: Icon = { light: 'file:../nodes/Luma/luma.svg', dark: 'file:../nodes/Luma/luma.dark.svg' };

	documentationUrl = 'https://docs.luma.com/reference/getting-started-with-your-api';

	properties: INodeProperties[] = [
		{
			displayName:
				'Create a key in Luma under Calendar → Settings → Developer. The API needs a Luma Plus subscription.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
		},
		{
			displayName: 'Key Type',
			name: 'keyType',
			type: 'options',
			options: [
				{
					name: 'Calendar Key (200 Requests/Min)',
					value: 'calendar',
					description: 'Scoped to one calendar',
				},
				{
					name: 'Organization Key (500 Requests/Min)',
					value: 'organization',
					description: 'Scoped to an organization; needed for the Organization operations',
				},
			],
			default: 'calendar',
			description:
				'Sets the request budget the nodes pace themselves to. Luma blocks a key for one minute when it goes over.',
		},
		{
			displayName: 'Calendar ID',
			name: 'calendarId',
			type: 'string',
			default: '',
			placeholder: 'cal-...',
			displayOptions: { show: { keyType: ['organization'] } },
			description:
				'Optional. With an organization key, calendar operations act on this calendar (sent as the x-luma-calendar-id header).',
		},
		processesSharingKeyField(
			"Each process follows Luma's own count and leaves room in it for the others' requests in flight, so together they never meet Luma's one-minute lockout.",
		),
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://public-api.luma.com',
			description: 'Change only to point the nodes at a local Luma simulator or a proxy',
		},
	];

	authenticate = keyHeader('x-luma-api-key');

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/v1/users/get-self',
			method: 'GET',
		},
	};
}
