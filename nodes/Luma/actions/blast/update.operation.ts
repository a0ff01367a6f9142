import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { blastIdField, blastOptionalFields, readBlastFields } from './blastFields';

const properties: INodeProperties[] = [
	blastIdField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [{ displayName: 'Message (Markdown)', name: 'content_md', type: 'string', typeOptions: { rows: 5 }, default: '' }, ...blastOptionalFields],
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['blast'], operation: ['update'] } }, properties);

/** POST /v1/events/blasts/update → Blast (a sent blast accepts only subject and message). */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const id = String(this.getNodeParameter('blastId', itemIndex, '')).trim();
	if (!id) throw new NodeOperationError(this.getNode(), 'Blast ID is required', { itemIndex });
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { blast_id: id, ...readBlastFields.call(this, itemIndex, fields) };
	if (typeof fields.content_md === 'string' && fields.content_md.trim()) body.content_md = fields.content_md.trim();
	if (Object.keys(body).length === 1) throw new NodeOperationError(this.getNode(), 'Nothing to update: add a field under Update Fields', { itemIndex });
	return (await lumaApiRequest(this, 'events', { method: 'POST', path: '/v1/events/blasts/update', body, itemIndex, idempotent: true })) as IDataObject;
}
