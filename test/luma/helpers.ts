/**
 * Test support for the Luma Events node: the simulator on scaled time (a one-minute rate window
 * lasts 600 ms at 0.01), transport timings to match, and a one-node workflow runner.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData } from 'n8n-workflow';

import { resetScheduler } from '../../nodes/shared/scheduler';
import { configureTransport } from '../../nodes/shared/transport';
import { runWorkflow, type WorkflowNodeSpec, type WorkflowRun } from '../helpers/n8n';
import { startSimulator, type Simulator, type SimulatorOptions } from '../simulator';

export const NODE = 'Luma Events';
/** A calendar key of the seeded primary calendar (any non-empty key not starting with `org-`). */
export const CALENDAR_KEY = 'test-calendar-key';
/** An organization key (the simulator treats keys starting with `org-` as organization keys). */
export const ORG_KEY = 'org-test-key';

export type LumaSim = Awaited<ReturnType<typeof startLumaSim>>;

export async function startLumaSim(options: Omit<SimulatorOptions, 'timeScale'> = {}, timeScale = 0.01) {
	const sim: Simulator = await startSimulator({ ...options, timeScale });
	return {
		sim,
		url: sim.eventsUrl,
		credentials: (extra: IDataObject = {}): Record<string, ICredentialDataDecryptedObject> => ({
			lumaApi: { apiKey: CALENDAR_KEY, keyType: 'calendar', baseUrl: sim.eventsUrl, ...extra },
		}),
		orgCredentials: (extra: IDataObject = {}): Record<string, ICredentialDataDecryptedObject> => ({
			lumaApi: { apiKey: ORG_KEY, keyType: 'organization', baseUrl: sim.eventsUrl, ...extra },
		}),
		/** Requests to the events API since the last resetStats(), optionally only those to a path. */
		requests: (path?: string) => sim.requestLog.filter((entry) => entry.api === 'events' && (!path || entry.path === path)),
		close: () => sim.close(),
	};
}

/** Node and transport timings matching the scaled simulator (call in beforeEach). */
export function useFastTimings() {
	resetScheduler();
	configureTransport({ windowMs: 600, eventsLockoutMs: 600, backoffBaseMs: 10, backoffCapMs: 200, requestTimeoutMs: 10_000 });
}

export function restoreTimings() {
	configureTransport('defaults');
	resetScheduler();
}

export function lumaNode(parameters: IDataObject, extra: Partial<WorkflowNodeSpec> = {}): WorkflowNodeSpec {
	return { name: NODE, type: 'luma', parameters, ...extra };
}

export interface RunLumaOptions {
	input?: IDataObject[] | INodeExecutionData[];
	continueOnFail?: boolean;
	/** Credential fields overriding the calendar-key defaults (e.g. `{ apiKey: 'org-...', keyType: 'organization' }`). */
	credentials?: IDataObject;
}

/** Runs a workflow with one Luma Events node; returns the whole run. */
export async function runLumaWorkflow(sim: LumaSim, parameters: IDataObject, options: RunLumaOptions = {}): Promise<WorkflowRun> {
	return await runWorkflow({
		nodes: [lumaNode(parameters, { continueOnFail: options.continueOnFail })],
		credentials: sim.credentials(options.credentials),
		input: options.input,
	});
}

/** Runs one Luma Events node; returns its items or throws its error. */
export async function runLuma(sim: LumaSim, parameters: IDataObject, options: RunLumaOptions = {}): Promise<INodeExecutionData[]> {
	const result = await runLumaWorkflow(sim, parameters, options);
	const error = result.error(NODE) ?? result.error();
	if (error) throw error;
	return result.output(NODE);
}

/** The error a Luma Events run stopped with (fails the test when the node succeeded). */
export async function runLumaError(sim: LumaSim, parameters: IDataObject, options: RunLumaOptions = {}) {
	const result = await runLumaWorkflow(sim, parameters, options);
	const error = result.error(NODE) ?? result.error();
	if (!error) {
		throw new Error(`expected the node to fail, it returned ${JSON.stringify(result.output(NODE).map((item) => item.json)).slice(0, 500)}`);
	}
	return error;
}
