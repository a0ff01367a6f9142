import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { eventLocator, resolveEventId } from '../common/locators';

const properties: INodeProperties[] = [eventLocator(), optionsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['event'], operation: ['requestCancellation'] } }, properties);

/** The event's ID (an event link is looked up: a read). */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	return await resolveEventId.call(this, itemIndex);
}

/**
 * POST /v1/events/cancel/request → `{ cancellation_token, is_paid, guest_count }`. Step one of
 * Luma's two-step cancel: the token (valid 15 minutes) goes into Event → Cancel.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, eventId: string) {
	const answer = (await lumaApiRequest(this, 'events', {
		method: 'POST',
		path: '/v1/events/cancel/request',
		body: { event_id: eventId },
		itemIndex,
		// Only issues a token; asking again cancels nothing.
		idempotent: true,
	})) as IDataObject;
	return { event_id: eventId, ...answer };
}
