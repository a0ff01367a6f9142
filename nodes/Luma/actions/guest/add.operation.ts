import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { errorItem, withItemIndex } from '../../../shared/execution';
import { lumaApiRequest } from '../../../shared/transport';
import { eventLocator, resolveEventId } from '../common/locators';
import { checkEmail, readList } from '../contact/contactInput';

/** Guests per request. Luma documents no maximum; 100 keeps a failed request's blast radius small. */
export const ADD_BATCH_SIZE = 100;

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
	itemIndex: number;
	eventId: string;
	guest: IDataObject;
	/** Everything besides the guest that goes into the request body: items share a request only when equal. */
	shared: IDataObject;
}

async function readGuest(this: IExecuteFunctions, itemIndex: number): Promise<GuestToAdd> {
	const eventId = await resolveEventId.call(this, itemIndex);
	const email = checkEmail.call(this, itemIndex, this.getNodeParameter('email', itemIndex, ''), 'Email');
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const name = typeof fields.name === 'string' ? fields.name.trim() : '';
	const shared: IDataObject = {};
	if (fields.approval_status) shared.approval_status = fields.approval_status;
	if (fields.send_email !== undefined) shared.send_email = fields.send_email;
	const ticketTypeIds = readList(fields.ticketTypeIds);
	if (ticketTypeIds.length === 1) shared.ticket = { event_ticket_type_id: ticketTypeIds[0] };
	else if (ticketTypeIds.length > 1) shared.tickets = ticketTypeIds.map((id) => ({ event_ticket_type_id: id }));
	return { itemIndex, eventId, guest: name ? { email, name } : { email }, shared };
}

/**
 * POST /v1/events/guests/add: items for the same event with the same settings go in one request
 * (up to ADD_BATCH_SIZE guests). Every item is checked first. Luma answers `{}`, so each output item
 * is `{ event_id, email, name?, added: true, ... }` paired with its input item. A failed request
 * fails all of its items; the request is never re-sent (adding guests emails them).
 */
export async function executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const continueOnFail = this.continueOnFail();
	const results: INodeExecutionData[][] = items.map(() => []);
	const groups = new Map<string, GuestToAdd[]>();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const entry = await readGuest.call(this, itemIndex);
			const key = JSON.stringify([entry.eventId, entry.shared]);
			groups.set(key, [...(groups.get(key) ?? []), entry]);
		} catch (error) {
			if (!continueOnFail) throw withItemIndex.call(this, error, itemIndex);
			results[itemIndex] = [errorItem(error, itemIndex)];
		}
	}
	for (const group of groups.values()) {
		for (let start = 0; start < group.length; start += ADD_BATCH_SIZE) {
			const batch = group.slice(start, start + ADD_BATCH_SIZE);
			const { eventId, shared } = batch[0];
			try {
				await lumaApiRequest.call(this, 'events', {
					method: 'POST',
					path: '/v1/events/guests/add',
					body: { event_id: eventId, guests: batch.map(({ guest }) => guest), ...shared },
					itemIndex: batch[0].itemIndex,
				});
			} catch (error) {
				if (!continueOnFail) throw withItemIndex.call(this, error, batch[0].itemIndex);
				for (const { itemIndex } of batch) results[itemIndex] = [errorItem(error, itemIndex)];
				continue;
			}
			for (const { itemIndex, guest } of batch) {
				results[itemIndex] = [{ json: { event_id: eventId, ...guest, ...shared, added: true }, pairedItem: { item: itemIndex } }];
			}
		}
	}
	return results.flat();
}
