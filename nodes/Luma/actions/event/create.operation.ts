import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { timezoneField, toLumaDateTime } from '../common/fields';
import { eventOptionalFields, getEvent, readEventFields } from './eventFields';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Founders Breakfast',
	},
	{
		displayName: 'Start',
		name: 'start_at',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'When the event starts, read in the Timezone below unless it carries an offset',
	},
	timezoneField({ required: true }),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: eventOptionalFields,
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['event'], operation: ['create'] } }, properties);

/** POST /v1/events/create → `{ id }`; the output is the created event (read back with Get). */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const name = String(this.getNodeParameter('name', itemIndex, '')).trim();
	if (!name) throw new NodeOperationError(this.getNode(), 'Name is required', { itemIndex });
	const timezone = this.getNodeParameter('timezone', itemIndex, 'UTC') as string;
	const body: IDataObject = {
		name,
		start_at: toLumaDateTime.call(this, itemIndex, this.getNodeParameter('start_at', itemIndex, ''), 'Start', timezone),
		timezone,
		...readEventFields.call(this, itemIndex, this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject, timezone),
	};
	if (body.end_at && Date.parse(body.end_at as string) <= Date.parse(body.start_at as string)) {
		throw new NodeOperationError(this.getNode(), 'End must be after Start', { itemIndex });
	}
	// A create is never retried (see transport); the read-back is a plain GET.
	const { id } = (await lumaApiRequest(this, 'events', { method: 'POST', path: '/v1/events/create', body, itemIndex })) as { id: string };
	return await getEvent.call(this, itemIndex, id);
}
