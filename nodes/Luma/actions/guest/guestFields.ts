import type { IDataObject, IExecuteFunctions, INodePropertyOptions } from 'n8n-workflow';

import { lumaApiRequest } from '../../../shared/transport';

/** Guests per request (Add, Send Invites). Luma documents no maximum; 100 keeps a failed request's blast radius small. */
export const GUEST_BATCH_SIZE = 100;

export const APPROVAL_STATUS_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Approved (Going)', value: 'approved' },
	{ name: 'Declined', value: 'declined' },
	{ name: 'Invited', value: 'invited' },
	{ name: 'Pending Approval', value: 'pending_approval' },
	{ name: 'Session', value: 'session' },
	{ name: 'Waitlist', value: 'waitlist' },
];

/** The summary Simplify returns for guests. */
export const GUEST_SUMMARY_KEYS = ['id', 'user_id', 'user_email', 'user_name', 'approval_status', 'registered_at', 'checked_in_at', 'event_tickets'];

/** GET /v1/events/guests/get: `id` is a guest ID, guest key, ticket key or email. */
export async function getGuest(this: IExecuteFunctions, itemIndex: number, eventId: string, id: string): Promise<IDataObject> {
	return (await lumaApiRequest(this, 'events', { method: 'GET', path: '/v1/events/guests/get', qs: { event_id: eventId, id }, itemIndex })) as IDataObject;
}

/** The guest ID (gst-...) for a guest ID, key or email: the write routes take only the ID. */
export async function guestIdFor(this: IExecuteFunctions, itemIndex: number, eventId: string, id: string): Promise<string> {
	return id.startsWith('gst-') ? id : String((await getGuest.call(this, itemIndex, eventId, id)).id);
}
