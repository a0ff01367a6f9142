import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import type { NodeRun } from '../../../shared/types';
import { sendPeopleInBatches } from '../common/batching';
import { checkEmail } from '../common/contactInput';
import { eventLocator, resolveEventId } from '../common/locators';
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
			{ displayName: 'Message', name: 'message', type: 'string', typeOptions: { rows: 2 }, default: '', description: 'A note in the invitation email (same for every item of a batch)' },
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
			const eventId = await resolveEventId.call(this, itemIndex);
			const email = checkEmail.call(this, itemIndex, this.getNodeParameter('email', itemIndex, ''), 'Email');
			const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
			const name = typeof fields.name === 'string' ? fields.name.trim() : '';
			const message = typeof fields.message === 'string' ? fields.message.trim() : '';
			const guest: IDataObject = name ? { email, name } : { email };
			return { groupKey: JSON.stringify([eventId, message]), entry: { eventId, guest, message } };
		},
		send: async (batch, itemIndex) => {
			const { eventId, message } = batch[0];
			await lumaApiRequest(this, 'events', {
				method: 'POST',
				path: '/v1/events/guests/send-invites',
				body: { event_id: eventId, guests: batch.map(({ guest }) => guest), ...(message ? { message } : {}) },
				itemIndex,
			});
		},
		output: ({ eventId, guest }) => ({ event_id: eventId, ...guest, invited: true }),
	});
}
