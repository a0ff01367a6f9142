import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperation } from '../../shared/router';
import type { ResourceModule } from '../../shared/types';
import { resources } from './resources';

const modules: Record<string, ResourceModule> = Object.fromEntries(
	Object.entries(resources).map(([name, { module }]) => [name, module]),
);

/**
 * Option fields whose list Luma documents as open: their values pass the item check as text and are
 * checked by their readers instead. `timezone`: Luma takes any IANA name (a plain string in its
 * OpenAPI document), more than the runtime lists as options (aliases such as US/Pacific).
 */
export const OPEN_OPTIONS: ReadonlySet<string> = new Set(['timezone']);

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation.call(this, modules, { openOptions: OPEN_OPTIONS });
}
