import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { readText } from '../common/inputs';
import { eventIdOf, eventLocator, readEventRef } from '../common/locators';

const properties: INodeProperties[] = [
	{
		displayName:
			'Cancelling deletes the event and notifies its guests. This cannot be undone.',
		name: 'cancelNotice',
		type: 'notice',
		default: '',
	},
	eventLocator(),
	{
		displayName: 'Cancellation Token',
		name: 'cancellationToken',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description:
			'Token from Event → Request Cancellation (valid 15 minutes). Leave empty to request one in this step (a review-free, one-step cancel).',
	},
	{
		displayName: 'Refund Guests',
		name: 'shouldRefund',
		type: 'boolean',
		default: false,
		description: 'Whether to refund paid tickets. Luma requires an explicit choice for events with paid tickets.',
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['event'], operation: ['cancel'] } }, properties);

interface Cancellation {
	eventId: string;
	/** Empty: requested from Luma when the item is sent. */
	token: string;
	shouldRefund: boolean;
}

/** The event (an event link is looked up: a read), the token as given and the refund choice. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Cancellation> {
	const ref = readEventRef.call(this, itemIndex);
	const token = readText(this, itemIndex, this.getNodeParameter('cancellationToken', itemIndex, ''), 'Cancellation Token');
	const shouldRefund = this.getNodeParameter('shouldRefund', itemIndex, false) === true;
	return { eventId: await eventIdOf.call(this, itemIndex, ref), token, shouldRefund };
}

/**
 * POST /v1/events/cancel `{ event_id, cancellation_token, should_refund }`. A token not given is
 * requested here, not in `prepare`: asking for one is a request to cancel, and it expires.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, { eventId, token: given, shouldRefund }: Cancellation) {
	let token = given;
	let request: IDataObject | undefined;
	if (!token) {
		request = (await lumaApiRequest(this, 'events', {
			method: 'POST',
			path: '/v1/events/cancel/request',
			body: { event_id: eventId },
			itemIndex,
			idempotent: true,
		})) as IDataObject;
		token = typeof request.cancellation_token === 'string' ? request.cancellation_token : '';
		if (!token) throw new NodeOperationError(this.getNode(), 'Luma did not return a cancellation token', { itemIndex });
	}
	await lumaApiRequest(this, 'events', {
		method: 'POST',
		path: '/v1/events/cancel',
		body: { event_id: eventId, cancellation_token: token, should_refund: shouldRefund },
		itemIndex,
		whatToCheck: `Check with Event → Get whether ${eventId} is still on the calendar`,
	});
	return { event_id: eventId, canceled: true, refunded: shouldRefund, ...(request ? { is_paid: request.is_paid, guest_count: request.guest_count } : {}) };
}
