import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { concurrencyOption } from '../../../shared/concurrency';
import type { GenerationGroup } from './generation';

/** Field builders shared by the Luma Generate operations (one definition, many operations). */

const CUSTOM_MODEL_OPTION: INodePropertyOptions = {
	name: 'Custom Model',
	value: 'custom',
	description: 'Enter a model name Luma added after this node was released',
};

const videoModelField: INodeProperties = {
	displayName: 'Model',
	name: 'model',
	type: 'options',
	options: [
		{ name: 'Ray 2', value: 'ray-2', description: 'Highest quality video model' },
		{ name: 'Ray Flash 2', value: 'ray-flash-2', description: 'Faster and cheaper' },
		CUSTOM_MODEL_OPTION,
	],
	default: 'ray-2',
};

const imageModelField: INodeProperties = {
	displayName: 'Model',
	name: 'model',
	type: 'options',
	options: [
		{ name: 'Photon 1', value: 'photon-1', description: 'Highest quality image model' },
		{ name: 'Photon Flash 1', value: 'photon-flash-1', description: 'Faster and cheaper' },
		CUSTOM_MODEL_OPTION,
	],
	default: 'photon-1',
};

const customModelField: INodeProperties = {
	displayName: 'Custom Model',
	name: 'customModel',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. ray-3',
	displayOptions: { show: { model: ['custom'] } },
	description: 'The model name exactly as Luma documents it (expressions allowed)',
};

/** Model picker with a free-text "Custom Model" for models Luma releases after this node. */
export function modelFields(group: GenerationGroup): INodeProperties[] {
	return [group === 'video' ? videoModelField : imageModelField, customModelField];
}

export function promptField(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Prompt',
		name: 'prompt',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		placeholder: 'A red fox running through fresh snow at sunrise, cinematic',
		description: 'What to generate, 3 to 5000 characters',
		...overrides,
	};
}

export const ASPECT_RATIOS: INodePropertyOptions[] = ['16:9', '9:16', '1:1', '4:3', '3:4', '21:9', '9:21'].map((ratio) => ({
	name: ratio,
	value: ratio,
}));

export function aspectRatioField(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Aspect Ratio',
		name: 'aspectRatio',
		type: 'options',
		options: ASPECT_RATIOS,
		default: '16:9',
		...overrides,
	};
}

export const RESOLUTIONS: INodePropertyOptions[] = [
	{ name: '540p', value: '540p' },
	{ name: '720p', value: '720p' },
	{ name: '1080p', value: '1080p' },
	{ name: '4K', value: '4k' },
];

export const IMAGE_FORMATS: INodePropertyOptions[] = [
	{ name: 'JPG', value: 'jpg' },
	{ name: 'PNG', value: 'png' },
];

const GENERATION_ID_VALUE: INodeProperties = {
	displayName: 'Generation ID',
	name: 'generationId',
	type: 'string',
	default: '',
	placeholder: 'e.g. 123e4567-e89b-12d3-a456-426614174000',
	description: "A finished generation; to chain nodes, drag the previous node's ID field here",
	displayOptions: { show: { source: ['generation'] } },
};

const SOURCE_PICKERS: Record<'Image' | 'Video', INodeProperties> = {
	Image: {
		displayName: 'Source',
		name: 'source',
		type: 'options',
		options: [
			{ name: 'Image URL', value: 'url', description: 'A public link Luma can download' },
			{ name: 'Previous Generation ID', value: 'generation', description: 'A finished Luma generation (an image, or for keyframes also a video)' },
		],
		default: 'url',
	},
	Video: {
		displayName: 'Source',
		name: 'source',
		type: 'options',
		options: [
			{ name: 'Video URL', value: 'url', description: 'A public link Luma can download' },
			{ name: 'Previous Generation ID', value: 'generation', description: 'The video of a finished Luma generation' },
		],
		default: 'url',
	},
};

/**
 * The values of an input that is either a URL or a finished generation (chaining: its ID).
 */
export function sourceValues(
	label: 'Image' | 'Video',
	{ urlPlaceholder = 'https://example.com/image.jpg', extra = [] as INodeProperties[] } = {},
): INodeProperties[] {
	return [
		SOURCE_PICKERS[label],
		{
			displayName: 'URL',
			name: 'url',
			type: 'string',
			default: '',
			placeholder: urlPlaceholder,
			displayOptions: { show: { source: ['url'] } },
		},
		GENERATION_ID_VALUE,
		...extra,
	];
}

/** A required URL-or-generation input (fixedCollection with one entry named `value`). */
export function sourceCollection(
	displayName: string,
	name: string,
	label: 'Image' | 'Video',
	options: { description?: string; required?: boolean; urlPlaceholder?: string; extra?: INodeProperties[] } = {},
): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		placeholder: `Add ${displayName}`,
		default: {},
		required: options.required,
		description: options.description,
		options: [{ displayName, name: 'value', values: sourceValues(label, options) }],
	};
}

export function weightField(defaultWeight: number, description: string): INodeProperties {
	return {
		displayName: 'Weight',
		name: 'weight',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
		default: defaultWeight,
		description,
	};
}

export function generationIdField(displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name: 'generationId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 123e4567-e89b-12d3-a456-426614174000',
		description,
	};
}

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

const maxConcurrentJobsOption: INodeProperties = {
	displayName: 'Max Concurrent Jobs',
	name: 'maxConcurrentJobs',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 0,
	description:
		"How many generations of this account may be queued or dreaming at once while this node waits for them; the next one starts as soon as one finishes. 0 uses the credential's plan (Build tier: 10 videos, 40 images).",
};

/** The shared Concurrency group plus "Max Concurrent Jobs" (a Dream Machine limit). */
export const generationConcurrencyOption: INodeProperties = {
	...concurrencyOption,
	options: [...(concurrencyOption.options as INodeProperties[]), maxConcurrentJobsOption],
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
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 30,
			displayOptions: waiting,
			description:
				'How long to wait for Luma before giving up (the generation keeps running at Luma; continue with Generation → Wait for Completion)',
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

/** The Options collection of a create operation. */
export function createOptionsCollection(asset: GenerationGroup, ownOptions: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...ownOptions, ...waitingOptions(asset), generationConcurrencyOption],
	};
}
