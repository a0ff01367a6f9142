import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperation } from '../../shared/router';
import { modulesOf } from './resources';

/** The chosen API's resources: nodes of version 1 without the parameter are Dream Machine workflows. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const api = this.getNodeParameter('authentication', 0, 'dreamMachineApi') === 'agentsApi' ? 'agentsApi' : 'dreamMachineApi';
	return await routeOperation.call(this, modulesOf(api));
}
