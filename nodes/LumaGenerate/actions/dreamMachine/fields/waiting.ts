import type { INodeProperties } from 'n8n-workflow';

import type { GenerationGroup } from '../../../../shared/generation/generation';

/** "Wait for Completion", the callback URL, and the options of everything that waits and downloads. */

export type WaitMode = 'none' | 'poll' | 'callback';

/** "Wait for Completion" (every create operation) and, for callback mode, what it needs. */
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
				description: 'Check the generation regularly until it is done, then output it (works everywhere)',
			},
			{
				name: "Wait for Luma's Callback",
				value: 'callback',
				description:
					'Pause the execution and resume when Luma reports every generation done (no polling; n8n must be reachable from the internet)',
			},
			{
				name: "Don't Wait",
				value: 'none',
				description: 'Output the queued generation right away (continue later with its ID, or use the Luma Generate Trigger)',
			},
		],
		default: 'poll',
	},
	{
		displayName:
			"Luma calls this execution's resume URL when each generation changes state, and the execution continues once all are done. Luma must be able to reach n8n: set WEBHOOK_URL to a public address (a localhost URL will not work with the real Luma API).",
		name: 'callbackNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { waitForCompletion: ['callback'] } },
	},
];

/** "Callback URL" for the two-workflow pattern (Luma Generate Trigger); callback waiting sets its own. */
export const callbackUrlField: INodeProperties = {
	displayName: 'Callback URL',
	name: 'callbackUrl',
	type: 'string',
	default: '',
	placeholder: 'https://n8n.example.com/webhook/...',
	description:
		'Luma POSTs the generation to this URL when it is dreaming, completed or failed, e.g. the production URL of a Luma Generate Trigger node',
	displayOptions: { hide: { '/waitForCompletion': ['callback'] } },
};

const downloading = { hide: { '/waitForCompletion': ['none'] }, show: { downloadResult: [true] } };

const BINARY_PROPERTY_OPTIONS: Record<GenerationGroup | 'any', INodeProperties> = {
	video: {
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'video',
		displayOptions: downloading,
		description: 'The binary field for the video file',
	},
	image: {
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'image',
		displayOptions: downloading,
		description: 'The binary field for the image file',
	},
	any: {
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: '',
		placeholder: 'video or image',
		displayOptions: downloading,
		description: 'The binary field for the file; empty uses "video" or "image" after the generation type',
	},
};

/** Options shared by every operation that can wait for a generation and download its result. */
export function waitingOptions(asset: GenerationGroup | 'any'): INodeProperties[] {
	const waiting = { hide: { '/waitForCompletion': ['none'] } };
	const options: INodeProperties[] = [
		{
			displayName: 'Max Wait (Minutes)',
			name: 'maxWaitMinutes',
			type: 'number',
			// A week: far beyond any generation, and a wait n8n can still schedule.
			typeOptions: { minValue: 0, maxValue: 10_080, numberPrecision: 2 },
			default: 30,
			displayOptions: waiting,
			description:
				'How long to wait for Luma before giving up, up to 10080 (a week). The generation keeps running at Luma; continue with Generation → Wait for Completion.',
		},
		{
			displayName: 'Download Result',
			name: 'downloadResult',
			type: 'boolean',
			default: false,
			displayOptions: waiting,
			description: 'Whether to download the finished file into binary data (asset links from Luma expire)',
		},
		BINARY_PROPERTY_OPTIONS[asset],
	];
	if (asset !== 'image') {
		options.push({
			displayName: 'Put Thumbnail in Field',
			name: 'thumbnailPropertyName',
			type: 'string',
			default: '',
			placeholder: 'thumbnail',
			displayOptions: downloading,
			description: "Also download a video's thumbnail image into this binary field (empty = don't)",
		});
	}
	return options;
}
