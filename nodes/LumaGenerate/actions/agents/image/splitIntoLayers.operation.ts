import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { AgentsRequest } from '../../../engine/agents/create';
import { agentsCreateOperation } from '../../../engine/agents/create';
import { mediaInput } from '../fields/media';
import { MAX_LAYERING_PROMPT_LENGTH, modelFields, promptField } from '../fields/model';
import { createOptions, waitFields } from '../fields/options';
import { readModel, readPrompt } from '../inputs/checks';
import { readRequiredMediaSlot } from '../inputs/common';

/**
 * Luma's `layering` type: the image cut into layers (front to back, the background last), each
 * cropped to its own box, with a label and where it sits on the canvas. Every layer becomes its own
 * binary field, and `layers` lists each field with its label and bounds.
 */

/** The SDK still requires a prompt although Luma calls it optional guidance: this stands in for an empty one. */
const DEFAULT_PROMPT = 'Split the image into its layers';

const properties: INodeProperties[] = [
	...modelFields('layering'),
	mediaInput('Source Image', 'sourceImage', 'image', { required: true, description: 'The image to split into layers' }),
	promptField({
		required: false,
		placeholder: 'Keep the two people on separate layers',
		description: 'Optional guidance on how to split the image, up to 500 characters',
	}),
	{
		displayName: 'Layer Resolution',
		name: 'layerResolution',
		type: 'options',
		options: [
			{ name: '1K', value: '1k', description: 'Faster and cheaper' },
			{ name: '2K', value: '2k', description: 'Re-renders each layer at 2K (priced per layer)' },
		],
		default: '1k',
	},
	...waitFields,
	createOptions('layer_', 'Prefix of the binary fields, one per layer: layer_0 is the front layer, the last one the background'),
];

export const description = updateDisplayOptions({ show: { resource: ['image'], operation: ['splitIntoLayers'] } }, properties);

async function build(this: IExecuteFunctions, itemIndex: number): Promise<AgentsRequest> {
	const body = {
		type: 'layering',
		model: readModel(this, itemIndex, 'layering'),
		prompt: readPrompt(this, itemIndex, { max: MAX_LAYERING_PROMPT_LENGTH, fallback: DEFAULT_PROMPT }),
		layering: { resolution: this.getNodeParameter('layerResolution', itemIndex) as string },
	};
	const source = await readRequiredMediaSlot(this, itemIndex, 'sourceImage', ['source'], { label: 'Source Image', accepts: 'image', purpose: 'input' });
	return { type: 'layering', body, media: [source] };
}

export const executeBatch = agentsCreateOperation(build);
