import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperation } from '../../shared/router';
import type { GenerationApi } from './resources';
import { modulesOf } from './resources';

/**
 * Option lists Luma documents as open, so a value set by expression that the picker does not list
 * passes the item check (as text) and Luma judges it. Dream Machine: the model (new models; readModel
 * still checks it per item), resolution and duration (`'540p' | … | (string & {})` and
 * `'5s' | '9s' | (string & {})` in the lumaai SDK). Agents API: the model only (the SDK's `Model`
 * grew with every release; its durations and resolutions are closed enums).
 */
const OPEN_OPTIONS: Record<GenerationApi, ReadonlySet<string>> = {
	dreamMachineApi: new Set(['model', 'resolution', 'duration']),
	agentsApi: new Set(['model']),
};

/** The chosen API's resources: nodes of version 1 without the parameter are Dream Machine workflows. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const api: GenerationApi = this.getNodeParameter('authentication', 0, 'dreamMachineApi') === 'agentsApi' ? 'agentsApi' : 'dreamMachineApi';
	return await routeOperation.call(this, modulesOf(api), { openOptions: OPEN_OPTIONS[api] });
}
