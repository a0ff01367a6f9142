import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { eventLocator, eventTagLocator, readTagIdOrName, resolveEventId } from '../common/locators';

/** An apply or unapply read and checked: the tag (ID or name) and the event's ID. */
export interface Tagging {
	tag: string;
	eventId: string;
}

/**
 * Apply / Unapply an event tag to one event per input item: POST /v1/calendars/event-tags/<apply|unapply>
 * `{ tag, event_ids: [id] }` → `{ applied_count | removed_count, skipped_count }`. Events that are
 * not on this calendar are counted as skipped by Luma, not refused.
 */
export function eventTaggingOperation(action: 'apply' | 'unapply') {
	const properties: INodeProperties[] = [
		eventTagLocator({ description: 'The tag: its ID, or its name', acceptsName: true }),
		eventLocator({ description: `The event to ${action === 'apply' ? 'tag' : 'untag'}: its ID or its luma.com link` }),
		optionsCollection(),
	];

	/** The tag and the event's ID (an event link is looked up: a read). */
	async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Tagging> {
		const tag = readTagIdOrName.call(this, itemIndex, 'Event Tag');
		return { tag, eventId: await resolveEventId.call(this, itemIndex) };
	}

	async function execute(this: IExecuteFunctions, itemIndex: number, { tag, eventId }: Tagging) {
		const counts = (await lumaApiRequest(this, 'events', {
			method: 'POST',
			path: `/v1/calendars/event-tags/${action}`,
			body: { tag, event_ids: [eventId] },
			itemIndex,
			// Tagging is a set operation: a repeat finds the work done (and only changes the counts).
			idempotent: true,
		})) as IDataObject;
		return { tag, event_id: eventId, ...counts };
	}

	return { description: updateDisplayOptions({ show: { resource: ['eventTag'], operation: [action] } }, properties), prepare, execute };
}
