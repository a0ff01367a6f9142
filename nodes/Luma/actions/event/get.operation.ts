import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { pick } from '../../../shared/objects';
import { simplifyField } from '../common/fields';
import { eventLocator, resolveEventId } from '../common/locators';
import { EVENT_SUMMARY_KEYS, getEvent } from './eventFields';

const properties: INodeProperties[] = [eventLocator(), { ...simplifyField, default: false }, optionsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['event'], operation: ['get'] } }, properties);

/** GET /v1/events/get?event_id= → Event (with hosts). */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const eventId = await resolveEventId.call(this, itemIndex);
	const event = await getEvent.call(this, itemIndex, eventId);
	return this.getNodeParameter('simplify', itemIndex, false) ? pick(event, EVENT_SUMMARY_KEYS) : event;
}
