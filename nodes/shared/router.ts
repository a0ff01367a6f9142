import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readConcurrencySettings } from './concurrency';
import { runPerItem } from './itemRunner';
import { setRunSettings } from './transport';
import type { NodeRun, ResourceModule } from './types';
import type { ItemCheckConfig } from './validation/itemParameters';
import { itemParameterChecker } from './validation/itemParameters';

/**
 * Dispatches resource/operation to its operation module (shared by the Luma Events and Luma
 * Generate nodes). It reads Options → Concurrency once and hands it to the transport for this run,
 * and checks every item's parameters against the operation's fields before the item runs.
 */
export async function routeOperation(
	this: IExecuteFunctions,
	resources: Record<string, ResourceModule>,
	checks: ItemCheckConfig = {},
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = resources[resource]?.operations[operation];
	if (!module) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	const settings = readConcurrencySettings.call(this);
	setRunSettings(this, settings);
	const run: NodeRun = { settings, checkItem: itemParameterChecker(this, resources[resource].description, checks) };
	if (module.executeBatch) return [await module.executeBatch.call(this, items, run)];
	const { prepare, execute } = module;
	return [
		await runPerItem.call(
			this,
			items.length,
			settings.maxConcurrentRequests,
			async (itemIndex, prepared) => await execute.call(this, itemIndex, prepared),
			run.checkItem,
			prepare ? async (itemIndex) => await prepare.call(this, itemIndex) : undefined,
		),
	];
}
