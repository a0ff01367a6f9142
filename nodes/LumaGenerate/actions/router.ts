import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperation } from '../../shared/router';
import type { ResourceModule } from '../../shared/types';
import { resources } from './resources';

const modules: Record<string, ResourceModule> = Object.fromEntries(
	Object.entries(resources).map(([name, { module }]) => [name, module]),
);

/**
 * Option lists Luma documents as open, so a value set by expression that the picker does not list
 * passes the item check (as text) and Luma judges it: the model (new models; readModel still checks
 * it per item), and the Dream Machine's resolution and duration (`'540p' | … | (string & {})` and
 * `'5s' | '9s' | (string & {})` in the lumaai SDK).
 */
const openOptions: ReadonlySet<string> = new Set(['model', 'resolution', 'duration']);

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation.call(this, modules, { openOptions });
}
