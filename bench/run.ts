/**
 * Throughput under Luma's events rate limit, as a ratio of the theoretical limit.
 *
 * A local server enforces Luma's documented policy with time scaled 1:60 (a 60 s window runs as 1 s):
 * 200 requests per window per calendar key, then a lockout of one window during which every request is
 * refused. The Luma Events node (real n8n execution, Get Self per item) is compared with a naive client
 * that fires with the same concurrency and sleeps Retry-After on a 429 (what most scripts do).
 *
 * Theoretical best for N requests: the first 200 go at once, then 200 more each time a window opens,
 * so the last batch leaves after ceil(N / 200) - 1 windows. The ratio printed is that minimum divided
 * by the measured time (100% = as fast as the limit allows), next to the 429s each client caused.
 *
 *   npm run bench            (N=1000 by default; BENCH_REQUESTS=2000 npm run bench for more)
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';

import { resetScheduler } from '../nodes/shared/scheduler';
import { configureTransport } from '../nodes/shared/transport';
import { runWorkflow } from '../test/helpers/n8n';

const WINDOW_MS = 1000;
const LIMIT = 200;
const N = Number(process.env.BENCH_REQUESTS ?? 1000);
const CONCURRENCY = 10;

function startLimitedServer() {
	let windowStart = 0;
	let count = 0;
	let blockedUntil = 0;
	const stats = { ok: 0, rejected: 0 };
	const server = http.createServer((req, res) => {
		const now = Date.now();
		if (now < blockedUntil) {
			stats.rejected++;
			res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
			res.end(JSON.stringify({ message: 'Rate limit exceeded' }));
			return;
		}
		if (now - windowStart >= WINDOW_MS) {
			windowStart = now;
			count = 0;
		}
		if (++count > LIMIT) {
			blockedUntil = now + WINDOW_MS;
			stats.rejected++;
			res.writeHead(429, {
				'content-type': 'application/json',
				'retry-after': '1',
				'x-ratelimit-reset': new Date(blockedUntil).toISOString(),
			});
			res.end(JSON.stringify({ message: 'Rate limit exceeded' }));
			return;
		}
		stats.ok++;
		res.writeHead(200, {
			'content-type': 'application/json',
			'x-ratelimit-limit': String(LIMIT),
			'x-ratelimit-remaining': String(LIMIT - count),
			'x-ratelimit-reset': new Date(windowStart + WINDOW_MS).toISOString(),
		});
		res.end(JSON.stringify({ id: 'usr-bench', name: 'Bench' }));
	});
	return new Promise<{ url: string; stats: typeof stats; close: () => Promise<void> }>((resolve) =>
		server.listen(0, '127.0.0.1', () =>
			resolve({
				url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
				stats,
				close: () => new Promise((done) => server.close(() => done())),
			}),
		),
	);
}

async function naiveClient(url: string) {
	let next = 0;
	const worker = async () => {
		while (next < N) {
			next++;
			for (;;) {
				const response = await request(`${url}/v1/users/get-self`, { headers: { 'x-luma-api-key': 'bench' } });
				await response.body.dump();
				if (response.statusCode !== 429) break;
				await new Promise((resolve) => setTimeout(resolve, Number(response.headers['retry-after'] ?? 1) * 1000));
			}
		}
	};
	await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

async function lumaNode(url: string, items = N) {
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
		credentials: { lumaApi: { apiKey: 'bench', baseUrl: url, keyType: 'calendar' } },
		input: Array.from({ length: items }, (_, i) => ({ i })),
	});
	const output = run.output('Luma');
	if (output.length !== items) throw new Error(`expected ${items} items, got ${output.length}`);
}

/** Loads and compiles the node once, so the measured run times the node and not ts-node's first import. */
async function warmUp() {
	const server = await startLimitedServer();
	await lumaNode(server.url, 1);
	await server.close();
}

async function measure(name: string, client: (url: string) => Promise<void>) {
	resetScheduler();
	const server = await startLimitedServer();
	const started = Date.now();
	await client(server.url);
	const elapsedWindows = (Date.now() - started) / WINDOW_MS;
	await server.close();
	const minimumWindows = Math.ceil(N / LIMIT) - 1;
	console.log(
		`${name.padEnd(22)} ${N} requests in ${elapsedWindows.toFixed(2)} windows (minimum ${minimumWindows}): ` +
			`${((minimumWindows / elapsedWindows) * 100).toFixed(1)}% of the theoretical limit, ` +
			`429s received: ${server.stats.rejected}`,
	);
}

async function main() {
	process.env.N8N_LOG_LEVEL = 'silent';
	configureTransport({ windowMs: WINDOW_MS, eventsLockoutMs: WINDOW_MS, backoffBaseMs: 50, backoffCapMs: 1000 });
	console.log(`Luma events budget: ${LIMIT} requests per window (60 s scaled to ${WINDOW_MS} ms), concurrency ${CONCURRENCY}`);
	await warmUp();
	await measure('Luma Events node', (url) => lumaNode(url));
	await measure('naive retry-on-429', naiveClient);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
