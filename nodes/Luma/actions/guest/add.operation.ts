import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { pick } from '../../../shared/objects';
import { lumaApiRequest } from '../../../shared/transport';
import type { NodeRun } from '../../../shared/types';
import { sendPeopleInBatches } from '../common/batching';
import { checkEmail } from '../common/contactInput';
import { ID_FORMS, readIdList, readText } from '../common/inputs';
import { eventIdOf, eventLocator, readEventRef } from '../common/locators';
import { GUEST_BATCH_SIZE } from './guestFields';

const properties: INodeProperties[] = [
	eventLocator(),
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'Email of the guest to add (one guest per input item; items are sent to Luma in batches)',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Approval Status',
				name: 'approval_status',
				type: 'options',
				options: [
					{ name: 'Approved (Going)', value: 'approved' },
					{ name: 'Pending Approval', value: 'pending_approval' },
					{ name: 'Waitlist', value: 'waitlist' },
				],
				default: 'approved',
				description: 'Status the guest gets. To send an invitation instead, use Guest → Send Invites.',
			},
			{ displayName: 'Name', name: 'name', type: 'string', default: '', description: "The guest's name (an existing Luma user's name is kept)" },
			{
				displayName: 'Send Email',
				name: 'send_email',
				type: 'boolean',
				default: true,
				description: 'Whether Luma emails the guest their registration',
			},
			{
				displayName: 'Ticket Type IDs',
				name: 'ticketTypeIds',
				type: 'string',
				default: '',
				placeholder: 'evtticktyp-..., evtticktyp-...',
				description: 'Ticket types to give the guest, comma-separated (one ticket each; repeat an ID for several). Default: one ticket of the default type.',
			},
		],
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['guest'], operation: ['add'] } }, properties);

interface GuestToAdd {
	eventId: string;
	guest: IDataObject;
	/** Everything besides the guest that goes into the request body: items share a request only when equal. */
	shared: IDataObject;
}

async function readGuest(this: IExecuteFunctions, itemIndex: number): Promise<GuestToAdd> {
	const ref = readEventRef.call(this, itemIndex);
	const email = checkEmail.call(this, itemIndex, this.getNodeParameter('email', itemIndex, ''), 'Email');
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const name = readText(this, itemIndex, fields.name, 'Name');
	const shared: IDataObject = pick(fields, ['approval_status', 'send_email']);
	const ticketTypeIds = readIdList(this, itemIndex, fields.ticketTypeIds, 'Ticket Type IDs', ID_FORMS.ticketType);
	if (ticketTypeIds.length === 1) shared.ticket = { event_ticket_type_id: ticketTypeIds[0] };
	else if (ticketTypeIds.length > 1) shared.tickets = ticketTypeIds.map((id) => ({ event_ticket_type_id: id }));
	return { eventId: await eventIdOf.call(this, itemIndex, ref), guest: name ? { email, name } : { email }, shared };
}

/**
 * POST /v1/events/guests/add: items for the same event with the same settings share requests (see
 * sendPeopleInBatches). Luma answers `{}`, so each output item is `{ event_id, email, name?, added: true, ... }`.
 */
export async function executeBatch(this: IExecuteFunctions, items: INodeExecutionData[], run: NodeRun): Promise<INodeExecutionData[]> {
	return await sendPeopleInBatches<GuestToAdd>(this, items, run, {
		batchSize: GUEST_BATCH_SIZE,
		read: async (itemIndex) => {
			const entry = await readGuest.call(this, itemIndex);
			return { groupKey: JSON.stringify([entry.eventId, entry.shared]), entry };
		},
		send: async (batch, itemIndex) => {
			const { eventId, shared } = batch[0];
			await lumaApiRequest(this, 'events', {
				method: 'POST',
				path: '/v1/events/guests/add',
				body: { event_id: eventId, guests: batch.map(({ guest }) => guest), ...shared },
				itemIndex,
				// Luma keys guests by email: adding someone who is already a guest adds nobody.
				idempotent: true,
			});
		},
		output: ({ eventId, guest, shared }) => ({ event_id: eventId, ...guest, ...shared, added: true }),
	});
}
