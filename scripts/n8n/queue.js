/**
 * n8n in queue mode, as teams run it when one process is not enough: a main instance (editor,
 * triggers, production and waiting webhooks), N `n8n worker` processes taking executions from a
 * Bull queue in Redis, optionally `n8n webhook` processes behind a round-robin balancer, all on
 * one PostgreSQL database and one encryption key, each process with its own user folder holding
 * this package as a community package. Redis and PostgreSQL are private instances (debian.js,
 * redis.js, postgres.js); everything lives in one base folder and every process is stopped by the
 * pid the harness holds, also when starting fails or the calling process exits.
 *
 * Executions are read from PostgreSQL with psql (the same tables the SQLite reader reads, no
 * owner session needed, works while the main instance is down); which worker ran which job comes
 * from the processes' own logs (records.js).
 */
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const { pathsFor, log } = require('./config');
const { ensureN8n } = require('./install');
const { n8nCommand, runChecked, freePort, spawnN8n } = require('./processes');
const userFolder = require('./userFolder');
const { editorSession } = require('./editor');
const { ensureQueueServices } = require('./debian');
const { startPostgres } = require('./postgres');
const { startRedis } = require('./redis');
const { startBalancer } = require('./balancer');
const { jobRecords } = require('./records');

const DEFAULT_OWNER = { email: 'queue@example.com', password: 'LumaQueue-2026!', firstName: 'Luma', lastName: 'Queue' };

/** Every process this module started and has not stopped yet: killed if the calling process exits first. */
const live = new Set();
process.on('exit', () => {
	for (const managed of live) {
		try {
			process.kill(-managed.pid, 'SIGKILL');
		} catch {
			/* already gone */
		}
	}
});

function track(managed) {
	live.add(managed);
	const stop = managed.stop;
	managed.stop = async () => {
		await stop();
		live.delete(managed);
	};
	return managed;
}

/**
 * Starts the whole queue-mode set-up; see the README ("Queue mode") for the options in use.
 * @param {{ workers?: number, webhooks?: number, workerConcurrency?: number, port?: number, cacheDir?: string, baseDir?: string,
 *   keep?: boolean, env?: Record<string,string>, owner?: object, credentials?: object[], workflows?: string[],
 *   publish?: string[], quiet?: boolean, onOutput?: (name: string, chunk: string) => void, startTimeoutMs?: number }} [options]
 */
