import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';

const properties: INodeProperties[] = [optionsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['concept'], operation: ['list'] } }, properties);

/** GET /generations/concepts/list answers a plain array of keys: one item per concept. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const keys = await lumaApiRequest(this, 'dreamMachine', { method: 'GET', path: '/generations/concepts/list', itemIndex });
	return (Array.isArray(keys) ? keys : []).map((key) => ({ key: String(key) }));
}
