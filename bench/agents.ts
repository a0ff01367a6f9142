/**
 * A batch of Ray 3.2 videos on the Luma Agents API under its default plan limits, against the
 * makespan the limits allow.
 *
 * The Agents simulator enforces Luma's documented defaults (10 jobs queued or processing at once,
 * 30 creates per sliding minute, the two 429s) and runs every 5 s 720p clip for 90 s (5 s queued,
 * 85 s processing), time scaled like the other benchmarks (Luma's minute compressed to
 * BENCH_WINDOW_SECONDS, default 10, never less). The Luma Generate node (real n8n execution, Video → Generate,
 * one item per prompt, Wait for Completion: Poll, limits from the credential) is compared with the
 * client most people write first: send every create, on a 429 sleep its Retry-After and try again,
 * then poll each generation every 3 s.
 *
 * Theoretical best: ⌈N / concurrency⌉ rounds of one job time each (the per-minute budget does not
 * bind here: 10 creates per 90 s round is under 30 a minute); checked by scheduling the N creates
 * greedily under both limits. Printed: the makespan against it, the 429s of each kind, creates Luma
 * accepted twice for one prompt, and the most jobs in flight.
 *
 *   npm run bench:agents      (N=40 by default; BENCH_AGENTS_GENERATIONS=80 for more)
 */
import { request } from 'undici';

import { configurePolling } from '../nodes/LumaGenerate/engine/waiting';
import { resetScheduler } from '../nodes/shared/scheduler';
import { runWorkflow } from '../test/helpers/n8n';
import { startSimulator } from '../test/simulator';
import { DEFAULT_LIMITS, DEFAULT_TIMINGS } from '../test/simulator/agents';
import { MINUTE, ofTheLimit, pollEvery, prepareBench, sleep, windowMsFromEnv } from './common';

const SCALE = windowMsFromEnv() / MINUTE;
const N = Number(process.env.BENCH_AGENTS_GENERATIONS ?? 40);
const { concurrentJobs: SLOTS, requestsPerMinute: PER_MINUTE } = DEFAULT_LIMITS;
const JOB_MS = DEFAULT_TIMINGS.video.queuedMs + DEFAULT_TIMINGS.video.processingMs;
const KEY = 'luma-api-bench';

/** Earliest finish of N identical jobs under a slot cap and a sliding-minute create budget (unscaled ms). */
function theoreticalMs(): number {
	const creates: number[] = [];
	const finishes: number[] = [];
	for (let job = 0; job < N; job++) {
		let at = job >= SLOTS ? [...finishes].sort((a, b) => a - b)[job - SLOTS] : 0;
		// The create that would make PER_MINUTE+1 in a minute waits until the oldest of them ages out.
		if (creates.length >= PER_MINUTE) at = Math.max(at, creates[creates.length - PER_MINUTE] + MINUTE);
		creates.push(at);
		finishes.push(at + JOB_MS);
	}
	return Math.max(...finishes);
}

async function naiveClient(baseUrl: string) {
	const headers = { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' };
	await Promise.all(
		Array.from({ length: N }, async (_, n) => {
			let id: string;
			for (;;) {
				const response = await request(`${baseUrl}/generations`, {
					method: 'POST',
					headers,
					body: JSON.stringify({ type: 'video', model: 'ray-3.2', prompt: `scene ${n + 1}` }),
				});
				const body = (await response.body.json()) as { id: string };
				if (response.statusCode === 201) {
					id = body.id;
					break;
				}
				// The simulator answers in real (scaled) seconds already.
				await sleep(Number(response.headers['retry-after'] ?? 1) * 1000);
			}
			await pollEvery(`${baseUrl}/generations/${id}`, headers, 3_000 * SCALE);
		}),
	);
}

async function lumaGenerateNode(baseUrl: string) {
	const run = await runWorkflow({
		nodes: [
			{
				name: 'Luma Generate',
				type: 'lumaGenerate',
				typeVersion: 2,
				// Downloads are left to the naive client's side of the comparison too: neither fetches the MP4s.
				parameters: { resource: 'video', operation: 'generate', prompt: '={{ $json.prompt }}', options: { downloadResult: false } },
			},
		],
		credentials: { lumaAgentsApi: { apiKey: KEY, baseUrl, requestsPerMinute: PER_MINUTE, concurrentJobs: SLOTS } },
		input: Array.from({ length: N }, (_, n) => ({ prompt: `scene ${n + 1}` })),
	});
	const items = run.output('Luma Generate');
	const completed = items.filter((item) => item.json.state === 'completed').length;
	if (completed !== N) throw new Error(`expected ${N} completed videos, got ${completed}: ${run.error('Luma Generate')?.message ?? ''}`);
}

/** Loads and compiles the node once, so the measured run times the node and not ts-node's first import. */
async function warmUp() {
	const sim = await startSimulator({ timeScale: SCALE });
	await runWorkflow({
		nodes: [{ name: 'Luma Generate', type: 'lumaGenerate', typeVersion: 2, parameters: { resource: 'file', operation: 'getMany', returnAll: false, limit: 1 } }],
		credentials: { lumaAgentsApi: { apiKey: KEY, baseUrl: sim.agentsUrl } },
	});
	await sim.close();
}

async function measure(name: string, client: (baseUrl: string) => Promise<void>) {
	resetScheduler();
	const sim = await startSimulator({ timeScale: SCALE, agents: { balanceUsd: 1_000_000 } });
	const started = Date.now();
	await client(sim.agentsUrl);
	const elapsed = (Date.now() - started) / SCALE;
	const stats = sim.agents.stats;
	await sim.close();
	const minimum = theoreticalMs();
	console.log(
		`${name.padEnd(22)} ${N} videos in ${(elapsed / 1000).toFixed(0)} s of simulated time (minimum ${(minimum / 1000).toFixed(0)} s): ` +
			`${ofTheLimit(minimum, elapsed)} of the theoretical limit, 429s: ${stats.sent429.concurrent} "too many concurrent jobs" + ${stats.sent429.rpm} "rate limit exceeded", ` +
			`creates accepted: ${stats.createsAccepted}, duplicate creates: ${stats.duplicateCreates}, max jobs in flight: ${stats.maxJobsInFlight}`,
	);
}

async function main() {
	prepareBench(SCALE);
	// The node's Agents poll timing (a first wait sized to the job, then every 2–5 s), scaled like the simulator.
	configurePolling({
		agents: {
			firstWaitMs: { image: 20_000 * SCALE, image_edit: 20_000 * SCALE, layering: 30_000 * SCALE, video: 60_000 * SCALE, video_edit: 60_000 * SCALE, video_reframe: 60_000 * SCALE },
			minIntervalMs: 2_000 * SCALE,
			maxIntervalMs: 5_000 * SCALE,
			fileIntervalMs: 1_000 * SCALE,
		},
	});
	console.log(
		`Luma Agents API defaults: ${SLOTS} concurrent jobs, ${PER_MINUTE} creates per minute; each Ray 3.2 video ${JOB_MS / 1000} s; ` +
			`⌈${N}/${SLOTS}⌉ × ${JOB_MS / 1000} s = ${(Math.ceil(N / SLOTS) * JOB_MS) / 1000} s; time scaled 1:${Math.round(1 / SCALE)}`,
	);
	await warmUp();
	await measure('Luma Generate node', lumaGenerateNode);
	await measure('naive client', naiveClient);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
