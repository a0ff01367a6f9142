import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { contactIdentifier } from '../common/contactInput';

/**
 * Block, Remove and Restore share one shape: POST /v1/calendars/contacts/<action> with
 * `{ contact_id }` or `{ email }` (routes added to Luma's API after the Aug-2026 spec), answer `{}`.
 */
type ContactAction = 'block' | 'remove' | 'restore';

const OUTCOME: Record<ContactAction, string> = { block: 'blocked', remove: 'removed', restore: 'restored' };

export function contactStatusOperation(action: ContactAction, fieldDescription: string) {
	const properties: INodeProperties[] = [
		{
			displayName: 'Contact',
			name: 'contact',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'name@email.com',
			description: fieldDescription,
		},
		optionsCollection(),
	];

	const description = updateDisplayOptions({ show: { resource: ['contact'], operation: [action] } }, properties);

	async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		return contactIdentifier.call(this, itemIndex, this.getNodeParameter('contact', itemIndex, ''), 'Contact');
	}

	async function execute(this: IExecuteFunctions, itemIndex: number, contact: IDataObject) {
		await lumaApiRequest(this, 'events', {
			method: 'POST',
			path: `/v1/calendars/contacts/${action}`,
			body: contact,
			itemIndex,
			// Each action sets a state: sending it twice leaves the contact as once.
			idempotent: true,
		});
		return { ...contact, [OUTCOME[action]]: true };
	}

	return { description, prepare, execute };
}
