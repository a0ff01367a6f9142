import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readConcurrencyOptions } from './concurrency';

/** What an operation returns for one input item: JSON object(s), or full items (binary data). */
export type OperationResult = IDataObject | IDataObject[] | INodeExecutionData | INodeExecutionData[];

function isExecutionData(value: unknown): value is INodeExecutionData {
	return typeof value === 'object' && value !== null && 'json' in value && typeof (value as INodeExecutionData).json === 'object';
}

/** Normalises an operation result to items paired with the input item they came from. */
export function toPairedItems(result: OperationResult, itemIndex: number): INodeExecutionData[] {
	const list = Array.isArray(result) ? result : [result];
	return list.map((entry) =>
		isExecutionData(entry)
			? { ...entry, pairedItem: { item: itemIndex } }
			: { json: entry as IDataObject, pairedItem: { item: itemIndex } },
	);
}

/** The output item for a failed input item under "Continue On Fail". */
export function errorItem(error: unknown, itemIndex: number): INodeExecutionData {
	const err = error as { message?: string; description?: string; httpCode?: string | null };
	const json: IDataObject = { error: err?.message ?? String(error) };
	if (err?.description) json.description = err.description;
	if (err?.httpCode) json.httpCode = err.httpCode;
	return { json, pairedItem: { item: itemIndex } };
}

/** Attach the item index to errors that do not carry one, so n8n shows which item failed. */
export function withItemIndex(this: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof Error && 'context' in error) {
		const context = (error as { context?: IDataObject }).context;
		if (context && context.itemIndex === undefined) context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(this.getNode(), error as Error, { itemIndex });
}

/**
 * Runs `operation` for every input item, up to the node's "Max Concurrent Requests" at a time,
 * keeping output order and pairedItem. With Continue On Fail a failed item becomes an error item
 * and the others carry on; without it the first failure (in item order) stops the node.
 */
export async function runPerItem(
	this: IExecuteFunctions,
	itemCount: number,
	operation: (itemIndex: number) => Promise<OperationResult>,
): Promise<INodeExecutionData[]> {
	const { maxConcurrentRequests } = readConcurrencyOptions(this);
	const results: Array<INodeExecutionData[] | undefined> = new Array(itemCount);
	const continueOnFail = this.continueOnFail();
	let firstError: { index: number; error: Error } | undefined;
	let next = 0;

	const worker = async () => {
		while (next < itemCount) {
			const itemIndex = next++;
			if (firstError && firstError.index < itemIndex) return;
			try {
				results[itemIndex] = toPairedItems(await operation(itemIndex), itemIndex);
			} catch (error) {
				if (continueOnFail) {
					results[itemIndex] = [errorItem(error, itemIndex)];
				} else if (!firstError || itemIndex < firstError.index) {
					firstError = { index: itemIndex, error: withItemIndex.call(this, error, itemIndex) };
				}
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(maxConcurrentRequests, itemCount) }, worker));
	if (firstError) throw firstError.error;
	return results.flatMap((items) => items ?? []);
}
