import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { returnAllFields } from '../../../shared/listFields';
import { lumaApiRequest } from '../../../shared/transport';
import { applyLimit } from '../common/lists';
import { eventIdOf, eventLocator, readEventRef } from '../common/locators';

const properties: INodeProperties[] = [
	eventLocator(),
	...returnAllFields,
	{ displayName: 'Include Hidden', name: 'includeHidden', type: 'boolean', default: false, description: 'Whether to include hidden ticket types' },
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['ticketType'], operation: ['getMany'] } }, properties);

/** GET /v1/events/ticket-types/list (one response, not paged). */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const ref = readEventRef.call(this, itemIndex);
	const includeHidden = this.getNodeParameter('includeHidden', itemIndex, false) === true;
	const eventId = await eventIdOf.call(this, itemIndex, ref);
	const page = (await lumaApiRequest(this, 'events', {
		method: 'GET',
		path: '/v1/events/ticket-types/list',
		qs: { event_id: eventId, ...(includeHidden ? { include_hidden: 'true' } : {}) },
		itemIndex,
	})) as IDataObject;
	return applyLimit.call(this, itemIndex, Array.isArray(page.entries) ? (page.entries as IDataObject[]) : []);
}
