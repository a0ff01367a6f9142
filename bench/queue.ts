/**
 * One key, many workers: the package in a real queue-mode n8n (scripts/queue-env.js: a main instance,
 * three `n8n worker` processes, Redis, PostgreSQL), against the same load on one worker process.
 *
 * Events: 6 executions of 400 event reads each (Luma Events → Event → Get, default concurrency),
 * started at once through a webhook, one calendar key (200 requests per window), the simulator's
 * window compressed to BENCH_WINDOW_SECONDS (default 10, at least 10). The nodes in the workers run
 * with Luma's real timings and follow the window the server reports.
 * Dream Machine: 6 executions of 10 videos each (Video → Generate, Wait: Poll), Build tier (10 videos
 * in flight, 20 creates per minute, 32 s per video), in real time: the nodes' minute is Luma's minute.
 *
 * The credentials say "n8n Processes Sharing This Key: 4" (main + 3 workers, as docs/queue-mode.md
 * advises); the one-process runs use a credential left at 1. Printed per scenario: 429s, requests
 * during a lockout (events), items failed, duplicate creates (Dream Machine), jobs in flight at most,
 * elapsed against the theoretical minimum.
 *
 *   npm run build && npm run bench:queue
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startQueue, type QueueCluster } from '../scripts/queue-env';
import { BUILD_TIER_LIMITS, DEFAULT_TIMINGS } from '../test/simulator/dream-machine';
import { startSimulator, type Simulator } from '../test/simulator';
import { generationsMinimumMs, MINUTE, windowMsFromEnv } from './common';

const WINDOW_MS = windowMsFromEnv();
const EVENTS_LIMIT = 200;
const EXECUTIONS = 6;
const READS = 400;
const VIDEOS = 10;
const PROCESSES = 4;
const { concurrent: SLOTS, createsPerMinute: PER_MINUTE } = BUILD_TIER_LIMITS.video;
const JOB_MS = DEFAULT_TIMINGS.video.queuedMs + DEFAULT_TIMINGS.video.dreamingMs;

interface Row {
	scenario: string;
	setup: string;
	rateLimited: number;
	duringLockout: number | '';
	itemsFailed: number;
	duplicates: number | '';
	maxJobs: number | '';
	/** At the server: first request to last request (events), first create to last video done (videos). */
	elapsedMs: number;
	minimumMs: number;
	/** Webhook calls to every execution stored as finished (includes n8n's queue and database). */
	wallMs: number;
	workers: string;
}

