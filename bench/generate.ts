/**
 * A batch of video generations under Luma Labs' Build-tier limits, as a ratio of the theoretical limit.
 *
 * The Dream Machine simulator enforces the plan (Ray video: 10 generations queued or dreaming at once,
 * 20 creates per minute) and runs every video for its documented 32 s (2 s queued + 30 s dreaming),
 * time compressed so Luma's minute lasts BENCH_WINDOW_SECONDS (default 10, at least 10). The Luma Generate node (real n8n execution, Video → Generate, one item per
 * prompt, Wait for Completion: Poll, limits from the credential's plan) is compared with the script
 * most people write first: send every create at once, sleep 5 s on a 429 and try again, then poll
 * each generation every 3 s (the interval of Luma's own SDK examples).
 *
 * Theoretical best: each create goes out at the earliest moment both limits allow (a slot is free and
 * the minute's budget is not spent) and the batch ends when the last video completes; computed by
 * scheduling the N jobs greedily, which is optimal for identical jobs. The ratio printed is that
 * minimum divided by the measured time (100% = as fast as the plan allows), with the 429s each
 * client caused and the creates it sent (more creates than prompts would be duplicate videos).
 *
 *   npm run bench:generate      (N=60 by default; BENCH_GENERATIONS=100 for more)
 */
import { request } from 'undici';

import { configurePolling } from '../nodes/LumaGenerate/engine/waiting';
import { resetScheduler } from '../nodes/shared/scheduler';
import { runWorkflow } from '../test/helpers/n8n';
import { BUILD_TIER_LIMITS, DEFAULT_TIMINGS } from '../test/simulator/dream-machine';
import { startDreamMachine } from '../test/simulator/dream-machine/testServer';
import { generationsMinimumMs, MINUTE, ofTheLimit, pollEvery, prepareBench, sleep, windowMsFromEnv } from './common';

const SCALE = windowMsFromEnv() / MINUTE;
const N = Number(process.env.BENCH_GENERATIONS ?? 60);
const { concurrent: SLOTS, createsPerMinute: PER_MINUTE } = BUILD_TIER_LIMITS.video;
const JOB_MS = DEFAULT_TIMINGS.video.queuedMs + DEFAULT_TIMINGS.video.dreamingMs;

async function naiveScript(baseUrl: string) {
	const headers = { authorization: 'Bearer bench', 'content-type': 'application/json' };
	await Promise.all(
		Array.from({ length: N }, async (_, n) => {
			let id: string;
			for (;;) {
				const response = await request(`${baseUrl}/generations/video`, {
					method: 'POST',
					headers,
					body: JSON.stringify({ model: 'ray-2', prompt: `scene ${n + 1}` }),
				});
				const body = (await response.body.json()) as { id: string };
				if (response.statusCode === 201 || response.statusCode === 200) {
					id = body.id;
					break;
				}
				await sleep(5_000 * SCALE);
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
				parameters: { resource: 'video', operation: 'generate', model: 'ray-2', prompt: '={{ $json.prompt }}', waitForCompletion: 'poll' },
			},
		],
		credentials: { lumaLabsApi: { apiKey: 'bench', baseUrl, plan: 'build' } },
		input: Array.from({ length: N }, (_, n) => ({ prompt: `scene ${n + 1}` })),
	});
	const items = run.output('Luma Generate');
	const completed = items.filter((item) => item.json.state === 'completed').length;
	if (completed !== N) throw new Error(`expected ${N} completed videos, got ${completed}: ${JSON.stringify(run.error('Luma Generate')?.message ?? '')}`);
}

/** Loads and compiles the node once, so the measured run times the node and not ts-node's first import. */
async function warmUp() {
	const { server } = await startDreamMachine({}, SCALE);
	await runWorkflow({
		nodes: [{ name: 'Luma Generate', type: 'lumaGenerate', parameters: { resource: 'account', operation: 'getCredits' } }],
		credentials: { lumaLabsApi: { apiKey: 'bench', baseUrl: server.baseUrl, plan: 'build' } },
	});
	await server.close();
}

async function measure(name: string, client: (baseUrl: string) => Promise<void>) {
	resetScheduler();
	const { simulator, server } = await startDreamMachine({ credits: 1_000_000_000 }, SCALE);
	const started = Date.now();
	await client(server.baseUrl);
	const elapsed = (Date.now() - started) / SCALE;
	const stats = simulator.stats;
	await server.close();
	const minimum = generationsMinimumMs(N, { slots: SLOTS, perMinute: PER_MINUTE, jobMs: JOB_MS });
	console.log(
		`${name.padEnd(22)} ${N} videos in ${(elapsed / 1000).toFixed(0)} s of simulated time (minimum ${(minimum / 1000).toFixed(0)} s): ` +
			`${ofTheLimit(minimum, elapsed)} of the theoretical limit, 429s received: ${stats.sent429}, ` +
			`creates accepted: ${stats.createsByGroup.video}, max videos in flight: ${stats.maxConcurrentJobs.video}`,
	);
}

async function main() {
	prepareBench(SCALE);
	// The node's poll intervals (4 s first, up to 20 s for video), scaled like the simulator.
	configurePolling({ firstIntervalMs: { image: 1_000 * SCALE, video: 4_000 * SCALE }, maxIntervalMs: { image: 5_000 * SCALE, video: 20_000 * SCALE } });
	console.log(
		`Luma Labs Build tier (video): ${SLOTS} generations in flight, ${PER_MINUTE} creates per minute; ` +
			`each video ${JOB_MS / 1000} s; time scaled 1:${Math.round(1 / SCALE)}`,
	);
	await warmUp();
	await measure('Luma Generate node', lumaGenerateNode);
	await measure('naive script', naiveScript);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
