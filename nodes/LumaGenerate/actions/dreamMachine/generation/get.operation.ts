import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../../shared/concurrency';
import { getGeneration } from '../../../../shared/generation/generation';
import { generationIdField } from '../fields/media';
import { checkGenerationId } from '../inputs/validation';

const properties: INodeProperties[] = [
	generationIdField('Generation ID', 'The generation to get; to chain nodes, drag the previous node\'s ID field here'),
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['generation'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const id = checkGenerationId(this, itemIndex, this.getNodeParameter('generationId', itemIndex), 'Generation ID', 'generationId');
	return await getGeneration.call(this, id, itemIndex);
}
