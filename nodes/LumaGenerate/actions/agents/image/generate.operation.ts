import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { AgentsRequest } from '../../../engine/agents/create';
import { agentsCreateOperation } from '../../../engine/agents/create';
import { modelFields, promptField } from '../fields/model';
import { createOptions, waitFields } from '../fields/options';
import { imageAspectRatioField } from '../fields/output';
import { readModel, readPrompt } from '../inputs/checks';
import { additionalFields, readImageExtras, readReferences, referencesField } from './imageCreate';

/** Luma: up to 9 reference images for type `image` (each adds $0.003). */
const MAX_REFERENCES = 9;
const WHY = ' (each adds $0.003)';

const properties: INodeProperties[] = [
	...modelFields('image'),
	promptField(),
	imageAspectRatioField,
	referencesField(MAX_REFERENCES, WHY),
	additionalFields,
	...waitFields,
	createOptions('image', 'The binary field for the image'),
];

export const description = updateDisplayOptions({ show: { resource: ['image'], operation: ['generate'] } }, properties);

async function build(this: IExecuteFunctions, itemIndex: number): Promise<AgentsRequest> {
	const ratio = this.getNodeParameter('aspectRatio', itemIndex) as string;
	// "Let the Model Choose" is Luma's null: no aspect_ratio at all.
	const aspectRatio = ratio === 'auto' ? undefined : ratio;
	const body = {
		type: 'image',
		model: readModel(this, itemIndex, 'image'),
		prompt: readPrompt(this, itemIndex),
		...(aspectRatio ? { aspect_ratio: aspectRatio } : {}),
		...readImageExtras(this, itemIndex, aspectRatio),
	};
	const media = await readReferences(this, itemIndex, MAX_REFERENCES, 'Luma takes up to 9 references for a new image.');
	return { type: 'image', body, media };
}

export const executeBatch = agentsCreateOperation(build);
