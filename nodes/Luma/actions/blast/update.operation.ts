import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { changedText, requireChanges } from '../common/inputs';
import { blastIdField, blastOptionalFields, readBlastFields, readBlastId } from './blastFields';

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

/** The body of the update: the blast's ID and only the fields the user set. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readBlastId.call(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const changes: IDataObject = readBlastFields.call(this, itemIndex, fields);
	const content = changedText(this, itemIndex, fields, 'content_md', 'Message (Markdown)');
	if (content) changes.content_md = content;
	requireChanges(this, itemIndex, changes);
	return { blast_id: id, ...changes };
}

/** POST /v1/events/blasts/update → Blast (a sent blast accepts only subject and message). */
export async function execute(this: IExecuteFunctions, itemIndex: number, body: IDataObject) {
	return await lumaApiRequest(this, 'events', { method: 'POST', path: '/v1/events/blasts/update', body, itemIndex, idempotent: true });
}
