import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { blastIdField, readBlastId } from './blastFields';

const properties: INodeProperties[] = [blastIdField, optionsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['blast'], operation: ['get'] } }, properties);

/** GET /v1/events/blasts/get?blast_id= (added after Luma's 2026-08 OpenAPI snapshot: test/simulator/luma-events/README.md). */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const id = readBlastId.call(this, itemIndex);
	return (await lumaApiRequest(this, 'events', { method: 'GET', path: '/v1/events/blasts/get', qs: { blast_id: id }, itemIndex })) as IDataObject;
}
