/**
 * The Debian packages the queue-mode harness needs, installed when missing: `redis-server` and
 * `postgresql` (server binaries in /usr/lib/postgresql/<version>/bin, psql with them). Only the
 * binaries are used: the harness never starts, stops or configures the system-wide services these
 * packages set up (it runs its own instances, see postgres.js and redis.js).
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { execFile } = require('child_process');

const { log } = require('./config');

/** The newest PostgreSQL server bin folder (initdb, postgres, psql): Debian's layout first, then PATH. */
function findPostgresBin() {
	const debian = '/usr/lib/postgresql';
	const versions = fs.existsSync(debian)
		? fs
				.readdirSync(debian)
				.filter((name) => /^\d+$/.test(name))
				.sort((a, b) => Number(b) - Number(a))
				.map((name) => path.join(debian, name, 'bin'))
		: [];
	const onPath = (process.env.PATH || '').split(path.delimiter).filter(Boolean);
	return [...versions, ...onPath].find((dir) => ['initdb', 'postgres', 'psql'].every((bin) => fs.existsSync(path.join(dir, bin))));
}

function findRedisServer() {
	const dirs = [...(process.env.PATH || '').split(path.delimiter).filter(Boolean), '/usr/bin', '/usr/sbin'];
	return dirs.map((dir) => path.join(dir, 'redis-server')).find((file) => fs.existsSync(file));
}

function aptGet(args) {
	return new Promise((resolve, reject) => {
		// A parallel apt run (another worktree's harness) holds the dpkg lock: wait for it, not fail.
		const child = execFile('apt-get', ['-o', 'DPkg::Lock::Timeout=600', ...args], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
			error ? reject(Object.assign(error, { output: `${stdout}\n${stderr}` })) : resolve(),
		);
		child.stdin?.end();
	});
}

/**
 * Finds Redis and PostgreSQL, installing the Debian packages of the missing ones first (as root,
 * with `apt-get install -y`; `apt-get update` once when the package lists do not know them).
 * @param {{ quiet?: boolean }} [options]
 * @returns {Promise<{ redisServer: string, postgresBin: string, installed: string[], durationMs: number }>}
 */
async function ensureQueueServices(options = {}) {
	const started = Date.now();
	const missing = [];
	if (!findRedisServer()) missing.push('redis-server');
	if (!findPostgresBin()) missing.push('postgresql');
	if (missing.length > 0) {
		if (typeof process.getuid === 'function' && process.getuid() !== 0) {
			throw new Error(`[queue-env] ${missing.join(' and ')} missing; install them (apt-get install -y ${missing.join(' ')}) or run as root`);
		}
		log(options.quiet, `apt-get install -y ${missing.join(' ')} ...`, 'queue-env');
		try {
			await aptGet(['install', '-y', '--no-install-recommends', ...missing]);
		} catch (error) {
			if (!/Unable to locate package|has no installation candidate/.test(error.output || '')) throw new Error(`[queue-env] apt-get install ${missing.join(' ')} failed\n${(error.output || error.message).slice(-4000)}`);
			await aptGet(['update']);
			await aptGet(['install', '-y', '--no-install-recommends', ...missing]);
		}
	}
	const redisServer = findRedisServer();
	const postgresBin = findPostgresBin();
	if (!redisServer || !postgresBin) throw new Error(`[queue-env] after apt-get install: redis-server ${redisServer ? 'found' : 'missing'}, PostgreSQL ${postgresBin ? 'found' : 'missing'}`);
	return { redisServer, postgresBin, installed: missing, durationMs: Date.now() - started };
}

module.exports = { ensureQueueServices, findPostgresBin, findRedisServer };
