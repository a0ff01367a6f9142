/**
 * Test support for the fault suite: the simulator behind the fault proxy, credentials that point the
 * Luma nodes at the proxy (Events, Dream Machine and Agents API), transport timings scaled to the
 * simulator (with a client timeout short enough that a stall runs past it quickly), the operations
 * under test, and the checks every case shares (what upstream saw, that no key leaks).
 */
import { randomUUID } from 'node:crypto';

import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData } from 'n8n-workflow';

import { configureTransport } from '../../nodes/shared/transport';
import { agentsNode } from '../generate/agentsHelpers';
import { generateNode } from '../generate/helpers';
import { runWorkflow, type WorkflowNodeSpec, type WorkflowRun } from '../helpers/n8n';
import { lumaNode, useFastTimings } from '../luma/helpers';
import { startSimulator, type LoggedRequest, type Simulator } from '../simulator';
import { AGENTS_MOUNT } from '../simulator/agents';
import { agentsClient, image } from '../simulator/agents/testClient';
import { DREAM_MACHINE_MOUNT } from '../simulator/dream-machine';
import { client, type Client } from '../simulator/dream-machine/testServer';
import { startFaultProxy, type FaultProxy, type ProxiedRequest } from './proxy';

/** Distinctive keys, so a leak into any output or error is found by a plain substring search. */
export const EVENTS_KEY = 'fault-suite-events-key-3f9c2a71d0';
export const LABS_KEY = 'fault-suite-labs-key-8d41b6e05c';
/** Luma refuses an Agents API token without this prefix before looking it up, so the node checks it too. */
export const AGENTS_KEY = 'luma-api-fault-suite-agents-key-5e27c9a4b1';

/**
 * The node's per-request timeout in this suite. A simulator answer takes a few ms, so this is far
 * from a false timeout even on a loaded machine, and a stall past it costs a second.
 */
export const REQUEST_TIMEOUT_MS = 1000;

export type FaultBench = Awaited<ReturnType<typeof startFaultBench>>;

/** The simulator (timeScale 0.01: a one-minute window lasts 600 ms) with the fault proxy in front. */
export async function startFaultBench() {
	const sim: Simulator = await startSimulator({ timeScale: 0.01 });
	const proxy: FaultProxy = await startFaultProxy({ upstream: sim.url });
	const matches = (method: string, path: string | RegExp) => (entry: { method: string; path: string }) =>
		entry.method === method && (typeof path === 'string' ? entry.path === path : path.test(entry.path));
	return {
		sim,
		proxy,
		credentials: (): Record<string, ICredentialDataDecryptedObject> => ({
			lumaApi: { apiKey: EVENTS_KEY, keyType: 'calendar', baseUrl: proxy.url },
			lumaLabsApi: { apiKey: LABS_KEY, baseUrl: `${proxy.url}${DREAM_MACHINE_MOUNT}`, plan: 'build' },
			lumaAgentsApi: { apiKey: AGENTS_KEY, baseUrl: `${proxy.url}${AGENTS_MOUNT}`, requestsPerMinute: 30, concurrentJobs: 10 },
		}),
		/** Requests the node sent (the proxy received them), oldest first. */
		sent: (method: string, path: string | RegExp) => proxy.log.filter(matches(method, path)),
		/** Requests that reached upstream (the simulator's own log, independent of the proxy). */
		upstream: (method: string, path: string | RegExp): LoggedRequest[] => sim.requestLog.filter(matches(method, path)),
		/** Rules, proxy log and simulator log emptied; fixtures stay. */
		reset() {
			proxy.clear();
			sim.resetStats();
		},
		async close() {
			await proxy.close();
			await sim.close();
		},
	};
}

export { restoreTimings } from '../luma/helpers';

/** Transport timings matching the scaled simulator, plus the short client timeout (call in beforeEach). */
export function useFaultTimings() {
	useFastTimings();
	configureTransport({ requestTimeoutMs: REQUEST_TIMEOUT_MS });
}

/** One operation of a Luma node, as the fault table uses it. */
export interface OperationUnderTest {
	name: string;
	/** The request faults are aimed at (the operation's own call, not a read-back after it). */
	target: { method: string; path: string | RegExp };
	/** Repeating the target could duplicate something in the account. */
	creates: boolean;
	node: WorkflowNodeSpec;
	/** `count` input items, each naming what its request is about (fixtures are made upstream directly). */
	input(bench: FaultBench, count: number): Promise<IDataObject[]>;
	/** The target request sent for this input item. */
	isItem(request: ProxiedRequest | LoggedRequest, item: IDataObject): boolean;
	/** Checks the output item of a successful run against its input item (and what upstream holds). */
	expectResult(json: IDataObject, item: IDataObject, bench: FaultBench): void;
	/** Creates only: how many things upstream now holds for this item (events or generations). */
	createdUpstream?(bench: FaultBench, item: IDataObject): number;
}

