/**
 * In-process n8n execution: runs a real workflow with n8n-core's WorkflowExecute, the node classes
 * compiled from source (ts-jest), real expressions, real credential authentication and n8n's real
 * HTTP helpers, against whatever server the credentials point at (the simulator).
 */
import { Container } from '@n8n/di';
import { BinaryDataConfig, BinaryDataService, ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteData,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
	IConnections,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, ICredentialsHelper, Workflow } from 'n8n-workflow';

import { credentialTypes as listedCredentialTypes, nodeClasses } from './nodeClasses';

export const PACKAGE = 'n8n-nodes-luma-suite';

/** Every credential type the package lists (package.json), by name. */
const credentialTypes: Record<string, ICredentialType> = Object.fromEntries(listedCredentialTypes().map((type) => [type.name, type]));

class TestNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType>();

	constructor(extra: Record<string, INodeType> = {}) {
		for (const [name, NodeClass] of Object.entries(nodeClasses())) {
			this.types.set(`${PACKAGE}.${name}`, new NodeClass());
		}
		for (const [name, nodeType] of Object.entries(extra)) this.types.set(`${PACKAGE}.${name}`, nodeType);
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		return this.getByNameAndVersion(nodeType);
	}

	getByNameAndVersion(nodeType: string): INodeType {
		const type = this.types.get(nodeType);
		if (!type) throw new Error(`Unknown node type ${nodeType}`);
		return type;
	}

	getKnownTypes() {
		return {};
	}
}

/**
 * Resolves `{{$credentials.x}}` in a generic credential's `authenticate` block the way n8n does for
 * the simple expressions our credentials use (the real n8n e2e suite covers n8n's own resolver).
 */
function resolveCredentialExpression(template: string, credentials: ICredentialDataDecryptedObject): string {
	const body = template.startsWith('=') ? template.slice(1) : template;
	return body.replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_, name: string) => String(credentials[name] ?? ''));
}

export class TestCredentialsHelper extends ICredentialsHelper {
	credentials: Record<string, ICredentialDataDecryptedObject> = {};

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const type = credentialTypes[typeName];
		const auth = type?.authenticate;
		if (!auth) return requestOptions;
		// As n8n's credentials helper: a function sets what it needs itself.
		if (typeof auth === 'function') return await auth.call(type, credentials, requestOptions);
		const headers = { ...(requestOptions.headers ?? {}) } as IDataObject;
		for (const [name, value] of Object.entries(auth.properties.headers ?? {})) {
			headers[name] = resolveCredentialExpression(String(value), credentials);
		}
		return { ...requestOptions, headers };
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used in tests');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.credentials[type];
		if (!data) throw new Error(`No test credentials of type ${type}`);
		return { ...data };
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties() {
		return [];
	}
}

let binaryDataReady: Promise<void> | undefined;

/** n8n-core keeps binary data through a DI service; the in-memory mode is enough for tests. */
export async function ensureBinaryDataService() {
	binaryDataReady ??= (async () => {
		const config = Container.get(BinaryDataConfig);
		config.mode = 'default';
		config.availableModes = ['default'];
		await Container.get(BinaryDataService).init();
	})();
	await binaryDataReady;
}

/** additionalData with the fields node execution uses; anything else is a harmless no-op. */
export function createAdditionalData(
	credentialsHelper: ICredentialsHelper,
	hooks: ExecutionLifecycleHooks,
	extra: Partial<IWorkflowExecuteAdditionalData> = {},
): IWorkflowExecuteAdditionalData {
	const base: Partial<IWorkflowExecuteAdditionalData> = {
		credentialsHelper,
		hooks,
		executionId: extra.executionId ?? 'test-execution',
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		formBaseUrl: 'http://localhost:5678/form',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		formTestBaseUrl: 'http://localhost:5678/form-test',
		mcpBaseUrl: 'http://localhost:5678/mcp',
		mcpTestBaseUrl: 'http://localhost:5678/mcp-test',
		variables: {},
		currentNodeExecutionIndex: 0,
		logAiEvent: () => undefined,
		setExecutionStatus: () => undefined,
		sendDataToUI: () => undefined,
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not available in the test harness');
		},
		...extra,
	};
	return base as IWorkflowExecuteAdditionalData;
}

export interface WorkflowNodeSpec {
	name: string;
	/** Short type: 'luma', 'lumaGenerate', ... (package prefix added). */
	type: string;
	parameters: IDataObject;
	continueOnFail?: boolean;
	typeVersion?: number;
}

