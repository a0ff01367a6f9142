import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { pick } from '../../../shared/objects';
import { lumaApiRequest } from '../../../shared/transport';
import { ID_FORMS, readIdList } from '../common/inputs';
import { eventIdOf, eventLocator, readEventRef } from '../common/locators';
import type { GuestChange } from './guestFields';
import { getGuest, guestIdFor, readGuestRef } from './guestFields';

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

/** The body of the change (an event link, a guest key or email are looked up: reads). */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<GuestChange> {
	const ref = readEventRef.call(this, itemIndex);
	const guestRef = readGuestRef.call(this, itemIndex, 'Guest ID');
	const toAdd = readIdList(this, itemIndex, this.getNodeParameter('ticketTypesToAdd', itemIndex, ''), 'Ticket Types to Add', ID_FORMS.ticketType);
	const toRemove = readIdList(this, itemIndex, this.getNodeParameter('ticketIdsToRemove', itemIndex, ''), 'Ticket IDs to Remove', ID_FORMS.ticket);
	if (!toAdd.length && !toRemove.length) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update: set Ticket Types to Add or Ticket IDs to Remove', { itemIndex });
	}
	const fields = pick(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject, ['should_refund', 'send_email']);
	const eventId = await eventIdOf.call(this, itemIndex, ref);
	const guestId = await guestIdFor.call(this, itemIndex, eventId, guestRef);
	const body: IDataObject = { event_id: eventId, guest_id: guestId, ...fields };
	if (toAdd.length) body.tickets_to_add = toAdd.map((id) => ({ event_ticket_type_id: id }));
	if (toRemove.length) body.ticket_ids_to_remove = toRemove;
	return { eventId, guestId, body };
}

/** POST /v1/events/guests/update-tickets (added after Luma's 2026-08 OpenAPI snapshot: test/simulator/luma-events/README.md); outputs the guest afterwards. */
export async function execute(this: IExecuteFunctions, itemIndex: number, { eventId, guestId, body }: GuestChange) {
	// Not idempotent: a repeat would add the complimentary tickets twice.
	await lumaApiRequest(this, 'events', {
		method: 'POST',
		path: '/v1/events/guests/update-tickets',
		body,
		itemIndex,
		whatToCheck: "Check the guest's tickets with Guest → Get",
	});
	return await getGuest.call(this, itemIndex, eventId, guestId);
}
