import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../../shared/concurrency';
import { listConceptKeys } from './conceptKeys';

const properties: INodeProperties[] = [optionsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['concept'], operation: ['list'] } }, properties);

/** One item per concept key. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return (await listConceptKeys(this, itemIndex)).map((key) => ({ key }));
}
