import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import type { LumaContext } from './context';

export type LumaApiName = 'events' | 'dreamMachine';

const CREDENTIAL_TYPE: Record<LumaApiName, string> = {
	events: 'lumaApi',
	dreamMachine: 'lumaLabsApi',
};

const DEFAULT_BASE_URL: Record<LumaApiName, string> = {
	events: 'https://public-api.luma.com',
	dreamMachine: 'https://api.lumalabs.ai/dream-machine/v1',
};

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

/** Plan limits of a Luma Labs credential for a model family. */
export function dreamMachinePlanLimits(credentials: IDataObject, group: 'video' | 'image') {
	const custom = credentials.plan === 'custom';
	const build = group === 'video' ? { perMinute: 20, jobs: 10 } : { perMinute: 80, jobs: 40 };
	if (!custom) return build;
	return {
		perMinute: Number(credentials[`${group}CreatesPerMinute`]) || build.perMinute,
		jobs: Number(credentials[`${group}ConcurrentJobs`]) || build.jobs,
	};
}
