import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { readList } from '../common/contactInput';
import { eventLocator, resolveEventId } from '../common/locators';
import { getGuest, guestIdFor } from './guestFields';

const properties: INodeProperties[] = [
	eventLocator(),
	{
		displayName: 'Guest ID',
		name: 'guestId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'gst-...',
		description: 'The guest whose tickets change (gst-..., a guest key or email also work)',
	},
	{
		displayName: 'Ticket Types to Add',
		name: 'ticketTypesToAdd',
		type: 'string',
		default: '',
		placeholder: 'evtticktyp-..., evtticktyp-...',
		description: 'Ticket type IDs, comma-separated: one complimentary ticket per ID (may exceed capacity)',
	},
	{
		displayName: 'Ticket IDs to Remove',
		name: 'ticketIdsToRemove',
		type: 'string',
		default: '',
		description: "IDs of the guest's tickets to invalidate, comma-separated (see the guest's event_tickets)",
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Refund Removed Tickets', name: 'should_refund', type: 'boolean', default: false },
			{ displayName: 'Send Email', name: 'send_email', type: 'boolean', default: true, description: 'Whether Luma emails the guest about the change' },
		],
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['guest'], operation: ['updateTickets'] } }, properties);

/** POST /v1/events/guests/update-tickets (added after Luma's 2026-08 OpenAPI snapshot: test/simulator/luma-events/README.md); outputs the guest afterwards. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const eventId = await resolveEventId.call(this, itemIndex);
	let guestId = String(this.getNodeParameter('guestId', itemIndex, '')).trim();
	if (!guestId) throw new NodeOperationError(this.getNode(), 'Guest ID is required', { itemIndex });
	const toAdd = readList(this.getNodeParameter('ticketTypesToAdd', itemIndex, ''));
	const toRemove = readList(this.getNodeParameter('ticketIdsToRemove', itemIndex, ''));
	if (!toAdd.length && !toRemove.length) {
		throw new NodeOperationError(this.getNode(), 'Nothing to change: set Ticket Types to Add or Ticket IDs to Remove', { itemIndex });
	}
	guestId = await guestIdFor.call(this, itemIndex, eventId, guestId);
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { event_id: eventId, guest_id: guestId, ...fields };
	if (toAdd.length) body.tickets_to_add = toAdd.map((id) => ({ event_ticket_type_id: id }));
	if (toRemove.length) body.ticket_ids_to_remove = toRemove;
	await lumaApiRequest(this, 'events', { method: 'POST', path: '/v1/events/guests/update-tickets', body, itemIndex });
	return await getGuest.call(this, itemIndex, eventId, guestId);
}
