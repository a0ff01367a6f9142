import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../../shared/concurrency';
import { lumaApiRequest } from '../../../../shared/transport';

const properties: INodeProperties[] = [optionsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['getCredits'] } }, properties);

/** GET /credits: `credit_balance` is in US cents; dollars added for convenience. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const credits = (await lumaApiRequest(this, 'dreamMachine', { method: 'GET', path: '/credits', itemIndex })) as IDataObject;
	const cents = Number(credits.credit_balance);
	return Number.isFinite(cents) ? { ...credits, credit_balance_usd: Math.round(cents) / 100 } : credits;
}
