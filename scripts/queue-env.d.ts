/**
 * Types of scripts/queue-env.js (implemented in scripts/n8n/queue.js) for TypeScript callers: the
 * e2e suite and benchmarks. Options and results are described in the README ("Queue mode").
 */

export interface QueueOwner {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

export interface QueueOptions {
	/** `n8n worker` processes (default 3). */
	workers?: number;
	/** `n8n webhook` processes behind a round-robin balancer (default 0: the main instance takes production webhooks). */
	webhooks?: number;
	/** `--concurrency` of each worker (default 10, n8n's default). */
	workerConcurrency?: number;
	/** Loopback port of the main instance (default: a free one); with no webhook processes, WEBHOOK_URL is http://127.0.0.1:<port>/. */
	port?: number;
	/** The n8n cache folder (default $N8N_CACHE_DIR or <repo>/.cache/n8n-<version>). */
	cacheDir?: string;
	/** Where everything of this run lives (default: a fresh <tmp>/luma-queue-XXXXXX). */
	baseDir?: string;
	/** Keep the base folder (logs, databases) after stop() or a failed start. */
	keep?: boolean;
	/** Extra environment for every n8n process (after the harness's own). */
	env?: Record<string, string>;
	/** The owner account created and signed in (default DEFAULT_OWNER). */
	owner?: QueueOwner;
	/** Imported with `n8n import:credentials` before the main instance starts. */
	credentials?: object[];
	/** Workflow files imported with one `n8n import:workflow --separate` before the main instance starts. */
	workflows?: string[];
	/** Workflow ids published through the editor's REST API once everything is up. */
	publish?: string[];
	/** No progress lines on stderr. */
	quiet?: boolean;
	/** Every chunk of console output of every process, by process name (main, worker-1, webhook-1, postgres, redis). */
	onOutput?: (name: string, chunk: string) => void;
	/** Readiness timeout per n8n process (default 180 s). */
	startTimeoutMs?: number;
}

export interface QueueProcess {
	/** main, worker-1 … worker-N, webhook-1 … */
	name: string;
	role: 'main' | 'worker' | 'webhook';
	pid: number;
	/** HTTP base URL (main and webhook processes). */
	url: string | undefined;
	/** The URL whose 200 made the harness call it ready. */
	readyUrl: string;
	userFolder: string;
	/** n8n's own JSON-lines log of this process (N8N_LOG_OUTPUT=file). */
	jsonLog: string;
	running(): boolean;
	/** SIGTERM (n8n's graceful shutdown), SIGKILL after 15 s; resolves once the process exited. */
	stop(): Promise<void>;
	/** The last 20,000 characters of its console output. */
	output(): string;
	exited: Promise<{ code: number | null; signal: string | null }>;
}

export interface StoredQueueExecution {
	id: number;
	workflowId: string;
	status: string;
	mode: string;
	finished: boolean;
}

/** One Bull job: an execution started, or a waiting execution resumed. */
export interface QueueJob {
	jobId: string;
	executionId: string;
	/** Name of the worker that logged "Worker started execution …" for this job. */
	worker: string | undefined;
	/** Every worker that logged starting this job (more than one: the job ran twice). */
	startedOn: string[];
	startedAt: string | undefined;
	finishedAt: string | undefined;
	/** The process that logged "Enqueued execution …": main, or the webhook process that took the request. */
	enqueuedBy: string | undefined;
	enqueuedAt: string | undefined;
	/** The worker host id the enqueuing process logged when the job finished ("worker-<hostname>" in a container: the same for all workers of one machine). */
	reportedBy: string | undefined;
}

export interface EditorSession {
	ownerCreated: boolean;
	activate(id: string): Promise<unknown>;
	deactivate(id: string): Promise<unknown>;
}

export interface QueueCluster {
	baseDir: string;
	/** The main instance (editor, REST API). */
	url: string;
	/** Where production webhooks and resume URLs point (WEBHOOK_URL): the main instance, or the balancer. */
	webhookUrl: string;
	encryptionKey: string;
	postgres: { host: string; port: number; user: string; password: string; database: string; pid: number };
	redis: { host: string; port: number; pid: number };
	main: QueueProcess;
	workers: QueueProcess[];
	webhooks: QueueProcess[];
	balancer: { url: string; port: number; counts: Record<string, number>; close(): Promise<void> } | undefined;
	/** Milliseconds per start-up phase. */
	durations: Record<string, number>;
	session: EditorSession;
	owner: QueueOwner;
	/** Adds one more worker (worker-<N+1>) and resolves when it is ready. */
	startWorker(): Promise<QueueProcess>;
	n8nCommand(
		args: string[],
		options?: { env?: Record<string, string>; timeoutMs?: number; input?: string },
	): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string; durationMs: number }>;
	importCredentials(credentials: object[]): Promise<unknown>;
	importWorkflows(files: string[]): Promise<void>;
	publish(id: string): Promise<unknown>;
	unpublish(id: string): Promise<unknown>;
	executions(workflowId?: string): Promise<StoredQueueExecution[]>;
	/** Run data (IRunExecutionData) per id, null where there is none. */
	executionData(executionIds: Array<number | string>): Promise<any[]>;
	jobs(executionId?: number | string): QueueJob[];
	stop(): Promise<void>;
}

export const DEFAULT_OWNER: QueueOwner;
export function startQueue(options?: QueueOptions): Promise<QueueCluster>;
export function stopLeftovers(baseDir: string): Promise<string[]>;
