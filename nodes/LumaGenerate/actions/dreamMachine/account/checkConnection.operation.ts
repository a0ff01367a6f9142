import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../../shared/concurrency';
import { lumaApiRequest } from '../../../../shared/transport';

const properties: INodeProperties[] = [optionsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['checkConnection'] } }, properties);

/** GET /ping (authenticated like every route): fails with Luma's message when the key is wrong. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const pong = (await lumaApiRequest(this, 'dreamMachine', { method: 'GET', path: '/ping', itemIndex })) as IDataObject;
	return { connected: true, ...pong };
}
