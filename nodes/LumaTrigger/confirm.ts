import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { kindOf } from '../shared/events/webhookTypes';
import { lumaApiRequest } from '../shared/transport';
import type { Delivery } from './payload';

/**
 * "Confirm With API": re-reads what a delivery is about with the node's own credential and emits
 * Luma's current version instead of the posted body. Events come from GET /v1/events/get, guests
 * (and tickets) from GET /v1/events/guests/get plus their event. Calendar subscribers and external
 * calendar events have no read route: they are emitted as delivered, with `confirmed_with_api: false`.
 * An object the API does not know throws a 404 NodeApiError (the caller answers 404, emits nothing).
 */

function getEvent(ctx: IWebhookFunctions, eventId: string): Promise<IDataObject> {
	return lumaApiRequest(ctx, 'events', { method: 'GET', path: '/v1/events/get', qs: { event_id: eventId } });
}

function unwrap(response: IDataObject, key: string): IDataObject {
	const inner = response[key];
	return (typeof inner === 'object' && inner !== null && !Array.isArray(inner) ? inner : response) as IDataObject;
}

function notFound(ctx: IWebhookFunctions, what: string): NodeApiError {
	return new NodeApiError(ctx.getNode(), { message: `${what} not found` }, { message: `Luma: ${what} not found`, httpCode: '404' });
}

export async function confirmWithApi(
	ctx: IWebhookFunctions,
	delivery: Delivery,
): Promise<{ delivery: Delivery; confirmed: boolean }> {
	const { type, data } = delivery;
	const posted = (key: string) => (typeof data[key] === 'object' && data[key] !== null ? (data[key] as IDataObject) : {});

	switch (kindOf(type)) {
		case 'event': {
			const event = unwrap(await getEvent(ctx, String(data.id)), 'event');
			return { delivery: { type, data: event }, confirmed: true };
		}
		case 'calendarEvent': {
			if (data.platform !== 'luma') return { delivery, confirmed: false };
			const event = unwrap(await getEvent(ctx, String(data.id)), 'event');
			return { delivery: { type, data: event }, confirmed: true };
		}
		case 'guest':
		case 'ticket': {
			const eventId = String(posted('event').id ?? data.event_id ?? '');
			const guest = unwrap(
				await lumaApiRequest(ctx, 'events', {
					method: 'GET',
					path: '/v1/events/guests/get',
					qs: { event_id: eventId, id: String(data.id) },
				}),
				'guest',
			);
			const event = unwrap(await getEvent(ctx, eventId), 'event');
			const confirmedData: IDataObject = { ...guest, event };
			if (type === 'ticket.registered') {
				const ticketId = posted('event_ticket').id;
				const tickets = Array.isArray(guest.event_tickets) ? (guest.event_tickets as IDataObject[]) : [];
				const ticket = tickets.find((entry) => entry.id === ticketId);
				if (!ticket) throw notFound(ctx, `Ticket ${String(ticketId)}`);
				confirmedData.event_ticket = ticket;
			}
			// The refund details have no read route: keep what was delivered.
			if (type === 'guest.refunded' && data.refund !== undefined) confirmedData.refund = data.refund;
			return { delivery: { type, data: confirmedData }, confirmed: true };
		}
		default:
			return { delivery, confirmed: false };
	}
}
