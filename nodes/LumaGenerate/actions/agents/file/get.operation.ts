import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../../shared/concurrency';
import { getAgentsFile } from '../../../engine/agents/files';
import { readUuid } from '../inputs/media';
import { fileIdField } from './fileId';

const properties: INodeProperties[] = [fileIdField("The file to get; to chain nodes, drag the previous node's ID field here"), optionsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['file'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const id = readUuid(this, itemIndex, this.getNodeParameter('fileId', itemIndex), 'File ID', 'a Luma file ID');
	return await getAgentsFile(this, id, itemIndex);
}
