import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { errorItem, runItems } from '../../../shared/itemRunner';
import type { NodeRun } from '../../../shared/types';

/**
 * The batch operations of the Luma Events node (Guest → Add, Guest → Send Invites, Contact →
 * Import): one person per input item, sent in as few requests as Luma allows, on the shared item
 * runner. Every item is read (and checked) first; items are grouped by everything besides the
 * person that goes into the body (event, settings, tags), then sent `batchSize` at a time, one
 * request after the other. Each output item pairs with its input item; a failed request fails all
 * of its items (Continue On Fail). Whether a request may be re-sent is the operation's call: Luma
 * emails the people, so only requests that cannot act twice (Guest → Add, keyed by email) are.
 */
export interface PeopleBatches<T> {
	batchSize: number;
	/** One item's person and its group: items share a request only when their group keys are equal. */
	read: (itemIndex: number) => Promise<{ groupKey: string; entry: T }> | { groupKey: string; entry: T };
	/** One request for a batch; `firstItem` names the item an error is reported on. */
	send: (batch: T[], firstItem: number) => Promise<void>;
	/** The output of one item once its batch went through. */
	output: (entry: T) => IDataObject;
}

export async function sendPeopleInBatches<T>(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	run: NodeRun,
	batches: PeopleBatches<T>,
): Promise<INodeExecutionData[]> {
	const outcomes = await runItems(ctx, {
		itemCount: items.length,
		concurrency: 1,
		checkItem: run.checkItem,
		prepare: async (itemIndex) => await batches.read(itemIndex),
		batch: { size: batches.batchSize, key: (read) => read.groupKey },
		run: async (entries) => {
			const people = entries.map(({ prepared }) => prepared.entry);
			await batches.send(people, entries[0].itemIndex);
			return people.map(batches.output);
		},
	});
	return outcomes.map((outcome, itemIndex) =>
		outcome.ok ? { json: outcome.value, pairedItem: { item: itemIndex } } : errorItem(outcome.error, itemIndex),
	);
}
