import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { GenerationGroup } from '../generation/generation';
import type { LumaContext } from './context';

/** Luma's three APIs: events & calendars, and Luma Labs' Dream Machine and Agents APIs. */
export type LumaApiName = 'events' | 'dreamMachine' | 'agents';

export const CREDENTIAL_TYPE: Record<LumaApiName, string> = {
	events: 'lumaApi',
	dreamMachine: 'lumaLabsApi',
	agents: 'lumaAgentsApi',
};

const DEFAULT_BASE_URL: Record<LumaApiName, string> = {
	events: 'https://public-api.luma.com',
	dreamMachine: 'https://api.lumalabs.ai/dream-machine/v1',
	agents: 'https://agents.lumalabs.ai/v1',
};

/** Agents API keys (platform.lumalabs.ai) start with this; Luma refuses any other token before looking it up. */
export const AGENTS_KEY_PREFIX = 'luma-api-';

/** One Luma account as the scheduler sees it: whose budget a request spends. */
export interface Account {
	credentialType: string;
	baseUrl: string;
	/** Scheduler key prefix: credential type + base URL + key fingerprint (never the key itself). */
	key: string;
	credentials: IDataObject;
}

/** Credentials are decrypted once per functions object, not once per request. */
const accountCache = new WeakMap<object, Map<LumaApiName, Promise<Account>>>();

export async function getAccount(ctx: LumaContext, api: LumaApiName): Promise<Account> {
	let perApi = accountCache.get(ctx);
	if (!perApi) {
		perApi = new Map();
		accountCache.set(ctx, perApi);
	}
	let account = perApi.get(api);
	if (!account) {
		account = (async () => {
			const credentialType = CREDENTIAL_TYPE[api];
			const credentials = await ctx.getCredentials(credentialType);
			if (api === 'agents' && !String(credentials.apiKey ?? '').trim().startsWith(AGENTS_KEY_PREFIX)) {
				throw new NodeOperationError(ctx.getNode(), `The Luma Agents API key must start with "${AGENTS_KEY_PREFIX}"`, {
					description:
						'Create a key at platform.lumalabs.ai (API keys) and put it in the Luma Agents API credential. A Dream Machine key belongs in a Luma Labs API credential.',
				});
			}
			const baseUrl = String(credentials.baseUrl || DEFAULT_BASE_URL[api]).replace(/\/+$/, '');
			const fingerprint = createHash('sha256')
				.update(String(credentials.apiKey ?? ''))
				.digest('hex')
				.slice(0, 16);
			return { credentialType, baseUrl, key: `${credentialType}|${baseUrl}|${fingerprint}`, credentials };
		})();
		perApi.set(api, account);
		account.catch(() => perApi?.delete(api));
	}
	return await account;
}

/** Plan limits of a Luma Agents API credential: creates per minute and concurrent jobs (30 / 10 unless set). */
export function agentsPlanLimits(credentials: IDataObject) {
	const positive = (value: unknown, fallback: number) => (Number(value) >= 1 ? Math.floor(Number(value)) : fallback);
	return { perMinute: positive(credentials.requestsPerMinute, 30), jobs: positive(credentials.concurrentJobs, 10) };
}

/** Plan limits of a Luma Labs credential for a model family. */
export function dreamMachinePlanLimits(credentials: IDataObject, group: GenerationGroup) {
	const custom = credentials.plan === 'custom';
	const build = group === 'video' ? { perMinute: 20, jobs: 10 } : { perMinute: 80, jobs: 40 };
	if (!custom) return build;
	return {
		perMinute: Number(credentials[`${group}CreatesPerMinute`]) || build.perMinute,
		jobs: Number(credentials[`${group}ConcurrentJobs`]) || build.jobs,
	};
}