function bodyOf(request: ProxiedRequest | LoggedRequest): IDataObject | undefined {
	if ('api' in request) return request.body as IDataObject | undefined;
	try {
		return JSON.parse(request.body) as IDataObject;
	} catch {
		return undefined;
	}
}

function queryValue(request: ProxiedRequest | LoggedRequest, name: string): string | undefined {
	if (!('api' in request)) return new URLSearchParams(request.search).get(name) ?? undefined;
	const value = request.query[name];
	return Array.isArray(value) ? value[0] : value;
}

const unique = () => randomUUID().slice(0, 8);

/** `count` generations made directly upstream (not through the proxy), as input items to read them back through it. */
async function upstreamGenerations(api: Client, path: string, count: number, request: (prompt: string) => object): Promise<IDataObject[]> {
	const run = unique();
	const items: IDataObject[] = [];
	for (let index = 0; index < count; index++) {
		const { status, body } = await api.post<IDataObject>(path, request(`a lighthouse ${run} #${index}`));
		if (status >= 300) throw new Error(`fixture generation: ${status} ${JSON.stringify(body)}`);
		items.push({ generationId: String(body.id) });
	}
	return items;
}

/** The read of the item's generation (by the ID at the end of the path). */
const isGenerationOf = (request: ProxiedRequest | LoggedRequest, item: IDataObject) => request.path.endsWith(`/generations/${String(item.generationId)}`);

export const eventGet: OperationUnderTest = {
	name: 'Event → Get',
	target: { method: 'GET', path: '/v1/events/get' },
	creates: false,
	node: lumaNode({ resource: 'event', operation: 'get', eventId: { __rl: true, mode: 'id', value: '={{ $json.eventId }}' } }),
	async input(bench, count) {
		return [...bench.sim.state.events.values()].slice(0, count).map((event) => ({ eventId: String(event.id) }));
	},
	isItem: (request, item) => queryValue(request, 'event_id') === item.eventId,
	expectResult(json, item) {
		expect(json).toMatchObject({ id: item.eventId });
		expect(typeof json.name).toBe('string');
	},
};

export const eventCreate: OperationUnderTest = {
	name: 'Event → Create',
	target: { method: 'POST', path: '/v1/events/create' },
	creates: true,
	node: lumaNode({ resource: 'event', operation: 'create', name: '={{ $json.name }}', start_at: '2027-06-01T18:00:00', timezone: 'UTC' }),
	async input(_bench, count) {
		const run = unique();
		return Array.from({ length: count }, (_, index) => ({ name: `Fault suite ${run} #${index}` }));
	},
	isItem: (request, item) => bodyOf(request)?.name === item.name,
	expectResult(json, item) {
		expect(json).toMatchObject({ name: item.name, start_at: '2027-06-01T18:00:00.000Z' });
		expect(typeof json.id).toBe('string');
	},
	createdUpstream: (bench, item) => [...bench.sim.state.events.values()].filter((event) => event.name === item.name).length,
};

export const generationGet: OperationUnderTest = {
	name: 'Generation → Get',
	target: { method: 'GET', path: new RegExp(`^${DREAM_MACHINE_MOUNT}/generations/[0-9a-f-]{36}$`) },
	creates: false,
	node: generateNode({ resource: 'generation', operation: 'get', generationId: '={{ $json.generationId }}' }),
	input: async (bench, count) =>
		await upstreamGenerations(client(bench.sim.dreamMachineUrl, LABS_KEY), '/generations/image', count, (prompt) => ({ prompt, model: 'photon-1' })),
	isItem: isGenerationOf,
	expectResult(json, item) {
		expect(json).toMatchObject({ id: item.generationId, generation_type: 'image' });
	},
};

export const imageGenerate: OperationUnderTest = {
	name: "Image → Generate (Don't Wait)",
	target: { method: 'POST', path: `${DREAM_MACHINE_MOUNT}/generations/image` },
	creates: true,
	node: generateNode({ resource: 'image', operation: 'generate', prompt: '={{ $json.prompt }}', waitForCompletion: 'none' }),
	async input(_bench, count) {
		const run = unique();
		return Array.from({ length: count }, (_, index) => ({ prompt: `a paper boat ${run} #${index}` }));
	},
	isItem: (request, item) => bodyOf(request)?.prompt === item.prompt,
	expectResult(json, item) {
		expect(json).toMatchObject({ generation_type: 'image', request: expect.objectContaining({ prompt: item.prompt }) });
		expect(typeof json.id).toBe('string');
	},
	createdUpstream: (bench, item) =>
		[...bench.sim.dreamMachine.generations.values()].filter((generation) => generation.request.prompt === item.prompt).length,
};

