import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';

const properties: INodeProperties[] = [optionsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['calendar'], operation: ['get'] } }, properties);

/** GET /v1/calendars/get: the calendar the API key belongs to. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return (await lumaApiRequest(this, 'events', { method: 'GET', path: '/v1/calendars/get', itemIndex })) as IDataObject;
}
