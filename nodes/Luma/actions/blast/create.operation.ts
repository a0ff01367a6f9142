import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { eventLocator, resolveEventId } from '../common/locators';
import { blastOptionalFields, readBlastFields } from './blastFields';

const properties: INodeProperties[] = [
	eventLocator(),
	{
		displayName: 'Message (Markdown)',
		name: 'content_md',
		type: 'string',
		typeOptions: { rows: 5 },
		required: true,
		default: '',
		description: "The email's text. Luma allows 10 blasts per 5 minutes per calendar.",
	},
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: blastOptionalFields },
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['blast'], operation: ['create'] } }, properties);

/** POST /v1/events/blasts/create → Blast (emails guests; never sent twice). */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const eventId = await resolveEventId.call(this, itemIndex);
	const content = String(this.getNodeParameter('content_md', itemIndex, '')).trim();
	if (!content) throw new NodeOperationError(this.getNode(), 'Message is required', { itemIndex });
	const body: IDataObject = {
		event_id: eventId,
		content_md: content,
		...readBlastFields.call(this, itemIndex, this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
	};
	return (await lumaApiRequest(this, 'events', { method: 'POST', path: '/v1/events/blasts/create', body, itemIndex })) as IDataObject;
}
