import type { INodeProperties } from 'n8n-workflow';

import { eventLocator } from '../shared/events/locators';
import { webhookTypeOptions } from '../shared/events/webhookTypes';

export const properties: INodeProperties[] = [
	{
		displayName:
			'Luma webhooks need a Luma Plus subscription. Activating the workflow registers this node with Luma; deactivating removes the registration.',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Trigger On',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: [],
		options: webhookTypeOptions,
		description:
			'Which Luma webhook events start the workflow. Guest Registered fires once per person, Ticket Registered once per ticket, and Guest Updated also fires when someone registers.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Confirm With API',
				name: 'confirmWithApi',
				type: 'boolean',
				default: false,
				description:
					"Whether to re-read the event or guest from the Luma API and output Luma's current version instead of the delivered body (one or two extra requests per delivery). Off by default because deliveries are already signed. Subscribers and external events cannot be re-read and are output as delivered.",
			},
			{
				...eventLocator({
					displayName: 'Only for Event',
					description:
						'Start the workflow only for deliveries about this event. Deliveries about no particular event (calendar subscribers) are then skipped.',
					required: false,
				}),
			},
			{
				displayName: 'Signature Check',
				name: 'signatureCheck',
				type: 'options',
				default: 'enforce',
				options: [
					{
						name: 'Enforce',
						value: 'enforce',
						description:
							'Refuse (401) deliveries whose Webhook-Signature is missing, wrong, or more than 5 minutes old',
					},
					{
						name: 'Log Only',
						value: 'logOnly',
						description:
							'Accept them, log a warning and output signature_verified: false. The secret URL token is still required.',
					},
				],
				description:
					"Luma signs deliveries with HMAC-SHA256 (Webhook-Signature: t=...,v1=...). The scheme comes from third-party implementations, not Luma's published spec: if Luma changes it, Log Only keeps genuine deliveries flowing while you update the node.",
			},
			{
				displayName: 'Simplify',
				name: 'simplify',
				type: 'boolean',
				default: false,
				description: 'Whether to return a flat summary of the data (names, emails, dates, IDs) instead of the full object',
			},
		],
	},
];
