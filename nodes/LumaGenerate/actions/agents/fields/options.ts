import type { INodeProperties } from 'n8n-workflow';

import { concurrencyOption, optionsCollection } from '../../../../shared/concurrency';

/** "Wait for Completion" and the Options of the Agents API operations that create or wait. */

export const waitFields: INodeProperties[] = [
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Poll',
				value: 'poll',
				description: 'Check the generation every few seconds until it is done, then output it with its files',
			},
			{
				name: "Don't Wait",
				value: 'none',
				description: 'Output the queued generation right away; continue later with Generation → Wait for Completion and its ID',
			},
		],
		default: 'poll',
	},
	{
		displayName:
			"The Luma Agents API has no callbacks: the node checks each generation until it is done. Luma's callback mode (\"Wait for Luma's Callback\", the Luma Generate Trigger) exists only on the Dream Machine API.",
		name: 'agentsPollingNotice',
		type: 'notice',
		default: '',
	},
];

const waiting = { hide: { '/waitForCompletion': ['none'] } };

const maxConcurrentJobsOption: INodeProperties = {
	displayName: 'Max Concurrent Jobs',
	name: 'maxConcurrentJobs',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 0,
	description:
		"How many generations of this account may be queued or processing at once while this node waits for them; the next one starts as soon as one finishes. 0 uses the credential's Concurrent Jobs.",
};

/** The shared Concurrency group plus "Max Concurrent Jobs". */
const agentsConcurrencyOption: INodeProperties = {
	...concurrencyOption,
	options: [...(concurrencyOption.options as INodeProperties[]), maxConcurrentJobsOption],
};

function downloadOptions(defaultProperty: string, propertyDescription: string, inCreate: boolean): INodeProperties[] {
	// In a create they matter only when the node waits; Wait for Completion always waits.
	const show: Pick<INodeProperties, 'displayOptions'> = inCreate ? { displayOptions: waiting } : {};
	return [
		{
			displayName: 'Max Wait (Minutes)',
			name: 'maxWaitMinutes',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 30,
			...show,
			description:
				'How long to wait for Luma before giving up on an item (the generation keeps running at Luma; continue with Generation → Wait for Completion)',
		},
		{
			displayName: 'Download Result',
			name: 'downloadResult',
			type: 'boolean',
			default: true,
			...show,
			description: "Whether to put the finished files into the item's binary data (Luma's links to them expire after an hour)",
		},
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: defaultProperty,
			displayOptions: { ...show.displayOptions, show: { downloadResult: [true] } },
			description: propertyDescription,
		},
	];
}

/** The Options of one create operation. */
export function createOptions(defaultProperty: string, propertyDescription: string): INodeProperties {
	return optionsCollection(
		[
			...downloadOptions(defaultProperty, propertyDescription, true),
			{
				displayName: 'User ID',
				name: 'userId',
				type: 'string',
				default: '',
				placeholder: 'e.g. customer-4711',
				description:
					"Your end user's stable, opaque ID (no personal data), up to 256 characters: Luma uses it to attribute abuse and in usage reports. Empty: a tag of this node and the item's position.",
			},
			{
				displayName: 'Retry Failed Generations',
				name: 'retryFailedGenerations',
				type: 'boolean',
				default: false,
				displayOptions: waiting,
				description:
					"Whether to send a generation again when it fails with a code Luma calls temporary (generation_failed, output_not_found, rate_limited). Each retry is a new generation and may be charged if it succeeds.",
			},
			{
				displayName: 'Max Retries',
				name: 'maxRetries',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 5, numberPrecision: 0 },
				default: 2,
				displayOptions: { ...waiting, show: { retryFailedGenerations: [true] } },
				description: 'How many times one item may be sent again',
			},
			{
				displayName: 'Allow Private Network URLs',
				name: 'allowPrivateUrls',
				type: 'boolean',
				default: false,
				description:
					"Whether to send input URLs on private or local addresses (and plain http://) as they are, e.g. for a proxy in front of Luma. Luma's own servers fetch only public https:// URLs.",
			},
		],
		agentsConcurrencyOption,
	);
}

/** The Options of Generation → Wait for Completion. */
export const waitOptions: INodeProperties = optionsCollection(
	downloadOptions('', 'The binary field for the file; empty uses "image", "video" or "layer_" (one field per layer) after the generation type', false),
);
