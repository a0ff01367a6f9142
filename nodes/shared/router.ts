import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runPerItem } from './execution';
import type { ResourceModule } from './types';

/** Dispatches resource/operation to its operation module. Shared by the Luma and Luma Generate nodes. */
export async function routeOperation(
	this: IExecuteFunctions,
	resources: Record<string, ResourceModule>,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = resources[resource]?.operations[operation];
	if (!module) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	if (module.executeBatch) return [await module.executeBatch.call(this, items)];
	return [await runPerItem.call(this, items.length, async (itemIndex) => await module.execute.call(this, itemIndex))];
}
