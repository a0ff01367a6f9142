import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../../shared/concurrency';
import { lumaApiRequest } from '../../../../shared/transport';
import { readUuid } from '../inputs/media';
import { fileIdField } from './fileId';

const properties: INodeProperties[] = [fileIdField("The file to delete; to chain nodes, drag the previous node's ID field here"), optionsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['file'], operation: ['delete'] } }, properties);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	return readUuid(this, itemIndex, this.getNodeParameter('fileId', itemIndex), 'File ID', 'a Luma file ID');
}

/** `DELETE /files/{id}` answers 204. Generations made from the file keep their outputs. */
export async function execute(this: IExecuteFunctions, itemIndex: number, id: string) {
	// A soft delete: deleting a deleted file changes nothing, so a lost answer may be repeated.
	await lumaApiRequest(this, 'agents', { method: 'DELETE', path: `/files/${encodeURIComponent(id)}`, itemIndex, idempotent: true });
	return { id, deleted: true };
}
