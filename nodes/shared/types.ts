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
 */
export interface PerItemOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult>;
	executeBatch?: never;
}

/**
 * ...or all items at once, where the API takes many records in one call (guests add, contacts
 * import) or items share limits while they wait (generation creates). Built on the item runner;
 * `run.checkItem` goes first in its `prepare`. It must return exactly one output item (or more) per
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
