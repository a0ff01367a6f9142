import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../../shared/errors';
import { CancelledError, getBucket } from '../../shared/scheduler';
import { agentsPlanLimits, dreamMachinePlanLimits, getAccount, getTransportTiming, jobBucketKey } from '../../shared/transport';

/**
 * Luma limits generations in flight per account: on Dream Machine per model family (Build tier 10
 * videos, 40 images), on the Agents API one count for every job (the credential's Concurrent Jobs,
 * 10 by default). A create over the limit is refused with a 429, so the node keeps its own count: a
 * job slot is taken before a create is sent and given back once the generation is final. The slots
 * live in the shared scheduler's buckets (`jobBucketKey`: account + "jobs-<group>"), so every
 * execution and every Luma Generate node using the same account shares them, the scheduler's wake-up
 * list hands a freed slot to the next waiting create at once, and the transport's wait after a "Too
 * many concurrent jobs" 429 wakes on the same releases.
 */

/** The API whose account holds the slots and the group counted: 'video' / 'image' (Dream Machine) or 'generation' (Agents). */
export interface JobGroup {
	api: 'dreamMachine' | 'agents';
	group: string;
}

/** "Max Concurrent Jobs" from Options → Concurrency (0 or empty = the credential's plan). */
export function readMaxConcurrentJobs(this: IExecuteFunctions): number {
	const value = Number(this.getNodeParameter('options.concurrency.maxConcurrentJobs', 0, 0));
	return Number.isFinite(value) && value >= 1 ? Math.floor(value) : 0;
}

export async function jobLimit(this: IExecuteFunctions, { api, group }: JobGroup): Promise<number> {
	const override = readMaxConcurrentJobs.call(this);
	if (override) return override;
	const account = await getAccount(this, api);
	if (api === 'agents') return agentsPlanLimits(account.credentials).jobs;
	return dreamMachinePlanLimits(account.credentials, group === 'image' ? 'image' : 'video').jobs;
}

export type ReleaseJobSlot = () => void;

/** Waits for a free job slot of the account; the returned function gives it back (idempotent). */
export async function acquireJobSlot(this: IExecuteFunctions, { api, group }: JobGroup, limit: number, itemIndex: number): Promise<ReleaseJobSlot> {
	const account = await getAccount(this, api);
	const bucket = getBucket(jobBucketKey(account, group));
	try {
		await bucket.acquireSlot(
			{ maxConcurrent: limit, requestsPerWindow: Number.POSITIVE_INFINITY, windowMs: getTransportTiming().windowMs },
			this.getExecutionCancelSignal(),
		);
	} catch (error) {
		if (error instanceof CancelledError) {
			throw new NodeOperationError(this.getNode(), 'The execution was cancelled', { itemIndex });
		}
		throw asNodeError(this.getNode(), error, itemIndex);
	}
	let held = true;
	return () => {
		if (!held) return;
		held = false;
		bucket.releaseSlot();
	};
}
