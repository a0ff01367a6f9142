/**
 * Test support for the Luma Generate node: a Dream Machine simulator on scaled time, fast node
 * timings, and a stand-in for n8n's waiting-webhook endpoint (`/webhook-waiting/:executionId`) that
 * does what n8n 2.40's WaitingWebhooks + WebhookHelpers.executeWebhook do for a waiting execution:
 * check the resume token, run the node's webhook() in a WebhookContext built from the saved run
 * data, and resume the execution with WorkflowExecute when webhook() returns items.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { ExecutionLifecycleHooks, WebhookContext, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	IRun,
	IRunExecutionData,
	IWebhookData,
	IWebhookResponseData,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { callbackWebhooks } from '../../nodes/LumaGenerate/engine/callback';
import { configurePolling } from '../../nodes/LumaGenerate/engine/waiting';
import { resetScheduler } from '../../nodes/shared/scheduler';
import { configureTransport } from '../../nodes/shared/transport';
import { createAdditionalData, runWorkflow, TestCredentialsHelper, type WorkflowNodeSpec, type WorkflowRun } from '../helpers/n8n';
import type { DreamMachineOptions } from '../simulator/dream-machine';
import { startDreamMachine } from '../simulator/dream-machine/testServer';

export const NODE = 'Luma Generate';

export type GenerateSim = Awaited<ReturnType<typeof startGenerateSim>>;

/**
 * The Dream Machine simulator at timeScale 0.01: a video is 20 ms queued + 300 ms dreaming, an
 * image 10 + 60 ms, Luma's one-minute rate window 600 ms.
 */
export async function startGenerateSim(options: DreamMachineOptions = {}, timeScale = 0.01) {
	const { simulator, server } = await startDreamMachine(options, timeScale);
	return {
		simulator,
		baseUrl: server.baseUrl,
		credentials: (extra: IDataObject = {}): Record<string, ICredentialDataDecryptedObject> => ({
			lumaLabsApi: { apiKey: 'test-key', baseUrl: server.baseUrl, plan: 'build', ...extra },
		}),
		close: () => server.close(),
	};
}

/** Node and transport timings matching the scaled simulator (call in beforeEach). */
export function useFastTimings() {
	resetScheduler();
	configureTransport({ windowMs: 600, eventsLockoutMs: 600, backoffBaseMs: 10, backoffCapMs: 200, requestTimeoutMs: 10_000 });
	configurePolling({ firstIntervalMs: { image: 5, video: 10 }, maxIntervalMs: { image: 20, video: 40 } });
}

export function restoreTimings() {
	configureTransport('defaults');
	configurePolling('defaults');
	resetScheduler();
}

export function generateNode(parameters: IDataObject, extra: Partial<WorkflowNodeSpec> = {}): WorkflowNodeSpec {
	return { name: NODE, type: 'lumaGenerate', parameters, ...extra };
}

/** Runs one Luma Generate node; returns its items or throws its error. */
export async function runGenerate(
	sim: GenerateSim,
	parameters: IDataObject,
	{ input, continueOnFail, credentials }: { input?: IDataObject[]; continueOnFail?: boolean; credentials?: IDataObject } = {},
): Promise<INodeExecutionData[]> {
	const result = await runWorkflow({
		nodes: [generateNode(parameters, { continueOnFail })],
		credentials: sim.credentials(credentials),
		input,
	});
	const error = result.error(NODE) ?? result.error();
	if (error) throw error;
	return result.output(NODE);
}

/** The error a Luma Generate run stopped with (fails the test if it did not fail). */
export async function runGenerateError(sim: GenerateSim, parameters: IDataObject, input?: IDataObject[]) {
	const result = await runWorkflow({ nodes: [generateNode(parameters)], credentials: sim.credentials(), input });
	const error = result.error(NODE) ?? result.error();
	if (!error) throw new Error(`expected the node to fail, it returned ${JSON.stringify(result.output(NODE).map((i) => i.json))}`);
	return error;
}

// ---- n8n's waiting webhooks, in process ----------------------------------------------------

interface WaitingExecution {
	executionId: string;
	workflow: Workflow;
	mode: WorkflowExecuteMode;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** The execution as saved when it went to "waiting" (every call starts from a copy, like a DB load). */
	saved: IRunExecutionData;
	status: 'waiting' | 'running' | 'finished';
	resumed?: Promise<IRun>;
}

export interface Delivery {
	status: number;
	body: unknown;
	resumed: boolean;
}

/** Express-like response object for WebhookContext.getResponseObject(). */
function fakeResponse() {
	const captured: { status?: number; body?: unknown } = {};
	const res = {
		headersSent: false,
		status(code: number) {
			captured.status = code;
			return res;
		},
		json(body: unknown) {
			captured.body = body;
			res.headersSent = true;
			return res;
		},
		send(body: unknown) {
			return res.json(body);
		},
		end() {
			res.headersSent = true;
			return res;
		},
		setHeader: () => res,
	};
	return { res, captured };
}

function credentialsHelperFor(credentials: Record<string, ICredentialDataDecryptedObject>) {
	const helper = new TestCredentialsHelper();
	helper.credentials = credentials;
	return helper;
}

