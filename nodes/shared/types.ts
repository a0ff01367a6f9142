import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ConcurrencySettings } from './concurrency';
import type { OperationResult } from './itemRunner';

/** What the router hands an operation for one node run. */
export interface NodeRun {
	/** Options → Concurrency, read once. */
	settings: ConcurrencySettings;
	/** Checks one item's parameters against their fields; throws a NodeOperationError naming the field. */
	checkItem(itemIndex: number): void;
}

/**
 * One operation file (Airtable v2 shape): its fields and its execute(). The router owns the item
 * loop, concurrency, continueOnFail and pairedItem; an operation handles one item...
 *
 * An operation that changes something in Luma splits its item into `prepare` (read and check every
 * input, look up what it needs with reads; nothing with a side effect) and `execute` (send, given
 * what `prepare` returned). The router prepares EVERY item before any item executes, so one bad item
 * stops the node before the others are sent, and a re-run after the fix does not repeat them.
 */
export interface PerItemOperation {
	description: INodeProperties[];
	prepare?(this: IExecuteFunctions, itemIndex: number): Promise<unknown>;
	execute(this: IExecuteFunctions, itemIndex: number, prepared: unknown): Promise<OperationResult>;
	executeBatch?: never;
}

/**
 * ...or all items at once, where the API takes many records in one call (guests add, contacts
 * import) or items share limits while they wait (generation creates). Built on the item runner,
 * given `run.checkItem` (it runs the check before each item's `prepare`). It must return exactly one output item (or more) per
 * input item, each with its pairedItem.
 */
export interface BatchOperation {
	description: INodeProperties[];
	executeBatch(this: IExecuteFunctions, items: INodeExecutionData[], run: NodeRun): Promise<INodeExecutionData[]>;
	execute?: never;
}

export type OperationModule = PerItemOperation | BatchOperation;

export interface ResourceModule {
	/** The operation picker plus every operation's fields. */
	description: INodeProperties[];
	operations: Record<string, OperationModule>;
}