export interface RunWorkflowOptions {
	/** Nodes in order; unless `connections` is given they are chained first → last. */
	nodes: WorkflowNodeSpec[];
	connections?: IConnections;
	/** Credentials by type: { lumaApi: { apiKey, baseUrl, keyType } }. */
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** Items fed into the first node. */
	input?: IDataObject[] | INodeExecutionData[];
	mode?: WorkflowExecuteMode;
	/** Cancel the execution after this many ms (tests of cancellation). */
	cancelAfterMs?: number;
	additionalData?: Partial<IWorkflowExecuteAdditionalData>;
	/** Test-only node types by short name (e.g. a probe that calls the transport directly). */
	extraNodeTypes?: Record<string, INodeType>;
}

export interface WorkflowRun {
	run: IRun;
	/** Output items (main output 0) of a node's last run. */
	output(nodeName: string): INodeExecutionData[];
	/** The error a node stopped with, if any. */
	error(nodeName?: string): (Error & { description?: string; httpCode?: string; context?: IDataObject }) | undefined;
	workflow: Workflow;
}

let executionCounter = 0;

export async function runWorkflow(options: RunWorkflowOptions): Promise<WorkflowRun> {
	await ensureBinaryDataService();
	const nodeTypes = new TestNodeTypes(options.extraNodeTypes);
	const credentialsHelper = new TestCredentialsHelper();
	credentialsHelper.credentials = options.credentials;

	const nodes: INode[] = options.nodes.map((spec, index) => ({
		id: `node-${index}`,
		name: spec.name,
		type: `${PACKAGE}.${spec.type}`,
		typeVersion: spec.typeVersion ?? 1,
		position: [index * 200, 0],
		parameters: spec.parameters as INode['parameters'],
		continueOnFail: spec.continueOnFail,
		credentials: Object.fromEntries(
			Object.keys(options.credentials).map((type) => [type, { id: `${type}-id`, name: `${type} test` }]),
		),
	}));
	const connections: IConnections =
		options.connections ??
		Object.fromEntries(
			nodes.slice(0, -1).map((node, index) => [
				node.name,
				{ main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] },
			]),
		);

	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'test',
		nodes,
		connections,
		nodeTypes,
		active: false,
		settings: { executionOrder: 'v1' },
	});

	const executionId = `exec-${++executionCounter}`;
	const hooks = new ExecutionLifecycleHooks(options.mode ?? 'manual', executionId, {
		id: 'test-workflow',
		name: 'test',
		nodes,
		connections,
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	let reportFinished: (run: IRun) => void = () => undefined;
	const finished = new Promise<IRun>((resolve) => (reportFinished = resolve));
	hooks.addHandler('workflowExecuteAfter', (fullRunData) => reportFinished(fullRunData));

	const additionalData = createAdditionalData(credentialsHelper, hooks, {
		executionId,
		...options.additionalData,
	});

	const input = (options.input ?? [{}]).map((entry) =>
		'json' in (entry as object) ? (entry as INodeExecutionData) : { json: entry as IDataObject },
	);
	const startNode = nodes[0];
	const stack: IExecuteData[] = [{ node: startNode, data: { main: [input] }, source: null }];
	const runExecutionData = createRunExecutionData({ executionData: { nodeExecutionStack: stack } });

	const execution = new WorkflowExecute(additionalData, options.mode ?? 'manual', runExecutionData);
	const promise = execution.processRunExecutionData(workflow);
	if (options.cancelAfterMs !== undefined) {
		const timer = setTimeout(() => promise.cancel(), options.cancelAfterMs);
		promise.finally(() => clearTimeout(timer)).catch(() => undefined);
	}
	let run: IRun;
	try {
		run = await promise;
	} catch (error) {
		// A cancelled PCancelable rejects; the hook still reports the final run data.
		run = await Promise.race([
			finished,
			new Promise<IRun>((_, reject) => setTimeout(() => reject(error), 5000)),
		]);
	}

	return {
		run,
		workflow,
		output(nodeName: string) {
			const runs = run.data.resultData.runData[nodeName];
			if (!runs?.length) {
				const error = run.data.resultData.error;
				throw new Error(`Node "${nodeName}" did not run${error ? `: ${error.message}` : ''}`);
			}
			return runs[runs.length - 1].data?.main?.[0] ?? [];
		},
		error(nodeName?: string) {
			if (nodeName) {
				const runs = run.data.resultData.runData[nodeName];
				return runs?.[runs.length - 1]?.error as never;
			}
			return run.data.resultData.error as never;
		},
	};
}

/** Convenience: one node, given items in, its output items out (throws the node error if it failed). */
export async function runNode(
	spec: Omit<WorkflowNodeSpec, 'name'> & { name?: string },
	options: Omit<RunWorkflowOptions, 'nodes'>,
): Promise<{ items: INodeExecutionData[]; result: WorkflowRun }> {
	const name = spec.name ?? 'Luma';
	const result = await runWorkflow({ ...options, nodes: [{ ...spec, name }] });
	const error = result.error(name) ?? result.error();
	if (error) throw error;
	return { items: result.output(name), result };
}
