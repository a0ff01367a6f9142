import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../../shared/concurrency';
import { readReturnAll, returnAllFields } from '../../../../shared/listFields';
import { getManyOffset } from '../../../../shared/transport';

// Luma's list takes a whole `limit` (OpenAPI `type: integer`): the shared Limit field is whole already.
const properties: INodeProperties[] = [...returnAllFields, optionsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['generation'], operation: ['getMany'] } }, properties);

/** GET /generations, paged by offset (the transport's getManyOffset: small pages, stops on has_more). */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return await getManyOffset(
		this,
		'dreamMachine',
		{ method: 'GET', path: '/generations', itemIndex },
		{ ...readReturnAll.call(this, itemIndex), listKey: 'generations' },
	);
}
