import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** Output shape (aspect ratio, resolution, format) and input media (URL or previous generation) fields. */

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
