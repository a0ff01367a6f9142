import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { pick } from '../../../shared/objects';
import { lumaApiRequest } from '../../../shared/transport';
import { eventIdOf, eventLocator, readEventRef } from '../common/locators';
import type { GuestChange } from './guestFields';
import { getGuest, guestIdFor, readGuestMessage, readGuestRef } from './guestFields';

const properties: INodeProperties[] = [
	eventLocator(),
	{
		displayName: 'Guest',
		name: 'guestId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'gst-... or ada@example.com',
		description: 'The guest ID (gst-...), guest key, ticket key or email',
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		required: true,
		options: [
			{ name: 'Approved (Going)', value: 'approved' },
			{ name: 'Declined', value: 'declined' },
			{ name: 'Pending Approval', value: 'pending_approval' },
			{ name: 'Waitlist', value: 'waitlist' },
		],
		default: 'approved',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Message',
				name: 'message',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				description: 'A note included in the email to the guest (max 200 characters; needs Send Email)',
			},
			{ displayName: 'Refund', name: 'should_refund', type: 'boolean', default: false, description: 'Whether to refund a paid ticket when declining' },
			{ displayName: 'Send Email', name: 'send_email', type: 'boolean', default: true, description: 'Whether Luma emails the guest about the change' },
		],
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['guest'], operation: ['updateStatus'] } }, properties);

/** The body of the change (an event link, a guest key or email are looked up: reads). */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<GuestChange> {
	const ref = readEventRef.call(this, itemIndex);
	const guestRef = readGuestRef.call(this, itemIndex, 'Guest');
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const message = readGuestMessage(this, itemIndex, fields.message);
	if (message && fields.send_email === false) {
		throw new NodeOperationError(this.getNode(), 'Message needs Send Email: Luma delivers the message in that email', { itemIndex });
	}
	const status = this.getNodeParameter('status', itemIndex) as string;
	const eventId = await eventIdOf.call(this, itemIndex, ref);
	const guestId = await guestIdFor.call(this, itemIndex, eventId, guestRef);
	const body: IDataObject = { event_id: eventId, guest_id: guestId, status, ...pick(fields, ['send_email', 'should_refund']) };
	if (message) body.message = message;
	return { eventId, guestId, body };
}

/** POST /v1/events/guests/update-status; outputs the guest as it is afterwards. */
export async function execute(this: IExecuteFunctions, itemIndex: number, { eventId, guestId, body }: GuestChange) {
	// Not idempotent: a repeat could email the guest twice.
	await lumaApiRequest(this, 'events', {
		method: 'POST',
		path: '/v1/events/guests/update-status',
		body,
		itemIndex,
		whatToCheck: `Check the guest's status with Guest → Get (is it "${String(body.status)}"?)`,
	});
	return await getGuest.call(this, itemIndex, eventId, guestId);
}
