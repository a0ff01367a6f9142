import type { IDataObject, IExecuteFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { lumaApiRequest } from '../../../shared/transport';
import { maxLengthProblem, requireValid } from '../../../shared/validation/readers';
import { checkEmail } from '../common/contactInput';
import { ID_FORMS, readText, requireId, requireText } from '../common/inputs';

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

/** The note Luma puts into a guest email (update-status, send-invites): at most 200 characters. */
export function readGuestMessage(ctx: IExecuteFunctions, itemIndex: number, value: unknown): string {
	const message = readText(ctx, itemIndex, value, 'Message');
	requireValid(ctx, itemIndex, 'Message', maxLengthProblem(message, 200));
	return message;
}

/** GET /v1/events/guests/get: `id` is a guest ID, guest key, ticket key or email. */
export async function getGuest(this: IExecuteFunctions, itemIndex: number, eventId: string, id: string): Promise<IDataObject> {
	return (await lumaApiRequest(this, 'events', { method: 'GET', path: '/v1/events/guests/get', qs: { event_id: eventId, id }, itemIndex })) as IDataObject;
}

/** A change to one guest, read and checked: the guest (read back after the change) and the body. */
export interface GuestChange {
	eventId: string;
	guestId: string;
	body: IDataObject;
}

/** A guest as Luma's guests/get takes it: a guest ID (gst-…), guest key (g-…), ticket key or email. */
export function readGuestRef(this: IExecuteFunctions, itemIndex: number, label: string): string {
	const text = requireText(this, itemIndex, this.getNodeParameter('guestId', itemIndex), label);
	return text.includes('@') ? checkEmail.call(this, itemIndex, text, label) : requireId(this, itemIndex, text, label, ID_FORMS.guest);
}

/** The guest ID (gst-...) for a guest ID, key or email: the write routes take only the ID. */
export async function guestIdFor(this: IExecuteFunctions, itemIndex: number, eventId: string, id: string): Promise<string> {
	if (id.startsWith('gst-')) return id;
	const guest = await getGuest.call(this, itemIndex, eventId, id);
	if (typeof guest.id !== 'string' || !guest.id) throw new NodeOperationError(this.getNode(), `Luma answered without the ID of the guest "${id}"`, { itemIndex });
	return guest.id;
}
