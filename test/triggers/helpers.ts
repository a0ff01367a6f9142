/**
 * Runs the two trigger nodes the way n8n does, without n8n's server: the real n8n-core HookContext
 * (webhookMethods) and WebhookContext (webhook()), real credential authentication and HTTP helpers,
 * and a real HTTP listener standing in for n8n's /webhook and /webhook-test routes, so the simulator
 * delivers over the network. What n8n adds around the node is reproduced from its source (2.40):
 *  - activation: checkExists, then create when it returned false; deactivation: delete;
 *  - production requests get a fresh Workflow with the stored static data, saved after the call
 *    when it changed (LiveWebhooks); a failing webhook() still starts an execution (counted here);
 *  - "Listen for test event": checkExists/create in manual mode on the test URL with empty static
 *    data, the first emission ends listening and delete runs with the static data create left.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ExecutionLifecycleHooks, HookContext, WebhookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { LumaGenerateTrigger } from '../../nodes/LumaGenerateTrigger/LumaGenerateTrigger.node';
import { LumaTrigger } from '../../nodes/LumaTrigger/LumaTrigger.node';
import { createAdditionalData, ensureBinaryDataService, PACKAGE, TestCredentialsHelper } from '../helpers/n8n';

export type TriggerType = 'lumaTrigger' | 'lumaGenerateTrigger';

const NODE_CLASSES: Record<TriggerType, new () => INodeType> = {
	lumaTrigger: LumaTrigger,
	lumaGenerateTrigger: LumaGenerateTrigger,
};

class TriggerNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType>(
		Object.entries(NODE_CLASSES).map(([name, NodeClass]) => [`${PACKAGE}.${name}`, new NodeClass()]),
	);

	getByName(type: string): INodeType | IVersionedNodeType {
		return this.getByNameAndVersion(type);
	}

	getByNameAndVersion(type: string): INodeType {
		const nodeType = this.types.get(type);
		if (!nodeType) throw new Error(`Unknown node type ${type}`);
		return nodeType;
	}

	getKnownTypes() {
		return {};
	}
}

/** One request that reached the listener, and what it was answered. */
export interface Answered {
	mode: 'production' | 'test' | 'none';
	status: number;
	body: unknown;
	emitted: boolean;
}

export interface Emission {
	mode: 'production' | 'test';
	items: INodeExecutionData[];
	/** n8n starts an execution for an error thrown by webhook(); such runs are marked here. */
	failed?: string;
}

export interface TriggerHarnessOptions {
	type: TriggerType;
	parameters: IDataObject;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	nodeName?: string;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? {})) as T;

export class TriggerHarness {
	readonly node: INode;
	readonly emissions: Emission[] = [];
	readonly answered: Answered[] = [];
	/** The workflow's static data as n8n would have it in its database. */
	storedStaticData: IDataObject = {};
	/** Static data of the current "Listen for test event" session (undefined when not listening). */
	testStaticData: IDataObject | undefined;
	active = false;
	/** Errors thrown by webhookMethods (n8n shows them as activation errors). */
	readonly hookErrors: Error[] = [];

	private readonly nodeTypes = new TriggerNodeTypes();
	private readonly credentialsHelper = new TestCredentialsHelper();
	private server!: Server;
	baseUrl = '';
	private readonly workflowId = `wf-${randomUUID().slice(0, 8)}`;
	private readonly pending = new Set<Promise<void>>();

	private constructor(options: TriggerHarnessOptions) {
		this.credentialsHelper.credentials = options.credentials;
		this.node = {
			id: randomUUID(),
			name: options.nodeName ?? 'Trigger',
			type: `${PACKAGE}.${options.type}`,
			typeVersion: 1,
			position: [0, 0],
			webhookId: randomUUID(),
			parameters: clone(options.parameters) as INode['parameters'],
			credentials: Object.fromEntries(
				Object.keys(options.credentials).map((type) => [type, { id: `${type}-id`, name: `${type} test` }]),
			),
		};
	}

	static async start(options: TriggerHarnessOptions): Promise<TriggerHarness> {
		await ensureBinaryDataService();
		const harness = new TriggerHarness(options);
		harness.server = createServer((request, response) => {
			const handling = harness.handle(request, response).catch((error) => {
				if (!response.headersSent) response.writeHead(500);
				response.end(String(error));
			});
			harness.pending.add(handling);
			void handling.finally(() => harness.pending.delete(handling));
		});
		await new Promise<void>((resolve) => harness.server.listen(0, '127.0.0.1', resolve));
		harness.baseUrl = `http://127.0.0.1:${(harness.server.address() as AddressInfo).port}`;
		return harness;
	}

