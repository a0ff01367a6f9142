/**
 * Per-item overhead in a real n8n: 1,000 items → Luma Events → Event → Get, against 1,000 items →
 * n8n's HTTP Request node (GET of the same simulator route, the key in a Header Auth credential).
 *
 * A real n8n 2.40.7 (scripts/n8n-env.js: startN8n, importWorkflow, publishWorkflow) runs each
 * workflow from a webhook, several rounds in turn, in one warm process; the simulator's rate limit
 * is off and the Luma node's budget out of the way, so only the per-item path is measured. Printed:
 * each node's own execution time (n8n's `executionTime` of the node run, median of the rounds) and
 * the ratio to the HTTP Request node. The HTTP Request node sends every item at once; the Luma node
 * is measured at Max Concurrent Requests 1 (the hardest case: nothing overlaps) and at its default 5.
 *
 *   npm run build && npx ts-node --transpile-only bench/overhead.ts     (BENCH_ROUNDS=5 for more rounds)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startSimulator } from '../test/simulator';

const harness = require('../scripts/n8n-env.js');

const ITEMS = 1000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const KEY = 'bench-overhead-key';

function workflow(id: string, action: Record<string, unknown>) {
	return {
		id,
		name: id,
		active: false,
		nodes: [
			{ id: `${id}-start`, name: 'Start', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: `${id}-hook`, parameters: { httpMethod: 'POST', path: id, responseMode: 'lastNode', options: {} } },
			{ id: `${id}-items`, name: 'Items', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { jsCode: 'return $input.first().json.body.ids.map((id) => ({ json: { id } }));' } },
			{ id: `${id}-node`, name: 'Read', typeVersion: 1, position: [400, 0], ...action },
		],
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Read', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

function lumaGet(id: string, maxConcurrentRequests: number) {
	return workflow(id, {
		type: 'n8n-nodes-luma-suite.luma',
		parameters: {
			resource: 'event',
			operation: 'get',
			eventId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			options: { concurrency: { maxConcurrentRequests, requestsPerMinute: 10_000_000 } },
		},
		credentials: { lumaApi: { id: 'benchLuma', name: 'benchLuma' } },
	});
}

function httpGet(id: string, eventsUrl: string) {
	return workflow(id, {
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'GET',
			url: `${eventsUrl}/v1/events/get`,
			authentication: 'genericCredentialType',
			genericAuthType: 'httpHeaderAuth',
			sendQuery: true,
			queryParameters: { parameters: [{ name: 'event_id', value: '={{ $json.id }}' }] },
			options: {},
		},
		credentials: { httpHeaderAuth: { id: 'benchHeader', name: 'benchHeader' } },
	});
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
	if (!fs.existsSync(path.resolve(__dirname, '../dist/nodes'))) throw new Error('dist/ is missing: run `npm run build` first');
	await harness.ensureN8n({ quiet: false });
	const sim = await startSimulator({ events: { rateLimit: { enabled: false } } });
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'luma-bench-overhead-'));
	let n8n: { url: string; stop(): Promise<void>; output(): string } | undefined;
	try {
		harness.installPackage(folder);
		await harness.importCredentials(folder, [
			{ id: 'benchLuma', name: 'benchLuma', type: 'lumaApi', data: { apiKey: KEY, keyType: 'calendar', baseUrl: sim.eventsUrl } },
			{ id: 'benchHeader', name: 'benchHeader', type: 'httpHeaderAuth', data: { name: 'x-luma-api-key', value: KEY } },
		]);
		const flows = [
			{ id: 'benchHttpRequest', label: 'HTTP Request node (all items at once)', body: httpGet('benchHttpRequest', sim.eventsUrl) },
			{ id: 'benchLumaOne', label: 'Luma Events, Max Concurrent Requests 1', body: lumaGet('benchLumaOne', 1) },
			{ id: 'benchLumaFive', label: 'Luma Events, Max Concurrent Requests 5', body: lumaGet('benchLumaFive', 5) },
		];
		for (const flow of flows) {
			const file = path.join(folder, `${flow.id}.json`);
			fs.writeFileSync(file, JSON.stringify(flow.body));
			await harness.importWorkflow(folder, file);
			await harness.publishWorkflow(folder, flow.id);
		}
		n8n = await harness.startN8n(folder);
		const eventIds = [...sim.state.events.values()].filter((event) => event.calendar_id === sim.state.primaryCalendarId).map((event) => String(event.id));
		const ids = Array.from({ length: ITEMS }, (_, index) => eventIds[index % eventIds.length]);
		// One warm-up round (JIT, connection pools), then the measured rounds, the workflows in turn.
		for (let round = 0; round <= ROUNDS; round++) {
			for (const flow of flows) {
				// Published workflows register their webhooks just after n8n reports ready.
				for (let attempt = 0; ; attempt++) {
					const response = await fetch(`${n8n!.url}/webhook/${flow.id}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ids }) });
					if (response.status === 200) break;
					if (response.status !== 404 || attempt > 60) throw new Error(`${flow.id} answered ${response.status}: ${(await response.text()).slice(0, 300)}\n${n8n!.output().slice(-3000)}`);
					await new Promise((resolve) => setTimeout(resolve, 500));
				}
			}
		}
		const executions = (await harness.readExecutions(folder)) as Array<{ id: number; workflowId: string; status: string }>;
		const data = (await harness.readExecutionData(folder, executions.map((row) => row.id))) as Array<{ resultData: { runData: Record<string, Array<{ executionTime: number; data: { main: unknown[][] } }>> } }>;
		const times = new Map<string, number[]>();
		executions.forEach((row, index) => {
			const run = data[index]?.resultData.runData.Read?.[0];
			if (row.status !== 'success' || !run || run.data.main[0].length !== ITEMS) throw new Error(`execution ${row.id} of ${row.workflowId}: ${row.status}`);
			const list = times.get(row.workflowId) ?? [];
			list.push(run.executionTime);
			times.set(row.workflowId, list);
		});
		const baseline = median(times.get('benchHttpRequest')!.slice(1));
		console.log(`${ITEMS} event reads in a real n8n ${harness.N8N_VERSION}, median of ${ROUNDS} rounds (node execution time):`);
		for (const flow of flows) {
			const measured = median(times.get(flow.id)!.slice(1));
			console.log(`  ${flow.label.padEnd(42)} ${String(measured).padStart(6)} ms  ${(measured / baseline).toFixed(2)}× the HTTP Request node`);
		}
	} finally {
		await n8n?.stop();
		await sim.close();
		fs.rmSync(folder, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
