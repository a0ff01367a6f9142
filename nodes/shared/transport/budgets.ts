import type { ConcurrencySettings } from '../concurrency';
import type { BucketLimits } from '../scheduler';
import type { Account, LumaApiName } from './accounts';
import { dreamMachinePlanLimits } from './accounts';
import type { LumaRequest } from './request';

/**
 * Which scheduler bucket a request joins, and that bucket's limits: the node's Concurrency options
 * first, then the credential's plan. Luma counts budgets per key and, on Dream Machine, per model
 * family for creates, so each gets its own bucket.
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
	if (request.limitGroup) {
		const plan = dreamMachinePlanLimits(account.credentials, request.limitGroup);
		limits.requestsPerWindow = settings.requestsPerMinute || plan.perMinute;
		return { key: `${account.key}|create-${request.limitGroup}`, limits };
	}
	// Dream Machine documents no limit on reads; still pace polls so a large batch stays polite.
	limits.requestsPerWindow = 600;
	return { key: `${account.key}|read`, limits };
}
