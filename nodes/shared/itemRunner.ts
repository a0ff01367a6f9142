import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * The one item loop of the Luma nodes. Every operation's items go through `runItems`:
 * - `prepare` (optional) reads and checks every item before anything is sent, so one bad item never
 *   leaves the others half done (or paid for);
 * - `batch` (optional) lets items that can share one request share it (guests, contacts);
 * - `acquireSlot` (optional) holds a slot of the account per run (Luma Generate's job slots);
 * - `concurrency` runs that many items (or batches) at once; output order and pairing are kept.
 * Continue On Fail turns a failure into that item's error item; without it the first failure in
 * item order stops the node: nothing new starts, and runs that wait can stop early (`control`).
 */

/** What an operation returns for one input item: JSON object(s), or full items (binary data). */
export type OperationResult = IDataObject | IDataObject[] | INodeExecutionData | INodeExecutionData[];

export interface PreparedItem<P> {
	itemIndex: number;
	prepared: P;
}

export interface RunControl {
	/** True once another item failed without Continue On Fail: stop waiting, the node is failing. */
	stopped(): boolean;
	/** Resolves when `stopped()` becomes true (for waits that should not sleep through it). */
	whenStopped: Promise<void>;
	/** Gives this run's slot back early (it is given back at the end of the run anyway). */
	releaseSlot(): void;
	/** How many runs this node run has in all (items that passed `prepare`, or their batches). */
	runs: number;
}

export interface RunItemsOptions<P, R> {
	itemCount: number;
	/** Items (or batches) in flight at once. */
	concurrency: number;
	/** Items prepared at once (default: `concurrency`). */
	prepareConcurrency?: number;
	/** The router's check of the item's parameters (`NodeRun.checkItem`), run before `prepare`. */
	checkItem?: (itemIndex: number) => void;
	/** Reads and checks one item; nothing may be sent that has a side effect. */
	prepare: (itemIndex: number) => Promise<P> | P;
	/** Items with the same key share a run, at most `size` per run, in the order the keys first appear. */
	batch?: { size: number; key: (prepared: P) => string };
	/** Taken before a run starts and held until it ends (or `control.releaseSlot()`). */
	acquireSlot?: (itemIndex: number) => Promise<() => void>;
	/** One run: a result for each of its items, in order. A throw fails all of its items. */
	run: (entries: Array<PreparedItem<P>>, control: RunControl) => Promise<R[]>;
}

export type ItemOutcome<R> = { ok: true; value: R } | { ok: false; error: Error };

/** Attach the item index to errors that do not carry one, so n8n shows which item failed. */
export function withItemIndex(this: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof Error && 'context' in error) {
		const context = (error as { context?: IDataObject }).context;
		if (context && context.itemIndex === undefined) context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(this.getNode(), error as Error, { itemIndex });
}

/** The output item for a failed input item under "Continue On Fail". */
export function errorItem(error: unknown, itemIndex: number): INodeExecutionData {
	const err = error as { message?: string; description?: string; httpCode?: string | null };
	const json: IDataObject = { error: err?.message ?? String(error) };
	if (err?.description) json.description = err.description;
	if (err?.httpCode) json.httpCode = err.httpCode;
	return { json, pairedItem: { item: itemIndex } };
}

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

/** Runs `task` for 0..count-1, `concurrency` at a time, never starting an index `skip` refuses. */
async function pool(count: number, concurrency: number, task: (index: number) => Promise<void>, skip: (index: number) => boolean) {
	let next = 0;
	const worker = async () => {
		while (next < count) {
			const index = next++;
			if (skip(index)) return;
			await task(index);
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
}

function toRuns<P>(prepared: Array<PreparedItem<P>>, batch: RunItemsOptions<P, unknown>['batch']): Array<Array<PreparedItem<P>>> {
	if (!batch) return prepared.map((entry) => [entry]);
	const groups = new Map<string, Array<PreparedItem<P>>>();
	for (const entry of prepared) {
		const key = batch.key(entry.prepared);
		const group = groups.get(key) ?? [];
		group.push(entry);
		groups.set(key, group);
	}
	const runs: Array<Array<PreparedItem<P>>> = [];
	for (const group of groups.values()) {
		for (let start = 0; start < group.length; start += batch.size) runs.push(group.slice(start, start + batch.size));
	}
	return runs;
}

/**
 * Prepares and runs every item (see the top of this file). Resolves with one outcome per item
 * (failures only with Continue On Fail); without it, throws the failure of the lowest item index.
 */
export async function runItems<P, R>(ctx: IExecuteFunctions, options: RunItemsOptions<P, R>): Promise<Array<ItemOutcome<R>>> {
	const outcomes: Array<ItemOutcome<R>> = new Array(options.itemCount);
	const continueOnFail = ctx.continueOnFail();
	const failure: { first?: { itemIndex: number; error: Error } } = {};
	let resolveStopped: () => void = () => undefined;
	const whenStopped = new Promise<void>((resolve) => (resolveStopped = resolve));
	const fail = (itemIndex: number, error: unknown) => {
		const withIndex = withItemIndex.call(ctx, error, itemIndex);
		if (continueOnFail) {
			outcomes[itemIndex] = { ok: false, error: withIndex };
		} else if (!failure.first || itemIndex < failure.first.itemIndex) {
			failure.first = { itemIndex, error: withIndex };
			resolveStopped();
		}
	};
	// Without Continue On Fail nothing starts after a failure of an earlier item.
	const throwIfFailed = () => {
		if (failure.first) throw failure.first.error;
	};
	const startsAfterFailure = (itemIndex: number) => failure.first !== undefined && failure.first.itemIndex < itemIndex;

	const prepared: Array<PreparedItem<P> | undefined> = new Array(options.itemCount);
	await pool(
		options.itemCount,
		options.prepareConcurrency ?? options.concurrency,
		async (itemIndex) => {
			try {
				options.checkItem?.(itemIndex);
				prepared[itemIndex] = { itemIndex, prepared: await options.prepare(itemIndex) };
			} catch (error) {
				fail(itemIndex, error);
			}
		},
		startsAfterFailure,
	);
	throwIfFailed();

	const runs = toRuns(
		prepared.filter((entry): entry is PreparedItem<P> => entry !== undefined),
		options.batch,
	);
	await pool(
		runs.length,
		options.concurrency,
		async (runIndex) => {
			const entries = runs[runIndex];
			const firstItem = entries[0].itemIndex;
			let release: (() => void) | undefined;
			const control: RunControl = {
				stopped: () => failure.first !== undefined,
				whenStopped,
				releaseSlot: () => {
					release?.();
					release = undefined;
				},
				runs: runs.length,
			};
			try {
				if (failure.first) return;
				if (options.acquireSlot) release = await options.acquireSlot(firstItem);
				if (failure.first) return;
				const results = await options.run(entries, control);
				entries.forEach(({ itemIndex }, index) => (outcomes[itemIndex] = { ok: true, value: results[index] }));
			} catch (error) {
				for (const { itemIndex } of continueOnFail ? entries : entries.slice(0, 1)) fail(itemIndex, error);
			} finally {
				control.releaseSlot();
			}
		},
		(runIndex) => startsAfterFailure(runs[runIndex][0].itemIndex),
	);
	throwIfFailed();
	return outcomes;
}

/**
 * The router's loop for per-item operations: every item is checked (`checkItem`) and prepared
 * (`prepare`, the operation's reading and checking) first, then each runs `operation` with what
 * its preparation returned, up to `concurrency` at a time.
 */
export async function runPerItem(
	this: IExecuteFunctions,
	itemCount: number,
	concurrency: number,
	operation: (itemIndex: number, prepared: unknown) => Promise<OperationResult>,
	checkItem: (itemIndex: number) => void = () => undefined,
	prepare: (itemIndex: number) => Promise<unknown> = async () => undefined,
): Promise<INodeExecutionData[]> {
	const outcomes = await runItems(this, {
		itemCount,
		concurrency,
		checkItem,
		prepare,
		run: async ([entry]) => [await operation(entry.itemIndex, entry.prepared)],
	});
	return outcomes.flatMap((outcome, itemIndex) =>
		outcome.ok ? toPairedItems(outcome.value, itemIndex) : [errorItem(outcome.error, itemIndex)],
	);
}
