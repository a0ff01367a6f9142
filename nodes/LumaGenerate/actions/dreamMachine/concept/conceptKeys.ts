import type { LumaContext } from '../../../../shared/transport';
import { lumaApiRequest } from '../../../../shared/transport';

/** GET /generations/concepts/list answers a plain array of keys (Luma adds new ones over time). */
export async function listConceptKeys(ctx: LumaContext, itemIndex?: number): Promise<string[]> {
	const keys = await lumaApiRequest<unknown[]>(ctx, 'dreamMachine', { method: 'GET', path: '/generations/concepts/list', itemIndex, expect: 'array' });
	return keys.map((key) => String(key));
}
