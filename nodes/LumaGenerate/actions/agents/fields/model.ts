import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * Model and prompt fields of the Agents API creates. Luma's model names are an open list (the SDK
 * enum grew from uni-1 to uni-1-max and ray-3.2; its marketing already says UNI-1.1): the picker
 * lists the known ones and "Custom Model" passes any other name through.
 */

export const MAX_PROMPT_LENGTH = 6000;
/** Go SDK, GenerationNewParamsLayering: the prompt "optionally guides how to split it (max 500 characters)". */
export const MAX_LAYERING_PROMPT_LENGTH = 500;

const CUSTOM: INodePropertyOptions = {
	name: 'Custom Model',
	value: 'custom',
	description: 'A model name Luma added after this node was released',
};

export type ModelKind = 'image' | 'layering' | 'video';

const MODEL_FIELDS: Record<ModelKind, INodeProperties> = {
	image: {
		displayName: 'Model',
		name: 'model',
		type: 'options',
		options: [
			{ name: 'UNI-1', value: 'uni-1', description: 'Luma\'s image model (2K output)' },
			{ name: 'UNI-1 Max', value: 'uni-1-max', description: 'The same parameters, higher quality, higher price' },
			CUSTOM,
		],
		default: 'uni-1',
	},
	layering: {
		displayName: 'Model',
		name: 'model',
		type: 'options',
		options: [{ name: 'UNI-1', value: 'uni-1', description: 'Luma splits images into layers with UNI-1 only' }, CUSTOM],
		default: 'uni-1',
	},
	video: {
		displayName: 'Model',
		name: 'model',
		type: 'options',
		options: [{ name: 'Ray 3.2', value: 'ray-3.2', description: 'Luma\'s video model: text, images or video to video' }, CUSTOM],
		default: 'ray-3.2',
	},
};

export function modelFields(kind: ModelKind): INodeProperties[] {
	return [
		MODEL_FIELDS[kind],
		{
			displayName: 'Custom Model',
			name: 'customModel',
			type: 'string',
			default: '',
			// Not `required`: n8n would demand it whenever Model is an expression; readModel checks it.
			placeholder: kind === 'video' ? 'e.g. ray-3.3' : 'e.g. uni-1.1',
			displayOptions: { show: { model: ['custom'] } },
			description: 'The model name exactly as Luma documents it (expressions allowed)',
		},
	];
}

export function promptField(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Prompt',
		name: 'prompt',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		placeholder: 'A lighthouse on a cliff at dusk, waves crashing, cinematic',
		description: 'What to make, 1 to 6,000 characters (English works best)',
		...overrides,
	};
}
