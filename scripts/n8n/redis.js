/**
 * A private Redis for one queue-mode run (n8n's job queue): `redis-server` on a loopback port of
 * its own, working folder <dir>, nothing persisted (no RDB snapshots, no AOF), run in the
 * foreground so the harness holds its pid; ready once it answers PING.
 */
'use strict';

const fs = require('fs');
const net = require('net');

const { spawnManaged, waitUntilReady } = require('./processes');

function answersPing(port) {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		let reply = '';
		const done = (ok) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(2000, () => done(false));
		socket.on('error', () => done(false));
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			reply += chunk;
			if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
		});
	});
}

/**
 * @param {{ dir: string, bin: string, port: number, logFile?: string, onOutput?: (chunk: string) => void, timeoutMs?: number }} options
 * @returns {Promise<{ host: string, port: number, pid: number, running(): boolean, stop(): Promise<void>, output(): string }>}
 */
async function startRedis(options) {
	fs.mkdirSync(options.dir, { recursive: true });
	const args = ['--port', String(options.port), '--bind', '127.0.0.1', '--dir', options.dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--logfile', ''];
	const managed = spawnManaged(options.bin, args, { cwd: options.dir, env: { PATH: process.env.PATH || '' }, logFile: options.logFile, onOutput: options.onOutput });
	await waitUntilReady(managed, () => answersPing(options.port), { label: 'Redis', where: `127.0.0.1:${options.port}`, timeoutMs: options.timeoutMs || 30000 });
	return { host: '127.0.0.1', port: options.port, pid: managed.pid, running: managed.running, stop: managed.stop, output: managed.output };
}

module.exports = { startRedis };
