/**
 * Throughput under Luma's events rate limit, as a ratio of the theoretical limit.
 *
 * The simulator enforces Luma's documented policy (200 requests per window for a calendar key, then
 * a lockout of one window during which every request is refused; X-RateLimit-* on every answer),
 * with the one-minute window compressed to BENCH_WINDOW_SECONDS (default 10, never below 10: at
 * shorter windows response latency becomes a visible share of the window and the figures no longer
 * transfer to Luma's real minute). The Luma Events node (real n8n execution, Get Self per item) is
 * compared with a naive client that fires with the same concurrency and sleeps Retry-After on a 429
 * (what most scripts do).
 *
 * Theoretical best for N requests: the first 200 go at once, then 200 more each time a window opens,
 * so the last batch leaves after ceil(N / 200) - 1 windows. The ratio printed is that minimum divided
 * by the measured time (100% = as fast as the limit allows), next to the 429s each client caused.
 *
 *   npm run bench            (N=1000; BENCH_REQUESTS=2000, BENCH_WINDOW_SECONDS=20 for more)
 * Then the per-item overhead against n8n's HTTP Request node in a real n8n (bench/overhead.ts).
 */
import { request } from 'undici';

import { resetScheduler } from '../nodes/shared/scheduler';
import { runWorkflow } from '../test/helpers/n8n';
import { startSimulator } from '../test/simulator';
import { MINUTE, ofTheLimit, prepareBench, sleep, windowMsFromEnv } from './common';

const WINDOW_MS = windowMsFromEnv();
const LIMIT = 200;
const N = Number(process.env.BENCH_REQUESTS ?? 1000);
const CONCURRENCY = 10;

async function naiveClient(url: string) {
	let next = 0;
	const worker = async () => {
		while (next < N) {
			next++;
			for (;;) {
				const response = await request(`${url}/v1/users/get-self`, { headers: { 'x-luma-api-key': 'bench' } });
				await response.body.dump();
				if (response.statusCode !== 429) break;
				await sleep(Number(response.headers['retry-after'] ?? 1) * 1000);
			}
		}
	};
	await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

async function lumaNode(url: string, items = N, apiKey = 'bench') {
	const run = await runWorkflow({
		nodes: [
			{
				name: 'Luma',
				type: 'luma',
				parameters: {
					resource: 'user',
					operation: 'getSelf',
					options: { concurrency: { maxConcurrentRequests: CONCURRENCY } },
				},
			},
		],
		credentials: { lumaApi: { apiKey, baseUrl: url, keyType: 'calendar' } },
		input: Array.from({ length: items }, (_, i) => ({ i })),
	});
	const output = run.output('Luma');
	if (output.length !== items) throw new Error(`expected ${items} items, got ${output.length}`);
}

async function measure(name: string, client: (url: string) => Promise<void>) {
	resetScheduler();
	const sim = await startSimulator({ timeScale: WINDOW_MS / MINUTE, events: { rateLimit: { retryAfterHeader: true } } });
	// Loads and compiles the node first (another key: its own budget), so the run times the node, not ts-node.
	await lumaNode(sim.eventsUrl, 1, 'warm-up');
	sim.resetStats();
	const started = Date.now();
	await client(sim.eventsUrl);
	const elapsedWindows = (Date.now() - started) / WINDOW_MS;
	const stats = sim.events.stats();
	await sim.close();
	const minimumWindows = Math.ceil(N / LIMIT) - 1;
	console.log(
		`${name.padEnd(22)} ${N} requests in ${elapsedWindows.toFixed(2)} windows (minimum ${minimumWindows}): ` +
			`${ofTheLimit(minimumWindows, elapsedWindows)} of the theoretical limit, ` +
			`429s received: ${stats.sent429} (${stats.rejectedDuringLockout} during a lockout)`,
	);
}

async function main() {
	prepareBench(WINDOW_MS / MINUTE);
	console.log(
		`Luma events budget: ${LIMIT} requests per window (60 s scaled to ${WINDOW_MS / 1000} s), concurrency ${CONCURRENCY}`,
	);
	await measure('Luma Events node', (url) => lumaNode(url));
	await measure('naive retry-on-429', naiveClient);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
