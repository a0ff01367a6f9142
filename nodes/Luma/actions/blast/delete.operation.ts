import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { blastIdField } from './blastFields';

const properties: INodeProperties[] = [blastIdField, optionsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['blast'], operation: ['delete'] } }, properties);

/** POST /v1/events/blasts/delete: cancels a scheduled blast, or removes a sent one from the event page. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const id = String(this.getNodeParameter('blastId', itemIndex, '')).trim();
	if (!id) throw new NodeOperationError(this.getNode(), 'Blast ID is required', { itemIndex });
	await lumaApiRequest(this, 'events', { method: 'POST', path: '/v1/events/blasts/delete', body: { blast_id: id }, itemIndex, idempotent: true });
	return { id, deleted: true };
}
