import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * The shape of an output: aspect ratios (each generation type takes its own subset, per Luma's
 * image and video guides at https://docs.agents.lumalabs.ai), video resolution and duration. The
 * option lists are the rules: the item checker refuses a value outside them before anything is sent.
 */

const options = (values: readonly string[]): INodePropertyOptions[] => values.map((value) => ({ name: value, value }));

export const VIDEO_ASPECT_RATIOS = ['21:9', '16:9', '4:3', '1:1', '3:4', '9:16'] as const;
/** `style: manga` draws portrait pages only. */
export const MANGA_ASPECT_RATIOS: readonly string[] = ['2:3', '9:16', '1:2', '1:3'];
/** Ray 3.2 reframes to 1080p only in landscape and square. */
export const VERTICAL_VIDEO_RATIOS: readonly string[] = ['3:4', '9:16'];
/** Ray 3.2 renders 24 frames per second: keyframe positions run 0..24 × seconds. */
export const FRAMES_PER_SECOND = 24;
export const MAX_KEYFRAMES = 64;

export const imageAspectRatioField: INodeProperties = {
	displayName: 'Aspect Ratio',
	name: 'aspectRatio',
	type: 'options',
	options: [
		{ name: '1:1', value: '1:1' },
		{ name: '1:2', value: '1:2' },
		{ name: '1:3', value: '1:3' },
		{ name: '16:9', value: '16:9' },
		{ name: '2:1', value: '2:1' },
		{ name: '2:3', value: '2:3' },
		{ name: '3:1', value: '3:1' },
		{ name: '3:2', value: '3:2' },
		{ name: '9:16', value: '9:16' },
		{ name: 'Let the Model Choose', value: 'auto' },
	],
	default: '16:9',
	description: 'Shape of the image (2K on its long side)',
};

export function videoAspectRatioField(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Aspect Ratio',
		name: 'aspectRatio',
		type: 'options',
		options: options(VIDEO_ASPECT_RATIOS),
		default: '16:9',
		...overrides,
	};
}

export function resolutionField(description: string): INodeProperties {
	return {
		displayName: 'Resolution',
		name: 'resolution',
		type: 'options',
		options: [
			{ name: '360p (Draft)', value: '360p' },
			{ name: '540p', value: '540p' },
			{ name: '720p', value: '720p' },
			{ name: '1080p', value: '1080p' },
		],
		default: '720p',
		description,
	};
}

export const durationField: INodeProperties = {
	displayName: 'Duration',
	name: 'duration',
	type: 'options',
	options: [
		{ name: '5 Seconds', value: '5s' },
		{ name: '10 Seconds', value: '10s' },
	],
	default: '5s',
	description: '10 seconds costs three times as much and is not available with start/end frames, extensions or Loop',
};

/** Style, output format and web search: the image types' extras. */
export const imageExtraFields: INodeProperties[] = [
	{
		displayName: 'Style',
		name: 'style',
		type: 'options',
		options: [
			{ name: 'Auto', value: 'auto' },
			{ name: 'Manga', value: 'manga', description: 'Manga pages: portrait aspect ratios only (2:3, 9:16, 1:2, 1:3)' },
		],
		default: 'auto',
	},
	{
		displayName: 'Output Format',
		name: 'outputFormat',
		type: 'options',
		options: [
			{ name: 'Let the Model Choose', value: 'auto' },
			{ name: 'JPEG', value: 'jpeg' },
			{ name: 'PNG', value: 'png' },
		],
		default: 'auto',
	},
	{
		displayName: 'Web Search',
		name: 'webSearch',
		type: 'boolean',
		default: false,
		description: 'Whether UNI-1 may search the web for reference images of real-world subjects first (adds a few seconds)',
	},
];
