import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../../shared/errors';
import type { Generation, GenerationGroup } from '../../shared/generation/generation';
import { getGeneration, isFinal } from '../../shared/generation/generation';
import { CancelledError, waitFor } from '../../shared/scheduler';

/**
 * How often "Poll" asks Luma for a job's state, per API.
 *
 * Dream Machine: images take seconds and videos a minute or more (Luma's docs poll images every
 * 1–2 s and videos every 3 s), so each family starts at its own interval and backs off while the job
 * runs: a long queue costs few requests, a quick image is still picked up within a second.
 *
 * Agents API: Luma's Quickstart (https://docs.agents.lumalabs.ai/) waits about 20 s before the first
 * look at a UNI-1 image and then polls at a fixed 2 s; its rate-limit guide documents 2–5 s as the
 * cadence. So the first wait is sized to the job (an image is never done in 5 s, a Ray 3.2 clip not
 * in 30 s) and then the node looks every 2–5 s, the exact interval drawn at random so the polls of
 * a batch spread out instead of arriving together. Agents reads are outside the create budget.
 */
export type AgentsJobType = 'image' | 'image_edit' | 'layering' | 'video' | 'video_edit' | 'video_reframe';

export interface PollTiming {
	firstIntervalMs: Record<GenerationGroup, number>;
	maxIntervalMs: Record<GenerationGroup, number>;
	/** Each interval is the previous one times this, up to the maximum. */
	backoffFactor: number;
	agents: {
		/** The wait before the first look at a new job of this type (a long video: twice this). */
		firstWaitMs: Record<AgentsJobType, number>;
		/** The cadence after it: a random interval in [min, max]. */
		minIntervalMs: number;
		maxIntervalMs: number;
		/** Between looks at an uploaded file that Luma is ingesting (about two seconds). */
		fileIntervalMs: number;
		/** Before a failed generation is sent again (times the attempt): gives a throttled upstream room. */
		retryDelayMs: number;
	};
}

const DEFAULT_POLL_TIMING: PollTiming = {
	firstIntervalMs: { image: 1_000, video: 4_000 },
	maxIntervalMs: { image: 5_000, video: 20_000 },
	backoffFactor: 1.5,
	agents: {
		firstWaitMs: { image: 20_000, image_edit: 20_000, layering: 30_000, video: 60_000, video_edit: 60_000, video_reframe: 60_000 },
		minIntervalMs: 2_000,
		maxIntervalMs: 5_000,
		fileIntervalMs: 1_000,
		retryDelayMs: 5_000,
	},
};

let pollTiming: PollTiming = structuredClone(DEFAULT_POLL_TIMING);

export interface PollTimingOverrides {
	firstIntervalMs?: Partial<Record<GenerationGroup, number>>;
	maxIntervalMs?: Partial<Record<GenerationGroup, number>>;
	backoffFactor?: number;
	agents?: Partial<Omit<PollTiming['agents'], 'firstWaitMs'>> & { firstWaitMs?: Partial<Record<AgentsJobType, number>> };
}

/** Tests running against a time-scaled simulator shrink the intervals in-process. */
export function configurePolling(overrides: PollTimingOverrides | 'defaults') {
	if (overrides === 'defaults') {
		pollTiming = structuredClone(DEFAULT_POLL_TIMING);
		return;
	}
	pollTiming = {
		firstIntervalMs: { ...pollTiming.firstIntervalMs, ...overrides.firstIntervalMs },
		maxIntervalMs: { ...pollTiming.maxIntervalMs, ...overrides.maxIntervalMs },
		backoffFactor: overrides.backoffFactor ?? pollTiming.backoffFactor,
		agents: {
			...pollTiming.agents,
			...overrides.agents,
			firstWaitMs: { ...pollTiming.agents.firstWaitMs, ...overrides.agents?.firstWaitMs },
		},
	};
}

export function getPollTiming(): PollTiming {
	return pollTiming;
}

