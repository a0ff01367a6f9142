import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { splitEmailsAndUserIds } from '../common/contactInput';
import { contactTagLocator, readTagIdOrName } from '../common/locators';

/**
 * Apply / Unapply a contact tag: POST /v1/calendars/contact-tags/<apply|unapply>
 * `{ tag, emails?, user_ids? }` → `{ applied_count | removed_count, skipped_count }`. Luma never
 * creates contacts here: people who are not contacts of the calendar are counted as skipped.
 */
export function contactTaggingOperation(action: 'apply' | 'unapply') {
	const properties: INodeProperties[] = [
		contactTagLocator({ description: 'The tag: its ID, or its name', acceptsName: true }),
		{
			displayName: 'Contacts',
			name: 'contacts',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'ada@example.com, usr-AbC123xyz',
			description: `Emails or user IDs (usr-...) of the contacts to ${action === 'apply' ? 'tag' : 'untag'}, comma-separated (from a list in an expression: .join(', '))`,
		},
		optionsCollection(),
	];

	async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const tag = readTagIdOrName.call(this, itemIndex, 'Contact Tag');
		const { emails, user_ids } = splitEmailsAndUserIds.call(this, itemIndex, this.getNodeParameter('contacts', itemIndex, ''), 'Contacts');
		const body: IDataObject = { tag };
		if (emails.length) body.emails = emails;
		if (user_ids.length) body.user_ids = user_ids;
		return body;
	}

	async function execute(this: IExecuteFunctions, itemIndex: number, body: IDataObject) {
		const counts = (await lumaApiRequest(this, 'events', {
			method: 'POST',
			path: `/v1/calendars/contact-tags/${action}`,
			body,
			itemIndex,
			// Tagging is a set operation: a repeat finds the work done (and only changes the counts).
			idempotent: true,
		})) as IDataObject;
		return { ...body, ...counts };
	}

	return { description: updateDisplayOptions({ show: { resource: ['contactTag'], operation: [action] } }, properties), prepare, execute };
}
