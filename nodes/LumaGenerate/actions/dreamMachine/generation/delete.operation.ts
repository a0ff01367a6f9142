import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../../shared/concurrency';
import { lumaApiRequest } from '../../../../shared/transport';
import { generationIdField } from '../fields/media';
import { checkGenerationId } from '../inputs/validation';

const properties: INodeProperties[] = [
	generationIdField('Generation ID', 'The generation to delete; to chain nodes, drag the previous node\'s ID field here'),
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['generation'], operation: ['delete'] } }, properties);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	return checkGenerationId(this, itemIndex, this.getNodeParameter('generationId', itemIndex), 'Generation ID', 'generationId');
}

/** DELETE /generations/{id} answers 204 with no body. */
export async function execute(this: IExecuteFunctions, itemIndex: number, id: string) {
	await lumaApiRequest(this, 'dreamMachine', { method: 'DELETE', path: `/generations/${encodeURIComponent(id)}`, itemIndex });
	return { id, deleted: true };
}