/** The waits of one poll loop: `next()` is the wait before the next look. */
export interface PollSchedule {
	next(): number;
}

/** Dream Machine: the family's first interval, growing by the backoff factor up to its maximum. */
export function dreamMachineSchedule(group: GenerationGroup): PollSchedule {
	let intervalMs = pollTiming.firstIntervalMs[group];
	let first = true;
	return {
		next() {
			if (!first) intervalMs = Math.min(intervalMs * pollTiming.backoffFactor, pollTiming.maxIntervalMs[group]);
			first = false;
			return intervalMs;
		},
	};
}

/** Agents API: `firstWaitMs` (omitted: none), then the steady 2–5 s cadence. */
export function agentsSchedule(firstWaitMs?: number): PollSchedule {
	let first = firstWaitMs !== undefined;
	return {
		next() {
			if (first) {
				first = false;
				return firstWaitMs ?? 0;
			}
			const { minIntervalMs, maxIntervalMs } = pollTiming.agents;
			return minIntervalMs + Math.random() * Math.max(0, maxIntervalMs - minIntervalMs);
		},
	};
}

/** What a poll loop needs to know of a job: its ID and state (both APIs end in completed / failed). */
export interface JobState extends IDataObject {
	id: string;
	state?: string | null;
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

export interface JobPollOptions<G extends JobState> extends Omit<PollOptions, 'group' | 'known'> {
	/** One look at the job. */
	look: (id: string) => Promise<G>;
	schedule: PollSchedule;
	known?: G;
	/** When the job is done (default: completed or failed); a file, for one, ends ready, failed or deleted. */
	isDone?: (job: G) => boolean;
}

export interface PollResult<G extends JobState = Generation> {
	generation: G;
	outcome: 'final' | 'timedOut' | 'stopped';
}

function cancelledOr(ctx: IExecuteFunctions, error: unknown, itemIndex?: number) {
	if (error instanceof CancelledError) return new NodeOperationError(ctx.getNode(), 'The execution was cancelled', { itemIndex });
	return asNodeError(ctx.getNode(), error, itemIndex);
}

/** Sleeps `ms`, ending early on `wake`; a cancelled execution ends it at once with an error. */
export async function pause(ctx: IExecuteFunctions, ms: number, itemIndex?: number, wake?: Promise<unknown>): Promise<void> {
	try {
		const sleep = waitFor(ms, ctx.getExecutionCancelSignal());
		if (wake) {
			// The losing sleep ends on its own within one scheduler slice; nothing must await it.
			sleep.catch(() => undefined);
			await Promise.race([sleep, wake]);
		} else {
			await sleep;
		}
	} catch (error) {
		throw cancelledOr(ctx, error, itemIndex);
	}
}

/** Looks at a job until it is done (completed/failed unless `isDone` says otherwise), the deadline, or `stopWhen` (any API). */
export async function pollJob<G extends JobState>(ctx: IExecuteFunctions, id: string, options: JobPollOptions<G>): Promise<PollResult<G>> {
	const isDone = options.isDone ?? isFinal;
	let generation = options.known ?? (await options.look(id));
	for (;;) {
		if (isDone(generation)) return { generation, outcome: 'final' };
		if (options.stopWhen?.()) return { generation, outcome: 'stopped' };
		const left = options.deadline - Date.now();
		if (left <= 0) return { generation, outcome: 'timedOut' };
		await pause(ctx, Math.min(options.schedule.next(), left), options.itemIndex, options.wake);
		if (options.stopWhen?.()) return { generation, outcome: 'stopped' };
		generation = await options.look(id);
	}
}

/** Polls a Dream Machine `GET /generations/{id}` until completed/failed, the deadline, or `stopWhen`. */
export async function pollUntilFinal(this: IExecuteFunctions, id: string, options: PollOptions): Promise<PollResult> {
	return await pollJob(this, id, {
		...options,
		look: async (jobId) => await getGeneration.call(this, jobId, options.itemIndex),
		schedule: dreamMachineSchedule(options.group),
	});
}
