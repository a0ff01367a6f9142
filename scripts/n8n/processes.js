/**
 * Running processes: the cached n8n CLI under Node.js 24 as one-shot commands (`n8n import:…`,
 * `n8n execute`) that resolve with their output, and long-running processes (`n8n start`,
 * `n8n worker`, `n8n webhook`, and the queue harness's Redis and PostgreSQL) in their own process
 * group, ready once a probe (for n8n: an HTTP readiness URL) says so, stopped by their pid
 * (a signal, then SIGKILL after 15 s). Loopback ports come from the OS.
 */
'use strict';

const fs = require('fs');
const http = require('http');
const net = require('net');
const { spawn } = require('child_process');

const { pathsFor } = require('./config');
const { n8nEnv } = require('./env');
const { ensureN8n } = require('./install');

function commandError(what, res) {
	return new Error(
		`[n8n-env] ${what} failed (exit ${res.code}${res.signal ? `, signal ${res.signal}` : ''})\n` +
			`--- stdout ---\n${res.stdout.slice(-6000)}\n--- stderr ---\n${res.stderr.slice(-6000)}`,
	);
}

/**
 * Runs the n8n CLI with Node 24 (installs n8n first when missing).
 * @param {string} userFolder N8N_USER_FOLDER (n8n keeps its data in <userFolder>/.n8n)
 * @param {string[]} args
 * @param {{ env?: Record<string,string>, cacheDir?: string, timeoutMs?: number, input?: string }} [options]
 * @returns {Promise<{ code: number|null, signal: string|null, stdout: string, stderr: string, durationMs: number }>}
 */
async function n8nCommand(userFolder, args, options = {}) {
	const installed = await ensureN8n({ cacheDir: options.cacheDir, quiet: true });
	const p = pathsFor(installed.cacheDir);
	fs.mkdirSync(userFolder, { recursive: true });
	// Another process may take the free broker port between our pick and n8n's bind; n8n then exits
	// at start-up, before doing anything, so picking another port and starting again is safe.
	for (let attempt = 1; ; attempt++) {
		const res = await runOnce(p, userFolder, args, options);
		if (res.code === 0 || attempt >= 3 || !BROKER_PORT_TAKEN.test(res.stdout + res.stderr)) return res;
	}
}

async function runOnce(p, userFolder, args, options) {
	const env = n8nEnv(p, userFolder, { ...(await ownBrokerPort()), ...options.env });
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = spawn(p.nodeBin, [p.n8nBin, ...args], {
			cwd: userFolder,
			env,
			stdio: ['pipe', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (c) => (stdout += c));
		child.stderr.on('data', (c) => (stderr += c));
		child.stdin.end(options.input || '');
		const timeoutMs = options.timeoutMs ?? 300000;
		const timer = setTimeout(() => {
			stderr += `\n[n8n-env] n8n ${args.join(' ')} timed out after ${timeoutMs} ms; killed\n`;
			child.kill('SIGKILL');
		}, timeoutMs);
		child.on('error', (err) => {
			clearTimeout(timer);
			reject(err);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({ code, signal, stdout, stderr, durationMs: Date.now() - started });
		});
	});
}

/** n8nCommand that throws (with the command's output) unless it exits 0. */
async function runChecked(userFolder, args, options) {
	const res = await n8nCommand(userFolder, args, options);
	if (res.code !== 0) throw commandError(`n8n ${args.join(' ')}`, res);
	return res;
}

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/**
 * `n8n start`, `worker` and `execute` run a task broker for their task runner on
 * N8N_RUNNERS_BROKER_PORT, default 5679, and exit when it is taken: by `npm run dev`, another
 * worktree's e2e suite, or the other processes of a queue-mode run. Each process gets a free port.
 */
const BROKER_PORT_TAKEN = /Task Broker's port \d+ is already in use/;

