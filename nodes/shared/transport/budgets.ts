import type { ConcurrencySettings } from '../concurrency';
import type { GenerationGroup } from '../generation/generation';
import type { BucketLimits } from '../scheduler';
import type { Account, LumaApiName } from './accounts';
import { agentsPlanLimits, dreamMachinePlanLimits } from './accounts';
import type { CreatePlan } from './accountActivity';
import type { LumaRequest } from './request';
import { processesSharingKey } from './sharing';
import type { TransportTiming } from './timing';

/** The account's job slots (generations in flight) of one limit group, shared by every node and execution. */
export function jobBucketKey(account: Account, group: string): string {
	return `${account.key}|jobs-${group}`;
}

/**
 * Which scheduler bucket a request joins, and that bucket's limits: the node's Concurrency options
 * first, then the credential's plan, for the account as a whole (the scheduler shares it out
 * between the n8n processes the credential says use the key). Luma counts budgets per key and, on Dream Machine, per model
 * family for creates, so each gets its own bucket. The Agents API counts only creates against its
 * per-minute budget (one bucket for images and videos); reads are outside it.
 */
export function bucketFor(
	api: LumaApiName,
	account: Account,
	request: Pick<LumaRequest, 'limitGroup'>,
	settings: ConcurrencySettings,
	timing: Pick<TransportTiming, 'windowMs' | 'serverResetGraceMs' | 'serverClockSkewMs'>,
): { key: string; limits: BucketLimits } {
	const limits: BucketLimits = {
		maxConcurrent: settings.maxConcurrentRequests,
		requestsPerWindow: 0,
		windowMs: timing.windowMs,
		processes: processesSharingKey(account.credentials),
		// Luma's events budget is per minute with a reset time; the Agents API's is a sliding minute.
		serverWindow: api === 'agents' ? 'sliding' : 'fixed',
		resetGraceMs: timing.serverResetGraceMs,
		clockSkewMs: timing.serverClockSkewMs,
	};
	if (api === 'events') {
		const keyBudget = account.credentials.keyType === 'organization' ? 500 : 200;
		limits.requestsPerWindow = settings.requestsPerMinute || keyBudget;
		return { key: `${account.key}|events`, limits };
	}
	if (api === 'agents' && request.limitGroup) {
		limits.requestsPerWindow = settings.requestsPerMinute || agentsPlanLimits(account.credentials).perMinute;
		return { key: `${account.key}|create`, limits };
	}
	if (request.limitGroup === 'video' || request.limitGroup === 'image') {
		const plan = dreamMachinePlanLimits(account.credentials, request.limitGroup);
		limits.requestsPerWindow = settings.requestsPerMinute || plan.perMinute;
		// Shared keys coordinate creates through the account's listing (sharedCreateGate), for the
		// whole budget: dividing it here as well would leave most of it unused.
		limits.processes = 1;
		return { key: `${account.key}|create-${request.limitGroup}`, limits };
	}
	// Reads have no documented limit on either Luma Labs API; still pace polls so a large batch stays polite.
	limits.requestsPerWindow = 600;
	return { key: `${account.key}|read`, limits };
}

/**
 * Dream Machine creates on a key several processes share: the plan the account's listing is held
 * to (accountActivity.ts). Undefined for everything else, and for a key only one process uses.
 */
export function sharedCreateGate(
	api: LumaApiName,
	account: Account,
	request: Pick<LumaRequest, 'limitGroup'>,
	limits: BucketLimits,
): { group: GenerationGroup; plan: CreatePlan } | undefined {
	const processes = processesSharingKey(account.credentials);
	if (api !== 'dreamMachine' || processes < 2) return undefined;
	if (request.limitGroup !== 'video' && request.limitGroup !== 'image') return undefined;
	const plan = dreamMachinePlanLimits(account.credentials, request.limitGroup);
	return { group: request.limitGroup, plan: { jobs: plan.jobs, perMinute: limits.requestsPerWindow, processes } };
}