async function startQueue(options = {}) {
	const quiet = !!options.quiet;
	const say = (message) => log(quiet, message, 'queue-env');
	const durations = {};
	const timed = async (label, work) => {
		const started = Date.now();
		const result = await work();
		durations[label] = Date.now() - started;
		return result;
	};
	// What was started, by stage: the n8n processes of one stage stop together, later stages first
	// (balancer, then workers and webhook processes, then main, then Redis and PostgreSQL).
	const stoppers = [];
	const stopAll = async () => {
		for (const stage of [...new Set(stoppers.map((entry) => entry.stage))].sort((a, b) => b - a)) {
			const now = stoppers.filter((entry) => entry.stage === stage);
			await Promise.allSettled(now.map((entry) => entry.stop()));
			for (const entry of now) stoppers.splice(stoppers.indexOf(entry), 1);
		}
	};
	const STAGE = { services: 0, main: 1, worker: 2, webhook: 2, balancer: 3 };
	await timed('n8n install (or cache check)', () => ensureN8n({ cacheDir: options.cacheDir, quiet }));
	const services = await timed('apt install (or check)', () => ensureQueueServices({ quiet }));
	const baseDir = options.baseDir || fs.mkdtempSync(path.join(os.tmpdir(), 'luma-queue-'));
	try {
		fs.mkdirSync(baseDir, { recursive: true });
		// PostgreSQL runs as its own user and must reach <baseDir>/postgres: traversable, not listable.
		fs.chmodSync(baseDir, 0o711);
		const logs = path.join(baseDir, 'logs');
		fs.mkdirSync(logs, { recursive: true });
		const pids = path.join(baseDir, 'pids.json');
		const recordPid = (name, pid) => {
			const known = fs.existsSync(pids) ? JSON.parse(fs.readFileSync(pids, 'utf8')) : {};
			fs.writeFileSync(pids, JSON.stringify({ ...known, [name]: pid }, null, 2) + '\n');
		};
		const output = (name) => (options.onOutput ? (chunk) => options.onOutput(name, chunk) : undefined);

		say(`starting PostgreSQL and Redis in ${baseDir}`);
		const [postgres, redis] = await timed('postgres + redis start', async () => {
			const [pgPort, redisPort] = [await freePort(), await freePort()];
			const started = await Promise.allSettled([
				startPostgres({ dir: path.join(baseDir, 'postgres'), bin: services.postgresBin, port: pgPort, password: crypto.randomBytes(16).toString('hex'), logFile: path.join(logs, 'postgres.log'), onOutput: output('postgres') }),
				startRedis({ dir: path.join(baseDir, 'redis'), bin: services.redisServer, port: redisPort, logFile: path.join(logs, 'redis.log'), onOutput: output('redis') }),
			]);
			for (const result of started) if (result.status === 'fulfilled') stoppers.push({ stage: STAGE.services, stop: track(result.value).stop });
			const failed = started.find((result) => result.status === 'rejected');
			if (failed) throw failed.reason;
			return started.map((result) => result.value);
		});
		recordPid('postgres', postgres.pid);
		recordPid('redis', redis.pid);

		const mainPort = options.port || (await freePort());
		const url = `http://127.0.0.1:${mainPort}`;
		const webhookCount = options.webhooks || 0;
		const balancerPort = webhookCount > 0 ? await freePort() : undefined;
		const webhookUrl = balancerPort ? `http://127.0.0.1:${balancerPort}` : url;
		const encryptionKey = crypto.randomBytes(24).toString('hex');
		const shared = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: redis.host,
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: postgres.host,
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: postgres.password,
			N8N_ENCRYPTION_KEY: encryptionKey,
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			N8N_HOST: '127.0.0.1',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			WEBHOOK_URL: `${webhookUrl}/`,
			N8N_EDITOR_BASE_URL: `${url}/`,
			...(options.env || {}),
		};
		const folder = (name) => {
			const dir = path.join(baseDir, 'n8n', name);
			fs.mkdirSync(dir, { recursive: true });
			userFolder.installPackage(dir);
			return dir;
		};
		const mainFolder = folder('main');
		const cli = { env: shared, cacheDir: options.cacheDir };
		/** All workflow files in one `n8n import:workflow --separate` (each n8n CLI start costs seconds). */
		const importWorkflows = async (files) => {
			const dir = fs.mkdtempSync(path.join(baseDir, 'import-'));
			files.forEach((file, index) => fs.copyFileSync(file, path.join(dir, `${index}-${path.basename(file)}`)));
			await runChecked(mainFolder, ['import:workflow', '--separate', `--input=${dir}`], cli);
			fs.rmSync(dir, { recursive: true, force: true });
		};

		if (options.credentials || options.workflows) {
			await timed('import before start (n8n CLI)', async () => {
				if (options.credentials) await userFolder.importCredentials(mainFolder, options.credentials, cli);
				if (options.workflows && options.workflows.length > 0) await importWorkflows(options.workflows);
			});
		}

		/** Starts one n8n process; its console goes to logs/<name>.log, its JSON log to logs/<name>.jsonl. */
		const startProcess = async (name, role, args, port, readyUrl, env) => {
			const dir = role === 'main' ? mainFolder : folder(name);
			const jsonLog = path.join(logs, `${name}.jsonl`);
			const managed = track(
				await spawnN8n({
					userFolder: dir,
					args,
					env: {
						...shared,
						N8N_LOG_OUTPUT: 'console,file',
						N8N_LOG_FILE_LOCATION: jsonLog,
						...env,
					},
					readyUrl,
					label: `n8n ${args[0]} (${name})`,
					cacheDir: options.cacheDir,
					startTimeoutMs: options.startTimeoutMs,
					logFile: path.join(logs, `${name}.log`),
					onOutput: output(name),
				}),
			);
			stoppers.push({ stage: STAGE[role], stop: managed.stop });
			recordPid(name, managed.pid);
			return { name, role, pid: managed.pid, url: port ? `http://127.0.0.1:${port}` : undefined, readyUrl, userFolder: dir, jsonLog, running: managed.running, stop: managed.stop, output: managed.output, exited: managed.exited };
		};

		say(`starting the n8n main instance on ${url}`);
		const main = await timed('n8n main ready', () =>
			startProcess('main', 'main', ['start'], mainPort, `${url}/healthz/readiness`, {
				N8N_PORT: String(mainPort),
				...(webhookCount > 0 ? { N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' } : {}),
			}),
		);

		const workers = [];
		const startWorker = async () => {
			const name = `worker-${workers.length + 1}`;
			const slot = workers.push(undefined) - 1;
			const healthPort = await freePort();
			workers[slot] = await startProcess(name, 'worker', ['worker', `--concurrency=${options.workerConcurrency || 10}`], undefined, `http://127.0.0.1:${healthPort}/healthz/readiness`, {
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(healthPort),
				N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			});
			return workers[slot];
		};
		const webhooks = [];
		const startWebhook = async () => {
			const name = `webhook-${webhooks.length + 1}`;
			const slot = webhooks.push(undefined) - 1;
			const port = await freePort();
			webhooks[slot] = await startProcess(name, 'webhook', ['webhook'], port, `http://127.0.0.1:${port}/healthz/readiness`, { N8N_PORT: String(port) });
			return webhooks[slot];
		};
		say(`starting ${options.workers ?? 3} worker(s)${webhookCount ? ` and ${webhookCount} webhook process(es)` : ''}`);
		await timed('n8n workers ready', async () => {
			const starts = [
				...Array.from({ length: options.workers ?? 3 }, () => startWorker()),
				...Array.from({ length: webhookCount }, () => startWebhook()),
			];
			const settled = await Promise.allSettled(starts);
			const failed = settled.find((result) => result.status === 'rejected');
			if (failed) throw failed.reason;
		});
		let balancer;
		if (balancerPort) {
			balancer = await startBalancer(balancerPort, () => webhooks.filter((hook) => hook && hook.running()).map((hook) => hook.url));
			stoppers.push({ stage: STAGE.balancer, stop: balancer.close });
		}

		const session = await timed('owner sign-in', () => editorSession(url, options.owner || DEFAULT_OWNER));
		if (options.publish && options.publish.length > 0) {
			await timed('publish (editor REST)', async () => {
				for (const id of options.publish) await session.activate(id);
			});
		}
		say(`ready: main ${url}, webhooks ${webhookUrl}, ${workers.length} worker(s) (${Object.entries(durations).map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`).join(', ')})`);

		const flatted = require(path.join(pathsFor(options.cacheDir).n8nPrefix, 'node_modules', 'flatted'));
		const cluster = {
			baseDir,
			url,
			webhookUrl,
			encryptionKey,
			postgres: { host: postgres.host, port: postgres.port, user: postgres.user, password: postgres.password, database: postgres.database, pid: postgres.pid },
			redis: { host: redis.host, port: redis.port, pid: redis.pid },
			main,
			workers,
			webhooks,
			balancer,
			durations,
			session,
			owner: options.owner || DEFAULT_OWNER,
			startWorker,
			/** The n8n CLI against this cluster's database (in the main instance's user folder). */
			n8nCommand: (args, commandOptions = {}) => n8nCommand(mainFolder, args, { ...cli, ...commandOptions, env: { ...shared, ...(commandOptions.env || {}) } }),
			importCredentials: (credentials) => userFolder.importCredentials(mainFolder, credentials, cli),
			importWorkflows,
			/** Publishes a workflow in the running cluster, as the editor's "Publish" does (the main instance registers its triggers). */
			publish: (id) => session.activate(id),
			unpublish: (id) => session.deactivate(id),
			/** Stored executions (id, workflowId, status, mode, finished), oldest first; optionally of one workflow. */
			async executions(workflowId) {
				const rows = await postgres.queryJson('select id, "workflowId", status, mode, finished from execution_entity order by id');
				return workflowId === undefined ? rows : rows.filter((row) => row.workflowId === workflowId);
			},
			/** The run data of stored executions (flatted-decoded), in the order of `executionIds`; null where missing. */
			async executionData(executionIds) {
				const ids = executionIds.map((id) => Number(id)).filter((id) => Number.isInteger(id));
				if (ids.length === 0) return executionIds.map(() => null);
				const rows = await postgres.queryJson(`select "executionId", data from execution_data where "executionId" in (${ids.join(',')})`);
				const byId = new Map(rows.map((row) => [String(row.executionId), flatted.parse(row.data)]));
				return executionIds.map((id) => byId.get(String(id)) ?? null);
			},
			/** One record per queue job (see records.js), optionally only those of one execution. */
			jobs(executionId) {
				const all = jobRecords([main, ...webhooks.filter(Boolean)], workers.filter(Boolean));
				return executionId === undefined ? all : all.filter((record) => record.executionId === String(executionId));
			},
			/** Stops everything this run started (webhooks, workers, main, Redis, PostgreSQL), then removes the base folder unless `keep`. */
			async stop() {
				await stopAll();
				if (!options.keep) fs.rmSync(baseDir, { recursive: true, force: true });
			},
		};
		return cluster;
	} catch (error) {
		await stopAll();
		if (!options.keep) fs.rmSync(baseDir, { recursive: true, force: true });
		throw error;
	}
}

module.exports = { startQueue, DEFAULT_OWNER };
