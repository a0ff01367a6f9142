/**
 * What the benchmarks share: scaled timings for the node (the simulators run Luma's documented
 * durations scaled down), a plain sleep for the naive clients, and the ratio they print.
 */
import { request } from 'undici';

import { resetScheduler } from '../nodes/shared/scheduler';
import { configureTransport } from '../nodes/shared/transport';

export const MINUTE = 60_000;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** n8n's logs off, and the transport's one-minute windows and backoff on the simulator's scaled clock. */
export function prepareBench(scale: number) {
	process.env.N8N_LOG_LEVEL = 'silent';
	resetScheduler();
	configureTransport({ windowMs: MINUTE * scale, eventsLockoutMs: MINUTE * scale, backoffBaseMs: 50, backoffCapMs: 1000 });
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