	setParameters(parameters: IDataObject) {
		this.node.parameters = clone(parameters) as INode['parameters'];
	}

	private get description(): IWebhookDescription {
		const nodeType = this.nodeTypes.getByNameAndVersion(this.node.type);
		return nodeType.description.webhooks![0];
	}

	get productionUrl(): string {
		return `${this.baseUrl}/webhook/${this.node.webhookId}/${this.description.path}`;
	}

	get testUrl(): string {
		return `${this.baseUrl}/webhook-test/${this.node.webhookId}/${this.description.path}`;
	}

	private additionalData(): IWorkflowExecuteAdditionalData {
		const hooks = new ExecutionLifecycleHooks('trigger', 'hook', {
			id: this.workflowId,
			name: 'trigger test',
			nodes: [this.node],
			connections: {},
			active: false,
			activeVersionId: null,
			isArchived: false,
			createdAt: new Date(),
			updatedAt: new Date(),
		} as never);
		return createAdditionalData(this.credentialsHelper, hooks, {
			webhookBaseUrl: `${this.baseUrl}/webhook`,
			webhookTestBaseUrl: `${this.baseUrl}/webhook-test`,
		});
	}

	private workflow(staticData: IDataObject): Workflow {
		return new Workflow({
			id: this.workflowId,
			name: 'trigger test',
			nodes: [this.node],
			connections: {},
			active: this.active,
			nodeTypes: this.nodeTypes,
			staticData,
			settings: { executionOrder: 'v1' },
		});
	}

	private webhookData(additionalData: IWorkflowExecuteAdditionalData, isTest: boolean): IWebhookData {
		return {
			httpMethod: 'POST',
			node: this.node.name,
			path: `${this.node.webhookId}/${this.description.path}`,
			webhookDescription: this.description,
			workflowId: this.workflowId,
			workflowExecuteAdditionalData: additionalData,
			webhookId: this.node.webhookId,
			isTest,
		};
	}

	/** Runs one webhookMethods function with a real HookContext; returns its result. */
	async runHook(
		method: 'checkExists' | 'create' | 'delete',
		{ test = false, staticData }: { test?: boolean; staticData: IDataObject },
	): Promise<{ result: boolean; staticData: IDataObject }> {
		const workflow = this.workflow(staticData);
		const additionalData = this.additionalData();
		const mode: WorkflowExecuteMode = test ? 'manual' : 'trigger';
		const activation: WorkflowActivateMode = test ? 'manual' : 'activate';
		const context = new HookContext(workflow, this.node, additionalData, mode, activation, this.webhookData(additionalData, test));
		const nodeType = this.nodeTypes.getByNameAndVersion(this.node.type);
		const fn = nodeType.webhookMethods!.default![method];
		const result = await fn.call(context);
		return { result, staticData: clone(workflow.staticData) };
	}

	/** Activation (production): checkExists, then create when needed; static data saved after. */
	async activate(): Promise<void> {
		try {
			const checked = await this.runHook('checkExists', { staticData: clone(this.storedStaticData) });
			let staticData = checked.staticData;
			if (!checked.result) staticData = (await this.runHook('create', { staticData })).staticData;
			this.storedStaticData = staticData;
			this.active = true;
		} catch (error) {
			this.hookErrors.push(error as Error);
			throw error;
		}
	}

	async deactivate(): Promise<boolean> {
		const { result, staticData } = await this.runHook('delete', { staticData: clone(this.storedStaticData) });
		this.storedStaticData = staticData;
		this.active = false;
		return result;
	}

	/** "Listen for test event": like TestWebhooks.needsWebhook, with empty static data. */
	async listenForTestEvent(): Promise<void> {
		const checked = await this.runHook('checkExists', { test: true, staticData: {} });
		let staticData = checked.staticData;
		if (!checked.result) staticData = (await this.runHook('create', { test: true, staticData })).staticData;
		this.testStaticData = staticData;
	}

	/** Ends test listening (after an emission, a timeout or a click on "stop"): delete. */
	async stopListening(): Promise<void> {
		if (!this.testStaticData) return;
		const staticData = this.testStaticData;
		this.testStaticData = undefined;
		await this.runHook('delete', { test: true, staticData });
	}

