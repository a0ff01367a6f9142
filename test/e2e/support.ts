/**
 * What every real-n8n suite needs: the cached n8n (scripts/n8n-env.js), a simulator, a private user
 * folder with the package installed as a community package and credentials for the simulator, a
 * running `n8n start` when the suite needs one, and polling with useful diagnostics on timeout.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startSimulator, type Simulator, type SimulatorOptions } from '../simulator';

// Plain CommonJS harness shared with `npm run dev`.
export const harness = require('../../scripts/n8n-env.js');

const EXAMPLES = path.resolve(__dirname, '../../examples');

export interface RunningN8n {
	url: string;
	port: number;
	stop(): Promise<void>;
	output(): string;
}

export interface StoredExecution {
	id: number;
	workflowId: string;
	status: string;
	mode: string;
}

export class E2eRun {
	sim!: Simulator;
	userFolder = '';
	n8n: RunningN8n | undefined;
	readonly durations: Record<string, number> = {};

	constructor(private readonly suite: string) {}

	/** Installs n8n when missing, starts the simulator, prepares the user folder. */
	async setUp(simulatorOptions: SimulatorOptions): Promise<void> {
		const started = Date.now();
		if (!fs.existsSync(path.resolve(__dirname, '../../dist/nodes'))) throw new Error('dist/ is missing: run `npm run build` before the e2e suite');
		await harness.ensureN8n({ quiet: false });
		this.durations['n8n install (or cache check)'] = Date.now() - started;
		this.sim = await startSimulator(simulatorOptions);
		this.userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'luma-e2e-'));
		harness.installPackage(this.userFolder);
		const setup = Date.now();
		await harness.importCredentials(this.userFolder, harness.simulatorCredentials(this.sim.eventsUrl, this.sim.dreamMachineUrl, this.sim.agentsUrl));
		this.durations['import credentials'] = Date.now() - setup;
	}

	async tearDown(): Promise<void> {
		await this.n8n?.stop();
		await this.sim?.close();
		if (this.userFolder) fs.rmSync(this.userFolder, { recursive: true, force: true });
		console.log(
			`${this.suite} e2e durations:\n${Object.entries(this.durations)
				.map(([name, ms]) => `  ${name}: ${(ms / 1000).toFixed(1)} s`)
				.join('\n')}`,
		);
	}

	/** `n8n start` on a loopback port (the same port across restarts keeps waiting URLs valid). */
	async startN8n(label: string, port: number): Promise<RunningN8n> {
		const started = Date.now();
		this.n8n = (await harness.startN8n(this.userFolder, { port })) as RunningN8n;
		this.durations[label] = Date.now() - started;
		return this.n8n;
	}

	async stopN8n(): Promise<void> {
		await this.n8n?.stop();
		this.n8n = undefined;
	}

	/** Copies an example workflow into the user folder (optionally rewritten) and returns its path. */
	example(file: string, rewrite?: (text: string) => string): string {
		const source = fs.readFileSync(path.join(EXAMPLES, file), 'utf8');
		return this.writeWorkflow(file, rewrite ? rewrite(source) : source);
	}

	writeWorkflow(file: string, workflow: string | object): string {
		const target = path.join(this.userFolder, file);
		fs.writeFileSync(target, typeof workflow === 'string' ? workflow : JSON.stringify(workflow, null, 2));
		return target;
	}

	async executions(workflowId?: string): Promise<StoredExecution[]> {
		const rows = (await harness.readExecutions(this.userFolder)) as StoredExecution[];
		return workflowId ? rows.filter((row) => row.workflowId === workflowId) : rows;
	}

	/** Successful 2xx requests the simulator logged for one API, method and path. */
	logged(api: 'events' | 'dreamMachine' | 'agents', method: string, pathPattern: RegExp) {
		return successfulRequests(this.sim, api, method, pathPattern);
	}

	/** Polls until `probe` returns something truthy; on timeout the error carries what n8n and the simulator saw. */
	async until<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
		return await pollUntil(what, probe, timeoutMs, async () => {
			const executions = this.userFolder ? await this.executions().catch(() => []) : [];
			return `executions: ${JSON.stringify(executions)}\n${simulatorDiagnostics(this.sim)}\nn8n log:\n${this.n8n?.output().slice(-4000) ?? ''}`;
		});
	}
}

/** Successful 2xx requests the simulator logged for one API, method and path. */
export function successfulRequests(sim: Simulator, api: 'events' | 'dreamMachine' | 'agents', method: string, pathPattern: RegExp) {
	return sim.requestLog.filter((entry) => entry.api === api && entry.method === method && pathPattern.test(entry.path) && entry.status >= 200 && entry.status < 300);
}

/** What the simulator saw last: webhook delivery counts and the last requests. */
export function simulatorDiagnostics(sim: Simulator): string {
	return (
		`webhooks: ${JSON.stringify(sim.events.stats().webhooks)}\n` +
		`last requests: ${JSON.stringify(sim.requestLog.slice(-8).map((entry) => [entry.method, entry.path, entry.status]))}`
	);
}

/** Polls every 250 ms until `probe` returns something truthy; on timeout the error carries `diagnostics()`. */
export async function pollUntil<T>(
	what: string,
	probe: () => T | undefined | false | Promise<T | undefined | false>,
	timeoutMs: number,
	diagnostics: () => Promise<string>,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${await diagnostics()}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}
