import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { returnAllFields } from '../../../shared/listFields';
import { requireText } from '../common/inputs';
import { getManyFromList } from '../common/lists';

const properties: INodeProperties[] = [
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'concert',
		description: "Words describing the image, searched in Luma's stock cover images",
	},
	...returnAllFields,
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['image'], operation: ['search'] } }, properties);

/** GET /v1/images/search?query= (cursor pages): stock images whose image_url works as an event cover_url. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const query = requireText(this, itemIndex, this.getNodeParameter('query', itemIndex, ''), 'Query');
	return await getManyFromList.call(this, itemIndex, '/v1/images/search', { query });
}
