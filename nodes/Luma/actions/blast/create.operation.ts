import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { requireText } from '../common/inputs';
import { eventIdOf, eventLocator, readEventRef } from '../common/locators';
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

/** The body of the blast (an event link is looked up: a read). */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const ref = readEventRef.call(this, itemIndex);
	const content = requireText(this, itemIndex, this.getNodeParameter('content_md', itemIndex), 'Message (Markdown)');
	const fields = readBlastFields.call(this, itemIndex, this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject);
	return { event_id: await eventIdOf.call(this, itemIndex, ref), content_md: content, ...fields };
}

/** POST /v1/events/blasts/create → Blast (emails guests; never sent twice). */
export async function execute(this: IExecuteFunctions, itemIndex: number, body: IDataObject) {
	return await lumaApiRequest(this, 'events', {
		method: 'POST',
		path: '/v1/events/blasts/create',
		body,
		itemIndex,
		whatToCheck: `Check Blast → Get Many of ${String(body.event_id)} for this message`,
	});
}
