import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { getManyOffset } from '../../../shared/transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['generation'], operation: ['getMany'] } }, properties);

/** GET /generations, paged by offset (the transport's getManyOffset: small pages, stops on has_more). */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	return await getManyOffset.call(
		this,
		'dreamMachine',
		{ method: 'GET', path: '/generations', itemIndex },
		{ returnAll, limit, listKey: 'generations' },
	);
}
