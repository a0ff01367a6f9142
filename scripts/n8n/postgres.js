/**
 * A private PostgreSQL for one queue-mode run: a cluster made by initdb in <dir>/data, the server
 * on a loopback port of its own with its Unix socket in <dir> (not /var/run/postgresql), password
 * logins over TCP, one database. PostgreSQL refuses to run as root, so as root initdb and the
 * server are spawned with the uid/gid of the `postgres` user the Debian package creates: the
 * harness itself holds the postmaster's pid and stops exactly that process. The cluster is
 * throwaway, so fsync and friends are off. Queries go through psql and come back as JSON.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { execFile, execFileSync } = require('child_process');

const { spawnManaged, waitUntilReady } = require('./processes');

/** uid/gid to run PostgreSQL as: the `postgres` user when we are root, ourselves otherwise. */
function serverIds() {
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
	const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
	return { uid: id('-u'), gid: id('-g') };
}

function execFileAsync(file, args, options) {
	return new Promise((resolve, reject) => {
		execFile(file, args, { maxBuffer: 256 * 1024 * 1024, ...options }, (error, stdout, stderr) =>
			error ? reject(new Error(`${path.basename(file)} ${args.slice(0, 3).join(' ')} … failed: ${stderr || error.message}`)) : resolve(stdout),
		);
	});
}

/** Runs one SQL statement with psql (not blocking the event loop: a simulator may share it). */
function psql(server, sql, database = server.database) {
	return execFileAsync(
		path.join(server.bin, 'psql'),
		['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-h', server.host, '-p', String(server.port), '-U', server.user, '-d', database, '-c', sql],
		{ env: { ...process.env, PGPASSWORD: server.password, PGCONNECT_TIMEOUT: '5' } },
	);
}

/**
 * Starts the server and creates the database.
 * @param {{ dir: string, bin: string, port: number, password: string, user?: string, database?: string,
 *   logFile?: string, onOutput?: (chunk: string) => void, timeoutMs?: number }} options
 * @returns {Promise<{ host: string, port: number, user: string, password: string, database: string, dataDir: string,
 *   pid: number, running(): boolean, stop(): Promise<void>, output(): string, queryJson(sql: string): Promise<object[]> }>}
 */
async function startPostgres(options) {
	const ids = serverIds();
	const server = {
		bin: options.bin,
		host: '127.0.0.1',
		port: options.port,
		user: options.user || 'n8n',
		password: options.password,
		database: options.database || 'n8n',
	};
	fs.mkdirSync(options.dir, { recursive: true, mode: 0o700 });
	if (ids.uid !== undefined) fs.chownSync(options.dir, ids.uid, ids.gid);
	const dataDir = path.join(options.dir, 'data');
	const pwfile = path.join(options.dir, 'pwfile');
	fs.writeFileSync(pwfile, `${server.password}\n`, { mode: 0o600 });
	if (ids.uid !== undefined) fs.chownSync(pwfile, ids.uid, ids.gid);
	const env = { PATH: process.env.PATH || '', LC_ALL: 'C' };
	try {
		await execFileAsync(
			path.join(options.bin, 'initdb'),
			['-D', dataDir, '-U', server.user, `--pwfile=${pwfile}`, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-sync'],
			{ cwd: options.dir, env, ...ids },
		);
	} finally {
		fs.rmSync(pwfile, { force: true });
	}
	const settings = ['listen_addresses=127.0.0.1', 'fsync=off', 'synchronous_commit=off', 'full_page_writes=off'];
	const managed = spawnManaged(
		path.join(options.bin, 'postgres'),
		['-D', dataDir, '-p', String(server.port), '-k', options.dir, ...settings.flatMap((setting) => ['-c', setting])],
		// SIGINT is PostgreSQL's "fast" shutdown; only the postmaster is signalled, it stops its backends.
		{ cwd: options.dir, env, ...ids, stopSignal: 'SIGINT', signalGroup: false, logFile: options.logFile, onOutput: options.onOutput },
	);
	const where = `${server.host}:${server.port}`;
	await waitUntilReady(managed, () => psql(server, 'select 1', 'postgres').then(() => true, () => false), { label: 'PostgreSQL', where, timeoutMs: options.timeoutMs || 60000 });
	try {
		await psql(server, `create database "${server.database}"`, 'postgres');
	} catch (error) {
		await managed.stop();
		throw error;
	}
	return {
		host: server.host,
		port: server.port,
		user: server.user,
		password: server.password,
		database: server.database,
		dataDir,
		pid: managed.pid,
		running: managed.running,
		stop: managed.stop,
		output: managed.output,
		/** The rows of a SELECT, as JSON objects (column names as in the query). */
		async queryJson(sql) {
			return JSON.parse(await psql(server, `select coalesce(json_agg(t), '[]'::json) from (${sql}) t`));
		},
	};
}

module.exports = { startPostgres };
