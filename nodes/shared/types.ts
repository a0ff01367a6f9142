import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ConcurrencySettings } from './concurrency';
import type { OperationResult } from './itemRunner';

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
 * ...or, where the API takes many records in one call (guests add, contacts import), all items at
 * once: it must return exactly one output item (or more) per input item, each with its pairedItem.
 */
export interface BatchOperation {
	description: INodeProperties[];
	executeBatch(this: IExecuteFunctions, items: INodeExecutionData[], settings: ConcurrencySettings): Promise<INodeExecutionData[]>;
	execute?: never;
}

export type OperationModule = PerItemOperation | BatchOperation;

export interface ResourceModule {
	/** The operation picker plus every operation's fields. */
	description: INodeProperties[];
	operations: Record<string, OperationModule>;
}
