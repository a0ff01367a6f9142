import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { returnAllFields } from '../../../shared/listFields';
import { lumaApiRequest } from '../../../shared/transport';
import { applyLimit } from '../common/lists';

const properties: INodeProperties[] = [
	...returnAllFields,
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['organization'], operation: ['listAdmins'] } }, properties);

/** GET /v1/organizations/admins/list → `{ entries }` (not paginated: one request, the limit is applied here). */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const page = (await lumaApiRequest(this, 'events', { method: 'GET', path: '/v1/organizations/admins/list', itemIndex })) as IDataObject;
	const admins = Array.isArray(page.entries) ? (page.entries as IDataObject[]) : [];
	return applyLimit.call(this, itemIndex, admins);
}
