import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../../shared/errors';
import type { Generation, GenerationGroup } from '../../shared/generation/generation';
import { getGeneration, isFinal } from '../../shared/generation/generation';
import { CancelledError, waitFor } from '../../shared/scheduler';

/**
 * How often "Poll" asks Luma for a generation's state. Images take seconds and videos a minute or
 * more (Luma's docs poll images every 1–2 s and videos every 3 s), so each family starts at its own
 * interval and backs off while the job runs: a long queue costs few requests, a quick image is
 * still picked up within a second. Every poll goes through the shared transport, so polls count
 * against the account's read budget like any other request.
 */
export interface PollTiming {
	firstIntervalMs: Record<GenerationGroup, number>;
	maxIntervalMs: Record<GenerationGroup, number>;
	/** Each interval is the previous one times this, up to the maximum. */
	backoffFactor: number;
}

const DEFAULT_POLL_TIMING: PollTiming = {
	firstIntervalMs: { image: 1_000, video: 4_000 },
	maxIntervalMs: { image: 5_000, video: 20_000 },
	backoffFactor: 1.5,
};

let pollTiming: PollTiming = structuredClone(DEFAULT_POLL_TIMING);

/** Tests running against a time-scaled simulator shrink the intervals in-process. */
export function configurePolling(overrides: Partial<PollTiming> | 'defaults') {
	pollTiming =
		overrides === 'defaults'
			? structuredClone(DEFAULT_POLL_TIMING)
			: {
					firstIntervalMs: { ...pollTiming.firstIntervalMs, ...overrides.firstIntervalMs },
					maxIntervalMs: { ...pollTiming.maxIntervalMs, ...overrides.maxIntervalMs },
					backoffFactor: overrides.backoffFactor ?? pollTiming.backoffFactor,
				};
}

export interface PollOptions {
	group: GenerationGroup;
	/** Absolute time (ms) after which the loop gives up with `timedOut`. */
	deadline: number;
	itemIndex?: number;
	/** Last known state (e.g. the create response): saves the first request when already final. */
	known?: Generation;
	/** Checked before every wait: return true to stop early (another item failed, all creates sent...). */
	stopWhen?: () => boolean;
	/** Resolves when `stopWhen` may have become true, so the loop does not sleep through it. */
	wake?: Promise<unknown>;
}

export interface PollResult {
	generation: Generation;
	outcome: 'final' | 'timedOut' | 'stopped';
}

/** Polls `GET /generations/{id}` until completed/failed, the deadline, or `stopWhen`. */
export async function pollUntilFinal(this: IExecuteFunctions, id: string, options: PollOptions): Promise<PollResult> {
	const signal = this.getExecutionCancelSignal();
	let generation = options.known ?? (await getGeneration.call(this, id, options.itemIndex));
	let intervalMs = pollTiming.firstIntervalMs[options.group];
	for (;;) {
		if (isFinal(generation)) return { generation, outcome: 'final' };
		if (options.stopWhen?.()) return { generation, outcome: 'stopped' };
		const left = options.deadline - Date.now();
		if (left <= 0) return { generation, outcome: 'timedOut' };
		try {
			const sleep = waitFor(Math.min(intervalMs, left), signal);
			if (options.wake) {
				// The losing sleep ends on its own within one scheduler slice; nothing must await it.
				sleep.catch(() => undefined);
				await Promise.race([sleep, options.wake]);
			} else {
				await sleep;
			}
		} catch (error) {
			if (error instanceof CancelledError) {
				throw new NodeOperationError(this.getNode(), 'The execution was cancelled', { itemIndex: options.itemIndex });
			}
			throw asNodeError(this.getNode(), error, options.itemIndex);
		}
		if (options.stopWhen?.()) return { generation, outcome: 'stopped' };
		intervalMs = Math.min(intervalMs * pollTiming.backoffFactor, pollTiming.maxIntervalMs[options.group]);
		generation = await getGeneration.call(this, id, options.itemIndex);
	}
}