async function continueExecution(execution: WaitingExecution, data: IRunExecutionData): Promise<IRun> {
	const hooks = new ExecutionLifecycleHooks(execution.mode, execution.executionId, {
		id: execution.workflow.id,
		name: 'test',
		nodes: Object.values(execution.workflow.nodes),
		connections: execution.workflow.connectionsBySourceNode,
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	const additionalData = createAdditionalData(credentialsHelperFor(execution.credentials), hooks, {
		executionId: execution.executionId,
	});
	return await new WorkflowExecute(additionalData, execution.mode, data).processRunExecutionData(execution.workflow);
}

export async function startWaitingWebhooks() {
	const executions = new Map<string, WaitingExecution>();
	const deliveries: Delivery[] = [];

	/** One request to `/webhook-waiting/<executionId>?signature=...`, as n8n handles it. */
	async function deliver(executionId: string, query: IDataObject, body: unknown): Promise<Delivery> {
		const execution = executions.get(executionId);
		if (!execution) return { status: 404, body: { message: 'unknown execution' }, resumed: false };
		if (query.signature !== execution.saved.resumeToken) return { status: 401, body: { error: 'Invalid token' }, resumed: false };
		if (execution.status !== 'waiting') {
			return { status: 409, body: { message: `The execution "${executionId}" is ${execution.status} already.` }, resumed: false };
		}
		// WaitingWebhooks.getWebhookExecutionData: disable the node, clear waitTill, drop the waiting run.
		const data = structuredClone(execution.saved);
		const stackEntry = data.executionData!.nodeExecutionStack[0];
		stackEntry.node.disabled = true;
		data.waitTill = undefined;
		const lastNode = data.resultData.lastNodeExecuted!;
		data.resultData.runData[lastNode].pop();

		const node = execution.workflow.getNode(lastNode)!;
		const { res, captured } = fakeResponse();
		const hooks = new ExecutionLifecycleHooks(execution.mode, executionId, {} as never);
		const additionalData = createAdditionalData(credentialsHelperFor(execution.credentials), hooks, {
			executionId,
			httpRequest: { body, query, headers: { 'content-type': 'application/json' }, params: {} } as never,
			httpResponse: res as never,
		});
		const webhookData: IWebhookData = {
			httpMethod: 'POST',
			node: node.name,
			path: '',
			webhookDescription: callbackWebhooks[0],
			workflowId: execution.workflow.id,
			workflowExecuteAdditionalData: additionalData,
		};
		const context = new WebhookContext(execution.workflow, node, additionalData, execution.mode, webhookData, [], data);
		const nodeType = execution.workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		let result: IWebhookResponseData;
		try {
			result = await nodeType.webhook!.call(context);
		} catch (error) {
			// n8n would resume the workflow with an error here: the node must never get there.
			return { status: 500, body: { message: (error as Error).message, thrown: true }, resumed: false };
		}
		if (result.noWebhookResponse) return { status: captured.status ?? 200, body: captured.body, resumed: false };
		if (!result.workflowData) return { status: 200, body: result.webhookResponse ?? { message: 'Webhook call received' }, resumed: false };

		// WebhookHelpers.prepareExecutionData + WorkflowRunner. n8n moves the execution from "waiting" to
		// "running" with a conditional update: of two callbacks deciding to resume at once, one wins.
		if (execution.status !== 'waiting') {
			return { status: 409, body: { message: `The execution "${executionId}" is already resuming.` }, resumed: false };
		}
		execution.status = 'running';
		stackEntry.data.main = result.workflowData;
		stackEntry.metadata = { ...stackEntry.metadata, forwardAllOutputs: true };
		execution.resumed = continueExecution(execution, data).finally(() => (execution.status = 'finished'));
		return { status: 200, body: { message: 'Workflow was started' }, resumed: true };
	}

	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			void (async () => {
				const url = new URL(req.url ?? '/', 'http://localhost');
				const [, prefix, executionId] = url.pathname.split('/');
				let delivery: Delivery;
				if (prefix !== 'webhook-waiting' || req.method !== 'POST') {
					delivery = { status: 404, body: {}, resumed: false };
				} else {
					const text = Buffer.concat(chunks).toString('utf8');
					delivery = await deliver(executionId, Object.fromEntries(url.searchParams), text ? JSON.parse(text) : {});
				}
				deliveries.push(delivery);
				res.writeHead(delivery.status, { 'content-type': 'application/json' });
				res.end(JSON.stringify(delivery.body ?? {}));
			})();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook-waiting`;

	return {
		baseUrl,
		deliveries,
		/** Registers a run that ended in "waiting" (the part of n8n that saves it). */
		register(run: WorkflowRun, executionId: string, credentials: Record<string, ICredentialDataDecryptedObject>) {
			if (run.run.status !== 'waiting') throw new Error(`execution is ${run.run.status}, not waiting`);
			const execution: WaitingExecution = {
				executionId,
				workflow: run.workflow,
				mode: run.run.mode,
				credentials,
				saved: structuredClone(run.run.data),
				status: 'waiting',
			};
			executions.set(executionId, execution);
			return execution;
		},
		deliver,
		/** Resolves with the resumed run once a callback resumed the execution. */
		async resumed(executionId: string, timeoutMs = 10_000): Promise<IRun> {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const execution = executions.get(executionId);
				if (execution?.resumed) return await execution.resumed;
				if (Date.now() > deadline) throw new Error(`execution ${executionId} was not resumed within ${timeoutMs} ms`);
				await new Promise((resolve) => setTimeout(resolve, 5));
			}
		},
		/** What n8n's WaitTracker does when waitTill passes: run the saved execution on. */
		async timeOut(executionId: string): Promise<IRun> {
			const execution = executions.get(executionId)!;
			execution.status = 'running';
			return await continueExecution(execution, structuredClone(execution.saved)).finally(() => (execution.status = 'finished'));
		},
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** Output items of a node's last run in an IRun. */
export function outputOf(run: IRun, nodeName = NODE): INodeExecutionData[] {
	const runs = run.data.resultData.runData[nodeName];
	return runs?.[runs.length - 1]?.data?.main?.[0] ?? [];
}

/** Resolves once `predicate` holds. */
export async function until(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!predicate()) {
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}
