import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';

const properties: INodeProperties[] = [optionsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['calendar'], operation: ['listAdmins'] } }, properties);

/** GET /v1/calendars/admins/list: one output item per admin. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const page = (await lumaApiRequest(this, 'events', { method: 'GET', path: '/v1/calendars/admins/list', itemIndex })) as IDataObject;
	return (page.entries as IDataObject[]) ?? [];
}
