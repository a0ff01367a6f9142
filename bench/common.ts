/**
 * What the benchmarks share: scaled timings for the node (the simulators run Luma's documented
 * durations scaled down), a plain sleep for the naive clients, and the ratio they print.
 */
import { request } from 'undici';

import { resetScheduler } from '../nodes/shared/scheduler';
import type { TransportTiming } from '../nodes/shared/transport';
import { configureTransport } from '../nodes/shared/transport';

export const MINUTE = 60_000;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Luma's minute as the benchmarks compress it: BENCH_WINDOW_SECONDS (default 10). Below 10 s the
 * response latency of a local simulator becomes a visible share of the window, and the figures stop
 * transferring to Luma's real minute.
 */
export function windowMsFromEnv(): number {
	const seconds = Number(process.env.BENCH_WINDOW_SECONDS ?? 10);
	if (!Number.isFinite(seconds) || seconds < 10) throw new Error('BENCH_WINDOW_SECONDS must be at least 10');
	return seconds * 1000;
}

/** The transport's documented timings, scaled like the simulator, so every wait keeps its share of the minute. */
export function scaledTiming(scale: number): Partial<TransportTiming> {
	return {
		windowMs: MINUTE * scale,
		eventsLockoutMs: MINUTE * scale,
		backoffBaseMs: 1_000 * scale,
		backoffCapMs: MINUTE * scale,
		serverResetGraceMs: 1_000 * scale,
		serverClockSkewMs: 100 * scale,
		accountActivityMaxAgeMs: 1_000 * scale,
	};
}

/** n8n's logs off, and the transport's timings on the simulator's scaled clock. */
export function prepareBench(scale: number) {
	process.env.N8N_LOG_LEVEL = 'silent';
	resetScheduler();
	configureTransport(scaledTiming(scale));
}

/** "95.0%": how close `elapsed` came to the theoretical `minimum`. */
export function ofTheLimit(minimum: number, elapsed: number): string {
	return `${((minimum / elapsed) * 100).toFixed(1)}%`;
}

/** What a naive client does after its create: look at the job every `intervalMs` until it is final. */
export async function pollEvery(url: string, headers: Record<string, string>, intervalMs: number): Promise<void> {
	for (;;) {
		await sleep(intervalMs);
		const response = await request(url, { headers });
		const generation = (await response.body.json()) as { state: string };
		if (generation.state === 'completed' || generation.state === 'failed') return;
	}
}

/**
 * Earliest finish of `jobs` identical generations under the plan's job slots and a fixed-window
 * create budget (ms, Luma's time): each create goes out at the earliest moment both allow, which is
 * optimal for identical jobs.
 */
export function generationsMinimumMs(jobs: number, plan: { slots: number; perMinute: number; jobMs: number }): number {
	const finishes: number[] = [];
	let windowStart = 0;
	let inWindow = 0;
	let now = 0;
	for (let job = 0; job < jobs; job++) {
		// A slot: the (job - slots)-th job must have finished.
		if (job >= plan.slots) now = Math.max(now, finishes[job - plan.slots]);
		if (now - windowStart >= MINUTE) {
			windowStart += Math.floor((now - windowStart) / MINUTE) * MINUTE;
			inWindow = 0;
		}
		if (inWindow >= plan.perMinute) {
			windowStart += MINUTE;
			now = windowStart;
			inWindow = 0;
		}
		inWindow++;
		finishes.push(now + plan.jobMs);
		finishes.sort((a, b) => a - b);
	}
	return Math.max(...finishes);
}
