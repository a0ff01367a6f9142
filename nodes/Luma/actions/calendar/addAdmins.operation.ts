import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { checkEmail } from '../common/contactInput';
import { readText, splitList } from '../common/inputs';

const properties: INodeProperties[] = [
	{
		displayName: 'Emails',
		name: 'emails',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'ada@example.com, alan@example.com',
		description: 'People to make calendar admins, comma-separated. Existing admins are skipped; Luma refuses if more paid seats are needed.',
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['calendar'], operation: ['addAdmins'] } }, properties);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<string[]> {
	const emails = splitList(readText(this, itemIndex, this.getNodeParameter('emails', itemIndex), 'Emails')).map((email) => checkEmail.call(this, itemIndex, email, 'Emails'));
	if (!emails.length) throw new NodeOperationError(this.getNode(), 'Emails is required', { itemIndex });
	return emails;
}

/** POST /v1/calendars/admins/add `{ emails }` (added after Luma's 2026-08 OpenAPI snapshot: test/simulator/luma-events/README.md). */
export async function execute(this: IExecuteFunctions, itemIndex: number, emails: string[]) {
	const answer = (await lumaApiRequest(this, 'events', { method: 'POST', path: '/v1/calendars/admins/add', body: { emails }, itemIndex, idempotent: true })) as IDataObject;
	return { emails, ...answer };
}