/** Webhook → one item per entry of the posted `items` → the Luma node (named "Luma") with its credential. */
function lumaWorkflow(id: string, type: string, parameters: object, credential: { type: string; id: string }): object {
	const node = (name: string, nodeType: string, nodeParameters: object, extra: object = {}) => ({ id: `${id}-${name}`, name, type: nodeType, typeVersion: 1, position: [0, 0], parameters: nodeParameters, ...extra });
	return {
		id,
		name: id,
		active: false,
		nodes: [
			node('Start', 'n8n-nodes-base.webhook', { httpMethod: 'POST', path: id, responseMode: 'onReceived', options: {} }, { typeVersion: 2, webhookId: `${id}-hook` }),
			node('Items', 'n8n-nodes-base.code', { jsCode: 'return $input.first().json.body.items.map((json) => ({ json }));' }, { typeVersion: 2 }),
			node('Luma', `n8n-nodes-luma-suite.${type}`, parameters, { credentials: { [credential.type]: { id: credential.id, name: credential.id } } }),
		],
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Luma', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

const eventReads = (id: string, credentialId: string) =>
	lumaWorkflow(id, 'luma', { resource: 'event', operation: 'get', eventId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } }, { type: 'lumaApi', id: credentialId });

const videos = (id: string, credentialId: string) =>
	lumaWorkflow(
		id,
		'lumaGenerate',
		{ resource: 'video', operation: 'generate', model: 'ray-2', prompt: '={{ $json.prompt }}', waitForCompletion: 'poll', options: { maxWaitMinutes: 30 } },
		{ type: 'lumaLabsApi', id: credentialId },
	);

/** Starts the executions at once through the workflow's webhook, waits for all of them to end. */
async function fire(cluster: QueueCluster, workflowId: string, bodies: object[]) {
	const before = new Set((await cluster.executions(workflowId)).map((row) => row.id));
	const started = Date.now();
	await Promise.all(
		bodies.map(async (body) => {
			const response = await fetch(`${cluster.webhookUrl}/webhook/${workflowId}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
			if (response.status !== 200) throw new Error(`webhook ${workflowId} answered ${response.status}`);
		}),
	);
	for (;;) {
		const rows = (await cluster.executions(workflowId)).filter((row) => !before.has(row.id));
		if (rows.length === bodies.length && rows.every((row) => row.finished || ['success', 'error', 'crashed', 'canceled'].includes(row.status))) {
			const elapsedMs = Date.now() - started;
			const data = await cluster.executionData(rows.map((row) => row.id));
			const items = data.flatMap((run) => (run?.resultData?.runData?.Luma?.[0]?.data?.main?.[0] ?? []) as Array<{ json: Record<string, unknown> }>);
			const failedRuns = rows.filter((row) => row.status !== 'success').length;
			const workers = rows.map((row) => cluster.jobs(row.id)[0]?.worker ?? '?');
			return { elapsedMs, items, failedRuns, workers };
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

function tally(workers: string[]) {
	const counts = new Map<string, number>();
	for (const worker of workers) counts.set(worker, (counts.get(worker) ?? 0) + 1);
	return [...counts.entries()].map(([worker, count]) => `${worker}×${count}`).join(' ');
}

async function eventsScenario(cluster: QueueCluster, sim: Simulator, workflowId: string, setup: string): Promise<Row> {
	const ids = [...sim.state.events.values()].filter((event) => event.calendar_id === sim.state.primaryCalendarId).map((event) => String(event.id));
	const bodies = Array.from({ length: EXECUTIONS }, (_, execution) => ({
		items: Array.from({ length: READS }, (_, index) => ({ id: ids[(execution * READS + index) % ids.length] })),
	}));
	// A fresh window for every scenario.
	await new Promise((resolve) => setTimeout(resolve, WINDOW_MS * 1.2));
	sim.resetStats();
	const run = await fire(cluster, workflowId, bodies);
	const stats = sim.events.stats();
	const okItems = run.items.filter((item) => !item.json.error).length;
	const reads = sim.requestLog.filter((entry) => entry.api === 'events').map((entry) => entry.at);
	if (process.env.BENCH_VERBOSE) {
		// Requests per second from the first one: how each window was used.
		const perSecond = new Map<number, number>();
		for (const at of reads) perSecond.set(Math.floor((at - reads[0]) / 1000), (perSecond.get(Math.floor((at - reads[0]) / 1000)) ?? 0) + 1);
		console.log(`${setup}: ${[...perSecond.entries()].map(([second, count]) => `${second}s:${count}`).join(' ')}`);
	}
	return {
		scenario: `events: ${EXECUTIONS} × ${READS} reads`,
		setup,
		rateLimited: stats.sent429,
		duringLockout: stats.rejectedDuringLockout,
		itemsFailed: EXECUTIONS * READS - okItems,
		duplicates: '',
		maxJobs: '',
		elapsedMs: Math.max(...reads) - Math.min(...reads),
		minimumMs: (Math.ceil((EXECUTIONS * READS) / EVENTS_LIMIT) - 1) * WINDOW_MS,
		wallMs: run.elapsedMs,
		workers: tally(run.workers),
	};
}

async function videosScenario(cluster: QueueCluster, sim: Simulator, workflowId: string, setup: string): Promise<Row> {
	const bodies = Array.from({ length: EXECUTIONS }, (_, execution) => ({
		items: Array.from({ length: VIDEOS }, (_, index) => ({ prompt: `${setup} scene ${execution * VIDEOS + index + 1}` })),
	}));
	// Nothing in flight and a fresh minute for every scenario.
	await new Promise((resolve) => setTimeout(resolve, MINUTE + 5_000));
	sim.resetStats();
	const run = await fire(cluster, workflowId, bodies);
	const stats = sim.dreamMachine.stats;
	const completed = run.items.filter((item) => item.json.state === 'completed').length;
	const creates = sim.requestLog.filter((entry) => entry.api === 'dreamMachine' && entry.method === 'POST').map((entry) => entry.at);
	// Every video takes exactly JOB_MS in the simulator: the last one is done that long after its create.
	const lastDone = Math.max(...[...sim.dreamMachine.generations.values()].map((generation) => Date.parse(String(generation.created_at)))) + JOB_MS;
	return {
		scenario: `videos: ${EXECUTIONS} × ${VIDEOS}`,
		setup,
		rateLimited: stats.sent429,
		duringLockout: '',
		itemsFailed: EXECUTIONS * VIDEOS - completed,
		duplicates: stats.createsByGroup.video - EXECUTIONS * VIDEOS,
		maxJobs: stats.maxConcurrentJobs.video,
		elapsedMs: lastDone - Math.min(...creates),
		minimumMs: generationsMinimumMs(EXECUTIONS * VIDEOS, { slots: SLOTS, perMinute: PER_MINUTE, jobMs: JOB_MS }),
		wallMs: run.elapsedMs,
		workers: tally(run.workers),
	};
}

function print(rows: Row[]) {
	const header = ['scenario', 'n8n', '429s', 'during lockout', 'items failed', 'duplicate creates', 'max jobs', 'elapsed', 'minimum', 'ratio', 'wall', 'executions ran on'];
	const lines = rows.map((row) => [
		row.scenario,
		row.setup,
		String(row.rateLimited),
		String(row.duringLockout),
		String(row.itemsFailed),
		String(row.duplicates),
		String(row.maxJobs),
		`${(row.elapsedMs / 1000).toFixed(1)} s`,
		`${(row.minimumMs / 1000).toFixed(0)} s`,
		`${(row.elapsedMs / row.minimumMs).toFixed(2)}×`,
		`${(row.wallMs / 1000).toFixed(1)} s`,
		row.workers,
	]);
	console.log(`| ${header.join(' | ')} |\n| ${header.map(() => '---').join(' | ')} |`);
	for (const line of lines) console.log(`| ${line.join(' | ')} |`);
}

async function main() {
	if (!fs.existsSync(path.resolve(__dirname, '../dist/nodes'))) throw new Error('dist/ is missing: run `npm run build` first');
	const eventsSim = await startSimulator({ timeScale: WINDOW_MS / MINUTE });
	const labsSim = await startSimulator({ timeScale: 1, dreamMachine: { credits: 1_000_000_000 } });
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'luma-bench-queue-'));
	const credential = (id: string, type: string, data: object) => ({ id, name: id, type, data });
	const credentials = [
		credential('eventsShared', 'lumaApi', { apiKey: 'bench-shared-key', keyType: 'calendar', baseUrl: eventsSim.eventsUrl, processesSharingKey: PROCESSES }),
		credential('eventsAlone', 'lumaApi', { apiKey: 'bench-alone-key', keyType: 'calendar', baseUrl: eventsSim.eventsUrl, processesSharingKey: 1 }),
		credential('labsShared', 'lumaLabsApi', { apiKey: 'bench-shared-key', baseUrl: labsSim.dreamMachineUrl, plan: 'build', processesSharingKey: PROCESSES }),
		credential('labsAlone', 'lumaLabsApi', { apiKey: 'bench-alone-key', baseUrl: labsSim.dreamMachineUrl, plan: 'build', processesSharingKey: 1 }),
	];
	const workflows = {
		eventsQueue: eventReads('benchEventsQueue', 'eventsShared'),
		eventsOne: eventReads('benchEventsOne', 'eventsAlone'),
		videosQueue: videos('benchVideosQueue', 'labsShared'),
		videosOne: videos('benchVideosOne', 'labsAlone'),
	};
	const files = Object.values(workflows).map((workflow) => {
		const file = path.join(folder, `${(workflow as { id: string }).id}.json`);
		fs.writeFileSync(file, JSON.stringify(workflow));
		return file;
	});
	const only = process.env.BENCH_QUEUE_ONLY;
	const rows: Row[] = [];
	let cluster: QueueCluster | undefined;
	try {
		cluster = await startQueue({
			workers: 3,
			credentials,
			workflows: files,
			publish: Object.values(workflows).map((workflow) => (workflow as { id: string }).id),
			env: { N8N_LOG_LEVEL: 'info' },
		});
		console.log(`queue mode up: main + ${cluster.workers.length} workers`);
		const queueSetup = `main + 3 workers, ${PROCESSES} processes set`;
		if (only !== 'videos') rows.push(await eventsScenario(cluster, eventsSim, 'benchEventsQueue', queueSetup));
		if (only !== 'events') rows.push(await videosScenario(cluster, labsSim, 'benchVideosQueue', queueSetup));
		// The same load on one process: two workers stopped, the third runs every execution.
		await Promise.all(cluster.workers.slice(1).map((worker) => worker.stop()));
		if (only !== 'videos') rows.push(await eventsScenario(cluster, eventsSim, 'benchEventsOne', '1 worker'));
		if (only !== 'events') rows.push(await videosScenario(cluster, labsSim, 'benchVideosOne', '1 worker'));
	} finally {
		await cluster?.stop();
		await eventsSim.close();
		await labsSim.close();
		fs.rmSync(folder, { recursive: true, force: true });
	}
	console.log(
		`\nEvents window: 60 s compressed to ${WINDOW_MS / 1000} s, ${EVENTS_LIMIT} requests per window per key. Videos: real time. ` +
			'Elapsed at the server (events: first to last request; videos: first create to last video done); wall: webhook calls to executions stored.',
	);
	print(rows);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
