import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../../shared/concurrency';
import { getAgentsGeneration } from '../../../engine/agents/generation';
import { readUuid } from '../inputs/media';
import { generationIdField } from './generationId';

const properties: INodeProperties[] = [
	generationIdField("The generation to get; to chain nodes, drag the previous node's ID field here"),
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['generation'], operation: ['get'] } }, properties);

/** The generation as Luma has it now, with fresh one-hour output URLs. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const id = readUuid(this, itemIndex, this.getNodeParameter('generationId', itemIndex), 'Generation ID', 'a Luma generation ID');
	return await getAgentsGeneration(this, id, itemIndex);
}
