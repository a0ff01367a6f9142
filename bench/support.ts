/**
 * What the benchmarks share: Luma's one-minute window compressed in time, and the transport's
 * timings compressed with it, so every wait the nodes make keeps its proportion to the window.
 */
import type { TransportTiming } from '../nodes/shared/transport';

const MINUTE_MS = 60_000;

/**
 * BENCH_WINDOW_SECONDS (default 10). Below 10 s the response latency of a local simulator becomes a
 * visible share of the window, and the figures stop transferring to Luma's real minute.
 */
export function windowMsFromEnv(): number {
	const seconds = Number(process.env.BENCH_WINDOW_SECONDS ?? 10);
	if (!Number.isFinite(seconds) || seconds < 10) throw new Error('BENCH_WINDOW_SECONDS must be at least 10');
	return seconds * 1000;
}

/** The transport's documented timings, scaled so Luma's minute lasts `windowMs`. */
export function scaledTiming(windowMs: number): Partial<TransportTiming> {
	const scale = windowMs / MINUTE_MS;
	return {
		windowMs,
		eventsLockoutMs: windowMs,
		backoffBaseMs: 1_000 * scale,
		backoffCapMs: MINUTE_MS * scale,
		serverResetGraceMs: 1_000 * scale,
		serverClockSkewMs: 100 * scale,
		accountActivityMaxAgeMs: 1_000 * scale,
	};
}