async function ownBrokerPort() {
	return { N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
}

/** Whether a GET of `url` answers 200 within two seconds. */
function answers200(url) {
	return new Promise((resolve) => {
		const req = http.get(url, (res) => {
			res.resume();
			resolve(res.statusCode === 200);
		});
		req.on('error', () => resolve(false));
		req.setTimeout(2000, () => req.destroy());
	});
}

/**
 * A long-running process in its own process group, its output kept (last 20,000 characters, and
 * appended to `logFile` when given). stop() sends `stopSignal` (default SIGTERM) to the group, or to
 * the process alone with `signalGroup: false` (PostgreSQL wants only its postmaster signalled),
 * then SIGKILL to the group after 15 s, and resolves when the process has exited.
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ cwd: string, env?: Record<string,string>, uid?: number, gid?: number, stopSignal?: string,
 *   signalGroup?: boolean, logFile?: string, onOutput?: (chunk: string) => void }} options
 */
function spawnManaged(cmd, args, options) {
	const child = spawn(cmd, args, {
		cwd: options.cwd,
		env: options.env,
		uid: options.uid,
		gid: options.gid,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	let output = '';
	const keep = (chunk) => {
		output = (output + chunk).slice(-20000);
		if (options.logFile) fs.appendFileSync(options.logFile, chunk);
		if (options.onOutput) options.onOutput(String(chunk));
	};
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
	const running = () => child.exitCode === null && child.signalCode === null;
	const signal = (name, group) => {
		try {
			process.kill(group ? -child.pid : child.pid, name);
		} catch {
			/* already gone */
		}
	};
	const stop = async () => {
		if (!running()) return;
		signal(options.stopSignal || 'SIGTERM', options.signalGroup !== false);
		const timer = setTimeout(() => signal('SIGKILL', true), 15000);
		await exited;
		clearTimeout(timer);
	};
	return { child, pid: child.pid, running, exited, stop, output: () => output };
}

/**
 * Resolves once `probe()` is true; rejects (after stopping the process) when the process exits or
 * `timeoutMs` passes, with its last output. `label` and `where` name it in those errors.
 */
async function waitUntilReady(managed, probe, { label, where, timeoutMs }) {
	const deadline = Date.now() + (timeoutMs || 180000);
	for (;;) {
		if (!managed.running()) throw new Error(`[n8n-env] ${label} exited early (code ${managed.child.exitCode})\n${managed.output().slice(-6000)}`);
		if (await probe()) return;
		if (Date.now() > deadline) {
			await managed.stop();
			throw new Error(`[n8n-env] ${label} did not become ready on ${where}\n${managed.output().slice(-6000)}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/**
 * Spawns a long-running n8n command (`start`, `worker`, `webhook`) and resolves once `readyUrl`
 * answers 200 (see spawnManaged and waitUntilReady; `url` names it in errors, default readyUrl).
 * @param {{ userFolder: string, args: string[], env: Record<string,string>, readyUrl: string, label: string, url?: string,
 *   cacheDir?: string, startTimeoutMs?: number, logFile?: string, onOutput?: (chunk: string) => void }} spec
 */
async function spawnN8n(spec) {
	const installed = await ensureN8n({ cacheDir: spec.cacheDir, quiet: true });
	const p = pathsFor(installed.cacheDir);
	for (let attempt = 1; ; attempt++) {
		const managed = spawnManaged(p.nodeBin, [p.n8nBin, ...spec.args], {
			cwd: spec.userFolder,
			env: n8nEnv(p, spec.userFolder, { ...(await ownBrokerPort()), ...spec.env }),
			logFile: spec.logFile,
			onOutput: spec.onOutput,
		});
		try {
			await waitUntilReady(managed, () => answers200(spec.readyUrl), { label: spec.label, where: spec.url || spec.readyUrl, timeoutMs: spec.startTimeoutMs });
			return managed;
		} catch (error) {
			// As in n8nCommand: a broker port taken in between ends n8n at start-up; start it again.
			if (attempt >= 3 || !BROKER_PORT_TAKEN.test(managed.output())) throw error;
		}
	}
}

/**
 * `n8n start` on a loopback port; resolves once /healthz answers. WEBHOOK_URL points at the same port
 * so trigger and resume URLs are reachable from the local simulator.
 */
async function startN8n(userFolder, options = {}) {
	const port = options.port || (await freePort());
	const url = `http://127.0.0.1:${port}`;
	const started = await spawnN8n({
		userFolder,
		args: ['start'],
		env: {
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			WEBHOOK_URL: `${url}/`,
			N8N_EDITOR_BASE_URL: `${url}/`,
			N8N_USER_MANAGEMENT_DISABLED: 'true',
			...(options.env || {}),
		},
		readyUrl: `${url}/healthz/readiness`,
		label: 'n8n start',
		url,
		cacheDir: options.cacheDir,
		startTimeoutMs: options.startTimeoutMs,
		onOutput: options.onOutput,
	});
	return { url, port, child: started.child, stop: started.stop, output: started.output };
}

module.exports = { n8nCommand, runChecked, commandError, freePort, answers200, spawnManaged, waitUntilReady, spawnN8n, startN8n };
