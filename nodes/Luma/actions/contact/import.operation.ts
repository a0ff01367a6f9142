import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import type { NodeRun } from '../../../shared/types';
import { numberOf, requireValid } from '../../../shared/validation/readers';
import { numberProblem } from '../../../shared/validation/values';
import { sendPeopleInBatches } from '../common/batching';
import { checkEmail } from '../common/contactInput';
import { readText, splitList } from '../common/inputs';

/**
 * Luma documents no maximum for `contacts` in one import. 100 per request keeps a request small and
 * bounds what one rejected request takes down (with Continue On Fail, every item of a failed batch
 * gets the error), while 10,000 contacts still need only 100 requests (half a minute of a calendar
 * key's 200 requests/minute budget).
 */
export const IMPORT_BATCH_SIZE = 100;
export const IMPORT_BATCH_SIZE_MAX = 1000;

const batchSizeOption: INodeProperties = {
	displayName: 'Batch Size',
	name: 'batchSize',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: IMPORT_BATCH_SIZE_MAX, numberPrecision: 0 },
	default: IMPORT_BATCH_SIZE,
	description:
		'Max contacts sent to Luma in one request (a whole number). Items with the same tags share requests; if a request fails, all its items fail.',
};

const properties: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'Email address of the contact to import (one contact per input item)',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: "The contact's name. Luma does not change the name of a person who already set one.",
			},
			{
				displayName: 'Tags',
				name: 'tags',
				type: 'string',
				default: '',
				placeholder: 'vip, tag-AbC123xyz',
				description: 'Tag names or tag IDs to apply to the contact, comma-separated (the tags must already exist)',
			},
		],
	},
	optionsCollection([batchSizeOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['import'] } }, properties);

interface ContactToImport {
	contact: IDataObject;
	tags: string[];
}

/** Reads and checks one item; throws a NodeOperationError naming the field. */
function readContact(this: IExecuteFunctions, itemIndex: number): ContactToImport {
	const email = checkEmail.call(this, itemIndex, this.getNodeParameter('email', itemIndex, ''), 'Email');
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const name = readText(this, itemIndex, additional.name, 'Name');
	const contact: IDataObject = name ? { email, name } : { email };
	return { contact, tags: [...new Set(splitList(readText(this, itemIndex, additional.tags, 'Tags')))] };
}

/**
 * POST /v1/calendars/contacts/import with as few requests as the batch size allows. Luma applies
 * `tags` to every contact of a request, so contacts share requests only with the same tag set.
 * Every input item is checked before anything is sent. Luma answers `{}`: each item comes out as
 * `{ email, name?, tags?, imported: true }`, paired with its input item.
 */
export async function executeBatch(this: IExecuteFunctions, items: INodeExecutionData[], run: NodeRun): Promise<INodeExecutionData[]> {
	// One batch size for the run (Options are read once, from the first item).
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const batchSize = options.batchSize === undefined ? IMPORT_BATCH_SIZE : numberOf(options.batchSize);
	requireValid(this, 0, 'Batch Size', numberProblem(options.batchSize ?? batchSize, batchSizeOption.typeOptions));
	return await sendPeopleInBatches<ContactToImport>(this, items, run, {
		batchSize,
		read: (itemIndex) => {
			const entry = readContact.call(this, itemIndex);
			return { groupKey: JSON.stringify([...entry.tags].sort()), entry };
		},
		send: async (batch, itemIndex) => {
			const tags = batch[0].tags;
			await lumaApiRequest(this, 'events', {
				method: 'POST',
				path: '/v1/calendars/contacts/import',
				body: { contacts: batch.map(({ contact }) => contact), ...(tags.length ? { tags } : {}) },
				itemIndex,
				// Importing a contact that is already there changes nothing (names are never overwritten).
				idempotent: true,
			});
		},
		output: ({ contact, tags }) => ({ ...contact, ...(tags.length ? { tags } : {}), imported: true }),
	});
}
