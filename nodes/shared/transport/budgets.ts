import type { ConcurrencySettings } from '../concurrency';
import type { BucketLimits } from '../scheduler';
import type { Account, LumaApiName } from './accounts';
import { agentsPlanLimits, dreamMachinePlanLimits } from './accounts';
import type { LumaRequest } from './request';

/** The account's job slots (generations in flight) of one limit group, shared by every node and execution. */
export function jobBucketKey(account: Account, group: string): string {
	return `${account.key}|jobs-${group}`;
}

/**
 * Which scheduler bucket a request joins, and that bucket's limits: the node's Concurrency options
 * first, then the credential's plan. Luma counts budgets per key and, on Dream Machine, per model
 * family for creates, so each gets its own bucket. The Agents API counts only creates against its
 * per-minute budget (one bucket for images and videos); reads are outside it.
 */
export function bucketFor(
	api: LumaApiName,
	account: Account,
	request: Pick<LumaRequest, 'limitGroup'>,
	settings: ConcurrencySettings,
	windowMs: number,
): { key: string; limits: BucketLimits } {
	const limits: BucketLimits = {
		maxConcurrent: settings.maxConcurrentRequests,
		requestsPerWindow: 0,
		windowMs,
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
		return { key: `${account.key}|create-${request.limitGroup}`, limits };
	}
	// Reads have no documented limit on either Luma Labs API; still pace polls so a large batch stays polite.
	limits.requestsPerWindow = 600;
	return { key: `${account.key}|read`, limits };
}
