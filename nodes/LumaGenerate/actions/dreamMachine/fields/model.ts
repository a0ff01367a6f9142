import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { GenerationGroup } from '../../../../shared/generation/generation';

/** Model and prompt fields of the create operations. */

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
