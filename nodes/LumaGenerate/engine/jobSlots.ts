import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../../shared/errors';
import type { GenerationGroup } from '../../shared/generation/generation';
import { CancelledError, getBucket } from '../../shared/scheduler';
import { dreamMachinePlanLimits, getAccount, getTransportTiming } from '../../shared/transport';

/**
 * Luma limits generations in flight (queued or dreaming) per model family: Build tier 10 videos,
 * 40 images. A create over the limit is refused with a 429, so the node keeps its own count: a job
 * slot is taken before a create is sent and given back once the generation is final. The slots
 * live in the shared scheduler's buckets (key: account + "jobs-<family>"), so every execution and
 * every Luma Generate node using the same account shares them, and the scheduler's wake-up list
 * hands a freed slot to the next waiting create at once.
 */

/** "Max Concurrent Jobs" from Options → Concurrency (0 or empty = the credential's plan). */
export function readMaxConcurrentJobs(this: IExecuteFunctions): number {
	const value = Number(this.getNodeParameter('options.concurrency.maxConcurrentJobs', 0, 0));
	return Number.isFinite(value) && value >= 1 ? Math.floor(value) : 0;
}

export async function jobLimit(this: IExecuteFunctions, group: GenerationGroup): Promise<number> {
	const override = readMaxConcurrentJobs.call(this);
	if (override) return override;
	const account = await getAccount(this, 'dreamMachine');
	return dreamMachinePlanLimits(account.credentials, group).jobs;
}

export type ReleaseJobSlot = () => void;

/** Waits for a free job slot of the account; the returned function gives it back (idempotent). */
export async function acquireJobSlot(
	this: IExecuteFunctions,
	group: GenerationGroup,
	limit: number,
	itemIndex: number,
): Promise<ReleaseJobSlot> {
	const account = await getAccount(this, 'dreamMachine');
	const bucket = getBucket(`${account.key}|jobs-${group}`);
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
