/**
 * Starts several worker processes (worker.ts), lets them all load, then starts their load at the same
 * moment and collects what each one did.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

import type { WorkerConfig, WorkerResult } from './worker';

const ROOT = path.resolve(__dirname, '../..');
const WORKER = path.join(__dirname, 'worker.ts');

interface Running {
	ready: Promise<void>;
	result: Promise<WorkerResult>;
	go(): void;
}

function startWorker(config: WorkerConfig): Running {
	const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', WORKER, JSON.stringify(config)], {
		cwd: ROOT,
		env: { ...process.env, TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json') },
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	let markReady: () => void = () => undefined;
	const ready = new Promise<void>((resolve) => (markReady = resolve));
	child.stdout.on('data', (chunk) => {
		stdout += String(chunk);
		if (stdout.includes('{"ready":true}')) markReady();
	});
	child.stderr.on('data', (chunk) => (stderr += String(chunk)));
	const result = new Promise<WorkerResult>((resolve, reject) => {
		child.on('error', reject);
		child.on('close', (code) => {
			const lines = stdout.trim().split('\n');
			const last = lines[lines.length - 1];
			if (code !== 0 || !last || last.includes('"ready"')) {
				reject(new Error(`worker exited with ${code}\n${stderr.slice(-4000)}`));
				return;
			}
			resolve(JSON.parse(last) as WorkerResult);
		});
	});
	// A worker that dies while loading must not leave the others waiting for it.
	const readyOrDead = Promise.race([ready, result.then(() => undefined)]);
	return { ready: readyOrDead, result, go: () => child.stdin.end('go\n') };
}

/** Runs one worker per config, all starting their load together; resolves with each one's result. */
export async function runProcesses(configs: WorkerConfig[]): Promise<WorkerResult[]> {
	const workers = configs.map(startWorker);
	await Promise.all(workers.map((worker) => worker.ready));
	for (const worker of workers) worker.go();
	return await Promise.all(workers.map((worker) => worker.result));
}
