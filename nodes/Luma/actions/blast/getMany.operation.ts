import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { returnAllFields } from '../../../shared/listFields';
import { lumaApiRequest } from '../../../shared/transport';
import { applyLimit } from '../common/lists';
import { eventLocator, resolveEventId } from '../common/locators';

const properties: INodeProperties[] = [eventLocator(), ...returnAllFields, optionsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['blast'], operation: ['getMany'] } }, properties);

/** GET /v1/events/blasts/list?event_id= (newest first, one response). */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const eventId = await resolveEventId.call(this, itemIndex);
	const page = (await lumaApiRequest(this, 'events', { method: 'GET', path: '/v1/events/blasts/list', qs: { event_id: eventId }, itemIndex })) as IDataObject;
	return applyLimit.call(this, itemIndex, (page.entries as IDataObject[]) ?? []);
}