	private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of request) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks);
		const url = new URL(request.url ?? '/', this.baseUrl);
		const expectedPath = `/${this.node.webhookId}/${this.description.path}`;
		const mode =
			url.pathname === `/webhook${expectedPath}` && this.active
				? 'production'
				: url.pathname === `/webhook-test${expectedPath}` && this.testStaticData
					? 'test'
					: 'none';
		if (mode === 'none' || request.method !== 'POST') {
			response.writeHead(404, { 'content-type': 'application/json' });
			response.end(JSON.stringify({ code: 404, message: 'The requested webhook is not registered.' }));
			this.answered.push({ mode: 'none', status: 404, body: undefined, emitted: false });
			return;
		}

		let body: unknown = {};
		if (rawBody.length && /json/.test(String(request.headers['content-type'] ?? ''))) {
			try {
				body = JSON.parse(rawBody.toString('utf8'));
			} catch {
				response.writeHead(400);
				response.end('invalid JSON');
				return;
			}
		}
		const query: Record<string, string | string[]> = {};
		for (const [key, value] of url.searchParams) {
			const existing = query[key];
			query[key] = existing === undefined ? value : ([] as string[]).concat(existing, value);
		}
		Object.assign(request, { body, rawBody, query, params: {} });

		const staticData = mode === 'production' ? clone(this.storedStaticData) : {};
		const workflow = this.workflow(staticData);
		if (mode === 'test') workflow.setTestStaticData(this.testStaticData as never);
		const additionalData = this.additionalData();
		additionalData.httpRequest = request as never;
		additionalData.httpResponse = response as never;
		const context = new WebhookContext(
			workflow,
			this.node,
			additionalData,
			mode === 'test' ? 'manual' : 'webhook',
			this.webhookData(additionalData, mode === 'test'),
			[],
			null,
		);
		const nodeType = this.nodeTypes.getByNameAndVersion(this.node.type);
		let result: IWebhookResponseData;
		try {
			result = await nodeType.webhook!.call(context);
		} catch (error) {
			// n8n answers 500 and still starts a (failed) execution.
			if (!response.headersSent) {
				response.writeHead(500, { 'content-type': 'application/json' });
				response.end(JSON.stringify({ message: 'Error in workflow' }));
			}
			this.emissions.push({ mode, items: [], failed: (error as Error).message });
			this.answered.push({ mode, status: 500, body: undefined, emitted: true });
			return;
		}

		const emitted = result.workflowData !== undefined;
		if (emitted) this.emissions.push({ mode, items: result.workflowData![0] ?? [] });
		let answerBody: unknown;
		if (!response.headersSent && result.noWebhookResponse !== true) {
			answerBody = emitted
				? { message: 'Workflow was started' }
				: (result.webhookResponse ?? { message: 'Webhook call received' });
			response.writeHead(200, { 'content-type': 'application/json' });
			response.end(JSON.stringify(answerBody));
		}
		this.answered.push({ mode, status: response.statusCode, body: answerBody, emitted });

		if (mode === 'production' && (workflow.staticData as IDataObject & { __dataChanged?: boolean }).__dataChanged) {
			this.storedStaticData = clone(workflow.staticData);
		}
		// The first test event ends "Listen for test event"; n8n then deletes the test registration.
		if (mode === 'test' && emitted) await this.stopListening();
	}

	/** Resolves when every request received so far has been answered and processed. */
	async settle(): Promise<void> {
		while (this.pending.size) await Promise.allSettled([...this.pending]);
	}

	/** Items emitted (production + test), flattened. */
	emittedItems(mode?: 'production' | 'test'): INodeExecutionData[] {
		return this.emissions.filter((emission) => !mode || emission.mode === mode).flatMap((emission) => emission.items);
	}

	async close(): Promise<void> {
		await this.settle();
		this.server.closeAllConnections?.();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
}

/** POSTs JSON to a URL and returns the status and parsed body. */
export async function postJson(
	url: string,
	body: unknown,
	headers: Record<string, string> = {},
): Promise<{ status: number; body: any }> {
	const raw = typeof body === 'string' ? body : JSON.stringify(body);
	const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: raw });
	const text = await response.text();
	let parsed: unknown = text;
	try {
		parsed = JSON.parse(text);
	} catch {
		// keep text
	}
	return { status: response.status, body: parsed };
}

/** Polls until `check` returns true (for asynchronous deliveries); throws after `timeoutMs`. */
export async function waitUntil(check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
	const started = Date.now();
	while (!check()) {
		if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}
