import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { blastIdField, readBlastId } from './blastFields';

const properties: INodeProperties[] = [blastIdField, optionsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['blast'], operation: ['delete'] } }, properties);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	return readBlastId.call(this, itemIndex);
}

/** POST /v1/events/blasts/delete: cancels a scheduled blast, or removes a sent one from the event page. */
export async function execute(this: IExecuteFunctions, itemIndex: number, id: string) {
	await lumaApiRequest(this, 'events', { method: 'POST', path: '/v1/events/blasts/delete', body: { blast_id: id }, itemIndex, idempotent: true });
	return { id, deleted: true };
}
