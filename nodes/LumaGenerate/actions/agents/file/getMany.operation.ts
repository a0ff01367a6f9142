import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../../shared/concurrency';
import { readReturnAll, returnAllFields } from '../../../../shared/listFields';
import { getManyCursor } from '../../../../shared/transport';

const properties: INodeProperties[] = [
	...returnAllFields,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Purpose',
				name: 'purpose',
				type: 'options',
				options: [
					{ name: 'Input', value: 'input' },
					{ name: 'Reference', value: 'reference' },
				],
				default: 'input',
			},
			{
				displayName: 'State',
				name: 'state',
				type: 'options',
				options: [
					{ name: 'Deleted', value: 'deleted' },
					{ name: 'Failed', value: 'failed' },
					{ name: 'Pending', value: 'pending' },
					{ name: 'Ready', value: 'ready' },
				],
				default: 'ready',
			},
		],
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['file'], operation: ['getMany'] } }, properties);

/** `GET /files`, newest first, keyset pages of up to 100 (the transport follows `next_cursor`). */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	return await getManyCursor(
		this,
		'agents',
		{ method: 'GET', path: '/files', qs: { purpose: filters.purpose, state: filters.state }, itemIndex },
		readReturnAll.call(this, itemIndex),
	);
}
