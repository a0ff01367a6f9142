/**
 * Installs Node.js 24 + n8n into the cache folder (see config.js for the layout), once per machine:
 * n8n with --ignore-scripts (its Kafka dependency cannot build offline), then `npm rebuild sqlite3
 * isolated-vm` against the Node 24 headers, then a `n8n --version` smoke check; the marker is
 * written only after all of it succeeded. Concurrent installers (worktrees sharing one cache) take
 * an exclusive lock file; a dead owner's lock is taken over.
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, execFileSync } = require('child_process');

const { N8N_VERSION, NODE_SPEC, pathsFor, log, pidAlive, fmtSecs } = require('./config');
const { node24Env, n8nEnv } = require('./env');

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

module.exports = { ensureN8n, isInstalled };
