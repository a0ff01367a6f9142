import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { eventLocator, resolveEventId } from '../common/locators';
import { priceFields, readPrice, readTicketTypeFields, ticketTypeOptionalFields } from './ticketTypeFields';

const properties: INodeProperties[] = [
	eventLocator(),
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'General Admission' },
	...priceFields,
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: ticketTypeOptionalFields },
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['ticketType'], operation: ['create'] } }, properties);

/** POST /v1/events/ticket-types/create → TicketType. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const eventId = await resolveEventId.call(this, itemIndex);
	const name = String(this.getNodeParameter('name', itemIndex, '')).trim();
	if (!name) throw new NodeOperationError(this.getNode(), 'Name is required', { itemIndex });
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		event_id: eventId,
		name,
		...readPrice.call(this, itemIndex, this.getNodeParameter('price', itemIndex, 0), this.getNodeParameter('currency', itemIndex, 'usd')),
		...readTicketTypeFields.call(this, itemIndex, fields),
	};
	if (body.is_flexible && body.type === 'free') body.type = 'paid';
	return (await lumaApiRequest(this, 'events', { method: 'POST', path: '/v1/events/ticket-types/create', body, itemIndex })) as IDataObject;
}
