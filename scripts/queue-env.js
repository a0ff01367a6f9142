#!/usr/bin/env node
/**
 * n8n in queue mode for the e2e suite and benchmarks (the work is in scripts/n8n/queue.js): a
 * main instance, workers, optionally webhook processes, private Redis and PostgreSQL. The module
 * exports startQueue (and stopLeftovers); as a CLI:
 *
 *   node scripts/queue-env.js start [--workers N] [--webhooks N]   start everything with this package
 *                                                                  (build it first), print the URLs, Ctrl-C stops it all
 *   node scripts/queue-env.js stop <base folder>                   stop what a killed run left behind (by the pids it
 *                                                                  recorded, only processes still running in that folder)
 */
'use strict';

const fs = require('fs');
const path = require('path');

const { startQueue, DEFAULT_OWNER } = require('./n8n/queue');
const { pidAlive } = require('./n8n/config');

/** A recorded pid still belongs to the run when the process's working folder is inside its base folder. */
function belongsTo(pid, baseDir) {
	try {
		return fs.readlinkSync(`/proc/${pid}/cwd`).startsWith(path.resolve(baseDir) + path.sep);
	} catch {
		return false;
	}
}

/** The order a run stops in: workers and webhook processes, then main, then Redis and PostgreSQL. */
const stage = (name) => (name === 'postgres' || name === 'redis' ? 2 : name === 'main' ? 1 : 0);

/**
 * Stops the processes a run recorded in <baseDir>/pids.json, in the order the run itself stops them
 * (SIGTERM; SIGINT, fast shutdown, for PostgreSQL; SIGKILL after 15 s), then removes the folder.
 * Resolves with the names it stopped.
 */
async function stopLeftovers(baseDir) {
	const file = path.join(baseDir, 'pids.json');
	if (!fs.existsSync(file)) throw new Error(`[queue-env] ${file} not found: not a queue-mode base folder`);
	const recorded = Object.entries(JSON.parse(fs.readFileSync(file, 'utf8'))).filter(([, pid]) => pidAlive(pid) && belongsTo(pid, baseDir));
	const send = (pid, target, signal) => {
		try {
			process.kill(target, signal);
		} catch {
			/* already gone */
		}
	};
	for (const now of [0, 1, 2].map((which) => recorded.filter(([name]) => stage(name) === which))) {
		for (const [name, pid] of now) send(pid, name === 'postgres' ? pid : -pid, name === 'postgres' ? 'SIGINT' : 'SIGTERM');
		const deadline = Date.now() + 15000;
		while (now.some(([, pid]) => pidAlive(pid)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
		for (const [, pid] of now) if (pidAlive(pid)) send(pid, -pid, 'SIGKILL');
	}
	fs.rmSync(baseDir, { recursive: true, force: true });
	return recorded.map(([name]) => name);
}

module.exports = { startQueue, stopLeftovers, DEFAULT_OWNER };

function flag(args, name, fallback) {
	const index = args.indexOf(name);
	if (index < 0) return fallback;
	const value = Number(args[index + 1]);
	if (!Number.isInteger(value) || value < 0) throw new Error(`[queue-env] ${name} takes a whole number`);
	return value;
}

if (require.main === module) {
	const [cmd, ...args] = process.argv.slice(2);
	(async () => {
		if (cmd === 'start') {
			const cluster = await startQueue({ workers: flag(args, '--workers', 3), webhooks: flag(args, '--webhooks', 0) });
			process.stdout.write(
				[
					'',
					`  n8n editor (main):  ${cluster.url}   sign in with ${cluster.owner.email} / ${cluster.owner.password}`,
					`  production webhooks: ${cluster.webhookUrl}/webhook/…`,
					`  workers:            ${cluster.workers.map((worker) => `${worker.name} (pid ${worker.pid})`).join(', ')}`,
					`  PostgreSQL:         ${cluster.postgres.host}:${cluster.postgres.port} database ${cluster.postgres.database}, user ${cluster.postgres.user}`,
					`  Redis:              ${cluster.redis.host}:${cluster.redis.port}`,
					`  logs:               ${path.join(cluster.baseDir, 'logs')}`,
					'  Ctrl-C stops everything and removes the folder.',
					'',
				].join('\n'),
			);
			let stopping = false;
			const stop = async () => {
				if (stopping) return;
				stopping = true;
				process.stdout.write('[queue-env] stopping\n');
				await cluster.stop();
				process.exit(0);
			};
			process.on('SIGINT', () => void stop());
			process.on('SIGTERM', () => void stop());
		} else if (cmd === 'stop' && args[0]) {
			const stopped = await stopLeftovers(args[0]);
			process.stdout.write(`[queue-env] stopped: ${stopped.join(', ') || 'nothing was running'}\n`);
		} else {
			process.stderr.write('usage: node scripts/queue-env.js start [--workers N] [--webhooks N] | stop <base folder>\n');
			process.exit(2);
		}
	})().catch((error) => {
		process.stderr.write(`${error.message}\n`);
		process.exit(1);
	});
}
