import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperation } from '../../shared/router';
import type { ResourceModule } from '../../shared/types';
import { resources } from './resources';

const modules: Record<string, ResourceModule> = Object.fromEntries(
	Object.entries(resources).map(([name, { module }]) => [name, module]),
);

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation.call(this, modules);
}
