import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import type { NodeRun } from '../../../shared/types';
import { sendPeopleInBatches } from '../common/batching';
import { checkEmail } from '../common/contactInput';
import { readText } from '../common/inputs';
import { eventIdOf, eventLocator, readEventRef } from '../common/locators';
import { GUEST_BATCH_SIZE, readGuestMessage } from './guestFields';

const properties: INodeProperties[] = [
	eventLocator(),
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'Email of the person to invite (one per input item; items are sent in batches)',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			{ displayName: 'Message', name: 'message', type: 'string', typeOptions: { rows: 2 }, default: '', description: 'A note in the invitation email, at most 200 characters (same for every item of a batch)' },
		],
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['guest'], operation: ['sendInvites'] } }, properties);

interface InviteEntry {
	eventId: string;
	guest: IDataObject;
	message: string;
}

/** POST /v1/events/guests/send-invites, batched per event and message like Guest → Add. */
export async function executeBatch(this: IExecuteFunctions, items: INodeExecutionData[], run: NodeRun): Promise<INodeExecutionData[]> {
	return await sendPeopleInBatches<InviteEntry>(this, items, run, {
		batchSize: GUEST_BATCH_SIZE,
		read: async (itemIndex) => {
			const ref = readEventRef.call(this, itemIndex);
			const email = checkEmail.call(this, itemIndex, this.getNodeParameter('email', itemIndex, ''), 'Email');
			const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
			const name = readText(this, itemIndex, fields.name, 'Name');
			const message = readGuestMessage(this, itemIndex, fields.message);
			const guest: IDataObject = name ? { email, name } : { email };
			const eventId = await eventIdOf.call(this, itemIndex, ref);
			return { groupKey: JSON.stringify([eventId, message]), entry: { eventId, guest, message } };
		},
		send: async (batch, itemIndex) => {
			const { eventId, message } = batch[0];
			await lumaApiRequest(this, 'events', {
				method: 'POST',
				path: '/v1/events/guests/send-invites',
				body: { event_id: eventId, guests: batch.map(({ guest }) => guest), ...(message ? { message } : {}) },
				itemIndex,
				// Not idempotent: a repeat would email the invitations twice.
				whatToCheck: `Check the guest list of ${eventId} (Guest → Get Many, status Invited) for ${batch.length === 1 ? batch[0].guest.email : `these ${batch.length} people`}`,
			});
		},
		output: ({ eventId, guest }) => ({ event_id: eventId, ...guest, invited: true }),
	});
}
