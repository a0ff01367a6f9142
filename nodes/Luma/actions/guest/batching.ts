import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { errorItem, withItemIndex } from '../../../shared/execution';

/** Guests per request. Luma documents no maximum; 100 keeps a failed request's blast radius small. */
export const GUEST_BATCH_SIZE = 100;

/**
 * One person per input item, sent in as few requests as Luma allows: items are read (and checked)
 * first, grouped by everything besides the person that goes into the body (event, settings), then
 * sent GUEST_BATCH_SIZE at a time. Each output item pairs with its input item; a failed request
 * fails all of its items (Continue On Fail) and is never re-sent, since Luma emails the people.
 */
export async function sendPeopleInBatches<T extends { itemIndex: number }>(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	read: (itemIndex: number) => Promise<{ groupKey: string; entry: T }>,
	send: (batch: T[]) => Promise<void>,
	output: (entry: T) => IDataObject,
): Promise<INodeExecutionData[]> {
	const continueOnFail = ctx.continueOnFail();
	const results: INodeExecutionData[][] = items.map(() => []);
	const groups = new Map<string, T[]>();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const { groupKey, entry } = await read(itemIndex);
			groups.set(groupKey, [...(groups.get(groupKey) ?? []), entry]);
		} catch (error) {
			if (!continueOnFail) throw withItemIndex.call(ctx, error, itemIndex);
			results[itemIndex] = [errorItem(error, itemIndex)];
		}
	}
	for (const group of groups.values()) {
		for (let start = 0; start < group.length; start += GUEST_BATCH_SIZE) {
			const batch = group.slice(start, start + GUEST_BATCH_SIZE);
			try {
				await send(batch);
			} catch (error) {
				if (!continueOnFail) throw withItemIndex.call(ctx, error, batch[0].itemIndex);
				for (const { itemIndex } of batch) results[itemIndex] = [errorItem(error, itemIndex)];
				continue;
			}
			for (const entry of batch) results[entry.itemIndex] = [{ json: output(entry), pairedItem: { item: entry.itemIndex } }];
		}
	}
	return results.flat();
}
