import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { requireText } from '../common/inputs';

const properties: INodeProperties[] = [
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Moscone Center, San Francisco',
		description: 'Name or address of the venue',
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['place'], operation: ['search'] } }, properties);

/**
 * GET /v1/places/search?query= → up to 5 Google Maps candidates, one output item each. Use a
 * candidate's place_id as an event location (geo_address_json type "google").
 */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const query = requireText(this, itemIndex, this.getNodeParameter('query', itemIndex, ''), 'Query');
	const found = (await lumaApiRequest(this, 'events', {
		method: 'GET',
		path: '/v1/places/search',
		qs: { query },
		itemIndex,
	})) as IDataObject;
	return Array.isArray(found.entries) ? (found.entries as IDataObject[]) : [];
}
