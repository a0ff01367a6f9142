import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { GenerationGroup } from '../../../../shared/generation/generation';

/** Model and prompt fields of the create operations. */

const CUSTOM_MODEL_OPTION: INodePropertyOptions = {
	name: 'Custom Model',
	value: 'custom',
	description: 'Enter a model name Luma added after this node was released',
};

/** The models Luma documents per family (lumaai SDK v1.21: VideoCreateParams, ImageCreateParams). */
export const KNOWN_MODELS: Record<GenerationGroup, INodePropertyOptions[]> = {
	video: [
		{ name: 'Ray 2', value: 'ray-2', description: 'Highest quality video model' },
		{ name: 'Ray Flash 2', value: 'ray-flash-2', description: 'Faster and cheaper' },
	],
	image: [
		{ name: 'Photon 1', value: 'photon-1', description: 'Highest quality image model' },
		{ name: 'Photon Flash 1', value: 'photon-flash-1', description: 'Faster and cheaper' },
	],
};

/**
 * The model pickers. Their list is open (the router declares `model` in `openOptions`): an
 * expression may give any model name, checked per item when the create is built (readModel).
 */
const MODEL_DESCRIPTION = 'The model to generate with; an expression may also give any model name Luma documents';

const modelPickers: Record<GenerationGroup, INodeProperties> = {
	video: {
		displayName: 'Model',
		name: 'model',
		type: 'options',
		options: [...KNOWN_MODELS.video, CUSTOM_MODEL_OPTION],
		default: 'ray-2',
		required: true,
		description: MODEL_DESCRIPTION,
	},
	image: {
		displayName: 'Model',
		name: 'model',
		type: 'options',
		options: [...KNOWN_MODELS.image, CUSTOM_MODEL_OPTION],
		default: 'photon-1',
		required: true,
		description: MODEL_DESCRIPTION,
	},
};

/**
 * Not `required` in the description: when Model is an expression, n8n shows every field that
 * depends on it and would refuse to run the workflow without a Custom Model. It is required per
 * item, when the item's Model is "custom" (readModel).
 */
const customModelField: INodeProperties = {
	displayName: 'Custom Model',
	name: 'customModel',
	type: 'string',
	default: '',
	placeholder: 'e.g. ray-3',
	displayOptions: { show: { model: ['custom'] } },
	description: 'The model name exactly as Luma documents it (expressions allowed); required when Model is Custom Model',
};

/** Model picker with a free-text "Custom Model" for models Luma releases after this node. */
export function modelFields(group: GenerationGroup): INodeProperties[] {
	return [modelPickers[group], customModelField];
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
