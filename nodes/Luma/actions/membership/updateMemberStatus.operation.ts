import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { checkUserIdOrEmail } from '../common/contactInput';

const properties: INodeProperties[] = [
	{
		displayName: 'Member',
		name: 'member',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'name@email.com',
		description: "The member's email address or user ID (usr-...)",
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		required: true,
		options: [
			{ name: 'Approved', value: 'approved', description: 'Approve the membership (for paid tiers this captures the payment)' },
			{ name: 'Declined', value: 'declined', description: 'Decline the membership (cancels any active subscription)' },
		],
		default: 'approved',
	},
	optionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['membership'], operation: ['updateMemberStatus'] } },
	properties,
);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const member = checkUserIdOrEmail.call(this, itemIndex, this.getNodeParameter('member', itemIndex), 'Member');
	return { user_id: member, status: this.getNodeParameter('status', itemIndex) as string };
}

/** POST /v1/memberships/members/update-status `{ user_id (ID or email), status }` → `{}`. */
export async function execute(this: IExecuteFunctions, itemIndex: number, body: IDataObject) {
	await lumaApiRequest(this, 'events', {
		method: 'POST',
		path: '/v1/memberships/members/update-status',
		body,
		itemIndex,
		// Not idempotent: approving a paid membership captures the payment.
		whatToCheck: `Check Contact → Get Many for the membership status of ${String(body.user_id)}`,
	});
	return { ...body, updated: true };
}
