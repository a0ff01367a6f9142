/**
 * Test support for Luma Generate on the Agents API: the simulator (test/simulator/agents) on scaled
 * time, a Luma Agents API credential pointing at it, node timings scaled the same way, and a runner
 * for version-2 nodes (new nodes default to the Agents API).
 */
import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData } from 'n8n-workflow';

import { configurePolling } from '../../nodes/LumaGenerate/engine/waiting';
import { resetScheduler } from '../../nodes/shared/scheduler';
import { configureTransport } from '../../nodes/shared/transport';
import { runWorkflow, type WorkflowNodeSpec, type WorkflowRun } from '../helpers/n8n';
import { startSimulator, type Simulator } from '../simulator';
import type { AgentsOptions } from '../simulator/agents';
import { OUTPUT_BYTES } from '../simulator/agents';

export const NODE = 'Luma Generate';
export const KEY = 'luma-api-test-key';
export const SCALE = 0.01;

export interface AgentsSim {
	sim: Simulator;
	credentials(extra?: IDataObject): Record<string, ICredentialDataDecryptedObject>;
	close(): Promise<void>;
}

/** The whole simulator at time scale 0.01: a UNI-1 image takes 300 ms, a Ray 3.2 clip 900 ms, Luma's minute 600 ms. */
export async function startAgentsSim(agents: AgentsOptions = {}): Promise<AgentsSim> {
	const sim = await startSimulator({ timeScale: SCALE, agents });
	return {
		sim,
		credentials: (extra = {}) => ({ lumaAgentsApi: { apiKey: KEY, baseUrl: sim.agentsUrl, requestsPerMinute: 30, concurrentJobs: 10, ...extra } }),
		close: () => sim.close(),
	};
}

/**
 * One simulator for a test file (or describe block): started before its tests, closed after them,
 * the node's timings scaled before each test (and the simulator's counters reset, unless told not to).
 * The returned object is filled in once the simulator runs.
 */
export function useAgentsSim(agents: AgentsOptions = {}, { resetStats = true } = {}): AgentsSim {
	const env = {} as AgentsSim;
	beforeAll(async () => {
		Object.assign(env, await startAgentsSim(agents));
	});
	afterAll(async () => {
		await env.close();
		restoreAgentsTimings();
	});
	beforeEach(() => {
		useAgentsTimings();
		if (resetStats) env.sim.resetStats();
	});
	return env;
}

/** Node and transport timings scaled like the simulator (call in beforeEach). */
export function useAgentsTimings() {
	resetScheduler();
	configureTransport({ windowMs: 60_000 * SCALE, eventsLockoutMs: 60_000 * SCALE, backoffBaseMs: 10, backoffCapMs: 200, requestTimeoutMs: 10_000 });
	configurePolling({
		agents: {
			firstWaitMs: { image: 200, image_edit: 200, layering: 300, video: 600, video_edit: 600, video_reframe: 600 },
			minIntervalMs: 20,
			maxIntervalMs: 50,
			fileIntervalMs: 10,
			retryDelayMs: 10,
		},
	});
}

export function restoreAgentsTimings() {
	configureTransport('defaults');
	configurePolling('defaults');
	resetScheduler();
}

export function agentsNode(parameters: IDataObject, extra: Partial<WorkflowNodeSpec> = {}): WorkflowNodeSpec {
	return { name: NODE, type: 'lumaGenerate', typeVersion: 2, parameters, ...extra };
}

export interface RunOptions {
	input?: IDataObject[] | INodeExecutionData[];
	continueOnFail?: boolean;
	credentials?: IDataObject;
	cancelAfterMs?: number;
}

export async function runAgentsWorkflow(env: AgentsSim, parameters: IDataObject, options: RunOptions = {}): Promise<WorkflowRun> {
	return await runWorkflow({
		nodes: [agentsNode(parameters, { continueOnFail: options.continueOnFail })],
		credentials: env.credentials(options.credentials),
		input: options.input,
		cancelAfterMs: options.cancelAfterMs,
	});
}

/** Runs one version-2 Luma Generate node; its items, or its error thrown. */
export async function runAgents(env: AgentsSim, parameters: IDataObject, options: RunOptions = {}): Promise<INodeExecutionData[]> {
	const result = await runAgentsWorkflow(env, parameters, options);
	const error = result.error(NODE) ?? result.error();
	if (error) throw error;
	return result.output(NODE);
}

/** The error a run stopped with (fails when it did not fail). */
export async function runAgentsError(env: AgentsSim, parameters: IDataObject, options: RunOptions = {}) {
	const result = await runAgentsWorkflow(env, parameters, options);
	const error = result.error(NODE) ?? result.error();
	if (!error) throw new Error(`expected the node to fail, it returned ${JSON.stringify(result.output(NODE).map((item) => item.json)).slice(0, 400)}`);
	return error;
}

/** A real PNG (the simulator's own output picture) as an input item's binary field. */
export function pngItem(json: IDataObject = {}, property = 'data', fileName = 'photo.png'): INodeExecutionData {
	return { json, binary: { [property]: { data: OUTPUT_BYTES.png.toString('base64'), mimeType: 'image/png', fileName } } };
}

/** An item whose binary field holds `bytes` of a real MP4 padded to that size. */
export function mp4Item(json: IDataObject = {}, property = 'data', bytes?: number): INodeExecutionData {
	const data = bytes ? Buffer.concat([OUTPUT_BYTES.mp4, Buffer.alloc(Math.max(0, bytes - OUTPUT_BYTES.mp4.length))]) : OUTPUT_BYTES.mp4;
	return { json, binary: { [property]: { data: data.toString('base64'), mimeType: 'video/mp4', fileName: 'clip.mp4' } } };
}
