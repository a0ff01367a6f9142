import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { AgentsRequest } from '../../../engine/agents/create';
import { agentsCreateOperation } from '../../../engine/agents/create';
import { mediaInput } from '../fields/media';
import { modelFields, promptField } from '../fields/model';
import { createOptions, waitFields } from '../fields/options';
import { readModel, readPrompt } from '../inputs/checks';
import { readRequiredMediaSlot } from '../inputs/common';
import { additionalFields, readImageExtras, readReferences, referencesField } from './imageCreate';

/** Luma: "image_edit supports up to 8 reference images (source occupies one slot)". */
const MAX_REFERENCES = 8;

const properties: INodeProperties[] = [
	...modelFields('image'),
	promptField({ placeholder: 'Make it a rainy night, neon reflections on the street', description: 'What to change, 1 to 6,000 characters' }),
	mediaInput('Source Image', 'sourceImage', 'image', {
		required: true,
		description: 'The image to edit; the result keeps its size and shape',
	}),
	referencesField(MAX_REFERENCES, ' (the source takes the ninth slot)'),
	additionalFields,
	...waitFields,
	createOptions('image', 'The binary field for the edited image'),
];

export const description = updateDisplayOptions({ show: { resource: ['image'], operation: ['edit'] } }, properties);

async function build(this: IExecuteFunctions, itemIndex: number): Promise<AgentsRequest> {
	const body = {
		type: 'image_edit',
		model: readModel(this, itemIndex, 'image'),
		prompt: readPrompt(this, itemIndex),
		// An edit keeps the source's shape: Luma ignores aspect_ratio, so Manga goes with any source.
		...readImageExtras(this, itemIndex, undefined),
	};
	const source = await readRequiredMediaSlot(this, itemIndex, 'sourceImage', ['source'], {
		label: 'Source Image',
		accepts: 'image',
		// Luma documents chaining an edit off a previous image by its ID.
		imageGenerationById: true,
		purpose: 'input',
	});
	const references = await readReferences(this, itemIndex, MAX_REFERENCES, 'Luma takes up to 8 references for an edit: the source takes one of the nine slots.');
	return { type: 'image_edit', body, media: [source, ...references] };
}

export const executeBatch = agentsCreateOperation(build);
