import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** Output shape (aspect ratio, resolution, format) and input media (URL or previous generation) fields. */

export const ASPECT_RATIOS: INodePropertyOptions[] = ['16:9', '9:16', '1:1', '4:3', '3:4', '21:9', '9:21'].map((ratio) => ({
	name: ratio,
	value: ratio,
}));

/*
 * Every option field below is `required`: it always has a value in the editor, so only an
 * expression that returns nothing can leave it empty, and that item must fail rather than be sent
 * without the field (Luma would silently apply its own default).
 */

/** A closed list (the SDK's enum): checked before any request. */
export function aspectRatioField(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Aspect Ratio',
		name: 'aspectRatio',
		type: 'options',
		options: ASPECT_RATIOS,
		default: '16:9',
		required: true,
		...overrides,
	};
}

/**
 * Output resolution: an open list (`'540p' | … | (string & {})` in the SDK), declared in the
 * router's `openOptions`, so an expression may give a resolution Luma added later.
 */
export const RESOLUTIONS: INodePropertyOptions[] = [
	{ name: '540p', value: '540p' },
	{ name: '720p', value: '720p' },
	{ name: '1080p', value: '1080p' },
	{ name: '4K', value: '4k' },
];

export function resolutionField(defaultResolution: string, description: string): INodeProperties {
	return {
		displayName: 'Resolution',
		name: 'resolution',
		type: 'options',
		options: RESOLUTIONS,
		default: defaultResolution,
		required: true,
		description,
	};
}

/** Video length: an open list like resolution (`'5s' | '9s' | (string & {})`). */
export const DURATIONS: INodePropertyOptions[] = [
	{ name: '5 Seconds', value: '5s' },
	{ name: '9 Seconds', value: '9s' },
];

export const durationField: INodeProperties = {
	displayName: 'Duration',
	name: 'duration',
	type: 'options',
	options: DURATIONS,
	default: '5s',
	required: true,
	description: 'Length of the video; an expression may give a newer duration Luma documents',
};

/** A closed list. */
export const imageFormatField: INodeProperties = {
	displayName: 'Format',
	name: 'format',
	type: 'options',
	options: [
		{ name: 'JPG', value: 'jpg' },
		{ name: 'PNG', value: 'png' },
	],
	default: 'jpg',
	required: true,
};

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

/** Luma's example weights, used as the defaults of the reference fields. */
export const DEFAULT_WEIGHTS = { imageReference: 0.85, styleReference: 0.8, modifyImage: 1 } as const;

export const WEIGHT_RANGE = { minValue: 0, maxValue: 1 } as const;

export function weightField(defaultWeight: number, description: string): INodeProperties {
	return {
		displayName: 'Weight',
		name: 'weight',
		type: 'number',
		typeOptions: { ...WEIGHT_RANGE, numberPrecision: 2 },
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