const AGENTS_CREATE_PATH = `${AGENTS_MOUNT}/generations`;

export const agentsGenerationGet: OperationUnderTest = {
	name: 'Agents API: Generation → Get',
	target: { method: 'GET', path: new RegExp(`^${AGENTS_MOUNT}/generations/[0-9a-f-]{36}$`) },
	creates: false,
	node: agentsNode({ resource: 'generation', operation: 'get', generationId: '={{ $json.generationId }}' }),
	input: async (bench, count) => await upstreamGenerations(agentsClient(bench.sim.agentsUrl, AGENTS_KEY), '/generations', count, (prompt) => image(prompt)),
	isItem: isGenerationOf,
	expectResult(json, item) {
		expect(json).toMatchObject({ id: item.generationId, type: 'image', model: 'uni-1' });
	},
};

export const agentsImageGenerate: OperationUnderTest = {
	name: "Agents API: Image → Generate (Don't Wait)",
	target: { method: 'POST', path: AGENTS_CREATE_PATH },
	creates: true,
	node: agentsNode({ resource: 'image', operation: 'generate', prompt: '={{ $json.prompt }}', waitForCompletion: 'none' }),
	async input(_bench, count) {
		const run = unique();
		return Array.from({ length: count }, (_, index) => ({ prompt: `a paper boat ${run} #${index}` }));
	},
	isItem: (request, item) => bodyOf(request)?.prompt === item.prompt,
	// The Agents API's Generation does not echo the request: the output is a generation upstream holds.
	expectResult(json, _item, bench) {
		expect(json).toMatchObject({ type: 'image', model: 'uni-1' });
		expect(typeof json.id).toBe('string');
		expect(bench.sim.agents.generations.has(String(json.id))).toBe(true);
	},
	// Its Generation carries no prompt and the API has no listing, so what upstream made for the item
	// is read from the simulator's own log: the creates for this prompt it accepted (201).
	createdUpstream: (bench, item) =>
		bench.upstream('POST', AGENTS_CREATE_PATH).filter((request) => request.status === 201 && bodyOf(request)?.prompt === item.prompt).length,
};

export const OPERATIONS = { eventGet, eventCreate, generationGet, imageGenerate, agentsGenerationGet, agentsImageGenerate };
export type OperationName = keyof typeof OPERATIONS;

export interface FaultRun {
	execution: WorkflowRun;
	/** The node's output items (empty when it stopped with an error). */
	items: INodeExecutionData[];
	/** The error the node stopped with, if any. */
	error?: Error & { description?: string; httpCode?: string };
}

/** Runs the operation's node on `input` through the proxy. */
export async function runOperation(bench: FaultBench, operation: OperationUnderTest, input: IDataObject[], { continueOnFail = false } = {}): Promise<FaultRun> {
	const execution = await runWorkflow({ nodes: [{ ...operation.node, continueOnFail }], credentials: bench.credentials(), input });
	// Requests the client gave up on finish on the proxy a moment later: wait so the log is complete.
	await bench.proxy.idle();
	const error = execution.error(operation.node.name) ?? execution.error();
	return { execution, items: error ? [] : execution.output(operation.node.name), error };
}

/**
 * Everything a run produced that a user or a log could see: output items, the node's error with its
 * description, cause chain and stack, and the run data n8n saves. Cycles are cut.
 */
export function visibleText(result: FaultRun): string {
	const seen = new WeakSet<object>();
	return JSON.stringify([result.items, result.error, result.execution.run.data.resultData], (_key, value: unknown) => {
		if (typeof value !== 'object' || value === null) return value;
		if (seen.has(value)) return '[cycle]';
		seen.add(value);
		if (value instanceof Error) {
			return { ...value, name: value.name, message: value.message, stack: value.stack, cause: (value as { cause?: unknown }).cause };
		}
		return value;
	});
}

/** No key of any of the three credentials anywhere the user or n8n's logs could see it. */
export function expectNoKey(result: FaultRun) {
	const text = visibleText(result);
	expect(text).not.toContain(EVENTS_KEY);
	expect(text).not.toContain(LABS_KEY);
	expect(text).not.toContain(AGENTS_KEY);
}
