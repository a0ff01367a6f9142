import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { errorItem, withItemIndex } from '../../../shared/execution';
import { lumaApiRequest } from '../../../shared/transport';
import { eventLocator, resolveEventId } from '../common/locators';
import { checkEmail } from '../contact/contactInput';
import { ADD_BATCH_SIZE } from './add.operation';

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

/** POST /v1/events/guests/send-invites, batched per event and message like Guest → Add. */
export async function executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const continueOnFail = this.continueOnFail();
	const results: INodeExecutionData[][] = items.map(() => []);
	const groups = new Map<string, Array<{ itemIndex: number; eventId: string; guest: IDataObject; message: string }>>();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const eventId = await resolveEventId.call(this, itemIndex);
			const email = checkEmail.call(this, itemIndex, this.getNodeParameter('email', itemIndex, ''), 'Email');
			const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
			const name = typeof fields.name === 'string' ? fields.name.trim() : '';
			const message = typeof fields.message === 'string' ? fields.message.trim() : '';
			const key = JSON.stringify([eventId, message]);
			groups.set(key, [...(groups.get(key) ?? []), { itemIndex, eventId, guest: name ? { email, name } : { email }, message }]);
		} catch (error) {
			if (!continueOnFail) throw withItemIndex.call(this, error, itemIndex);
			results[itemIndex] = [errorItem(error, itemIndex)];
		}
	}
	for (const group of groups.values()) {
		for (let start = 0; start < group.length; start += ADD_BATCH_SIZE) {
			const batch = group.slice(start, start + ADD_BATCH_SIZE);
			const { eventId, message } = batch[0];
			try {
				await lumaApiRequest.call(this, 'events', {
					method: 'POST',
					path: '/v1/events/guests/send-invites',
					body: { event_id: eventId, guests: batch.map(({ guest }) => guest), ...(message ? { message } : {}) },
					itemIndex: batch[0].itemIndex,
				});
			} catch (error) {
				if (!continueOnFail) throw withItemIndex.call(this, error, batch[0].itemIndex);
				for (const { itemIndex } of batch) results[itemIndex] = [errorItem(error, itemIndex)];
				continue;
			}
			for (const { itemIndex, guest } of batch) results[itemIndex] = [{ json: { event_id: eventId, ...guest, invited: true }, pairedItem: { item: itemIndex } }];
		}
	}
	return results.flat();
}
