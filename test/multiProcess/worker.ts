/**
 * One "n8n process" for the multi-process tests: a plain Node process that runs Luma workflows
 * in-process (n8n-core's WorkflowExecute, the real nodes and transport) against a simulator other
 * processes share. Without queue mode, it reproduces what queue mode changes for the nodes: several
 * processes, each with its own scheduler, sending with one key.
 *
 * Protocol (stdin/stdout, one JSON line each): argv[2] is the WorkerConfig; the worker loads and
 * compiles everything, prints {"ready":true}, waits for "go" on stdin (so every process starts its
 * load at the same moment), runs its executions at once and prints a WorkerResult.
 */
import type { IDataObject } from 'n8n-workflow';

import { configurePolling } from '../../nodes/LumaGenerate/engine/waiting';
import { getSchedulerCounters } from '../../nodes/shared/scheduler';
import type { TransportTiming } from '../../nodes/shared/transport';
import { configureTransport } from '../../nodes/shared/transport';
import { runWorkflow, type WorkflowNodeSpec } from '../helpers/n8n';

export interface WorkerConfig {
	/** Workflows this process runs at the same time. */
	executions: Array<{ node: WorkflowNodeSpec; input: IDataObject[] }>;
	credentials: Record<string, IDataObject>;
	/** Credentials of a warm-up run (another key, so it spends nobody's budget). */
	warmUp: { node: WorkflowNodeSpec; credentials: Record<string, IDataObject> };
	timing: Partial<TransportTiming>;
	polling?: Parameters<typeof configurePolling>[0];
}

export interface WorkerResult {
	items: number;
	/** Items that came out as errors, or the error a node stopped with. */
	errors: string[];
	requestsSent: number;
	rateLimited: number;
	retries: number;
	/** The JSON of every output item (ids of created generations, for duplicate checks). */
	outputs: IDataObject[];
}

async function main() {
	process.env.N8N_LOG_LEVEL = 'silent';
	const config = JSON.parse(process.argv[2]) as WorkerConfig;
	configureTransport(config.timing);
	if (config.polling) configurePolling(config.polling);
	await runWorkflow({ nodes: [config.warmUp.node], credentials: config.warmUp.credentials as never });
	const before = getSchedulerCounters();
	process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
	await new Promise<void>((resolve) => {
		process.stdin.on('data', (chunk) => {
			if (String(chunk).includes('go')) resolve();
		});
	});
	const runs = await Promise.all(
		config.executions.map((execution) =>
			runWorkflow({ nodes: [execution.node], credentials: config.credentials as never, input: execution.input }),
		),
	);
	const result: WorkerResult = { items: 0, errors: [], requestsSent: 0, rateLimited: 0, retries: 0, outputs: [] };
	runs.forEach((run, index) => {
		const name = config.executions[index].node.name;
		const error = run.error(name) ?? run.error();
		if (error) {
			result.errors.push(error.message);
			return;
		}
		for (const item of run.output(name)) {
			result.items++;
			if (item.json.error) result.errors.push(String(item.json.error));
			else result.outputs.push(item.json);
		}
	});
	const after = getSchedulerCounters();
	result.requestsSent = after.requestsSent - before.requestsSent;
	result.rateLimited = after.rateLimited - before.rateLimited;
	result.retries = after.retries - before.retries;
	process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
		process.exit(1);
	},
);
