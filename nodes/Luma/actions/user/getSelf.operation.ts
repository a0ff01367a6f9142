import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';

const properties: INodeProperties[] = [optionsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['getSelf'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return await lumaApiRequest(this, 'events', { method: 'GET', path: '/v1/users/get-self', itemIndex });
}
