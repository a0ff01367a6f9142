import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../../shared/concurrency';
import { lumaApiRequest } from '../../../../shared/transport';
import { readUuid } from '../inputs/media';
import { fileIdField } from './fileId';

const properties: INodeProperties[] = [fileIdField("The file to delete; to chain nodes, drag the previous node's ID field here"), optionsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['file'], operation: ['delete'] } }, properties);

/** `DELETE /files/{id}` answers 204. Generations made from the file keep their outputs. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const id = readUuid(this, itemIndex, this.getNodeParameter('fileId', itemIndex), 'File ID', 'a Luma file ID');
	// A soft delete: deleting a deleted file changes nothing, so a lost answer may be repeated.
	await lumaApiRequest(this, 'agents', { method: 'DELETE', path: `/files/${encodeURIComponent(id)}`, itemIndex, idempotent: true });
	return { id, deleted: true };
}
