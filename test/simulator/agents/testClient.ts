/**
 * Test helpers for the Agents simulator: the whole simulator (core included) on a free port, and a
 * JSON client that checks every answer against the vendored contract (contract.ts) before a test
 * sees it, so each test doubles as a contract test.
 */
import { startSimulator, type Simulator } from '../index';
import { client as jsonClient, type ApiResponse, type Client } from '../dream-machine/testServer';
import { assertFits, type ContractName } from './contract';
import { OUTPUT_BYTES, type AgentsOptions } from './index';

export { until, waitForTerminal, type ApiResponse, type Client } from '../dream-machine/testServer';

export const KEY = 'luma-api-test-key';

/** Answers checked per schema, for the coverage assertion of the contract suite. */
export const contractChecks = new Map<ContractName, number>();

/** The schema an answer must fit, by route and status (undefined: no JSON body to check). */
function contractOf(method: string, path: string, status: number, body: unknown): ContractName | undefined {
	if (status >= 400) return typeof body === 'object' && body !== null ? 'Error' : undefined;
	if (status === 204) return undefined;
	const route = path.split('?')[0];
	if (/^\/generations(\/[^/]+)?$/.test(route)) return 'Generation';
	if (route === '/files') return method === 'POST' ? 'CreateFileResponse' : 'FileList';
	if (/^\/files\/[^/]+(\/complete)?$/.test(route)) return 'File';
	return undefined;
}

/** Fails the test when an API answer does not fit the contract; returns the answer unchanged. */
export function checkContract<T extends ApiResponse>(method: string, path: string, response: T): T {
	const name = contractOf(method, path, response.status, response.body);
	if (name) {
		try {
			assertFits(name, response.body);
		} catch (error) {
			throw new Error(`${method} ${path} → ${response.status} ${(error as Error).message}`);
		}
		contractChecks.set(name, (contractChecks.get(name) ?? 0) + 1);
	}
	return response;
}

/** A JSON client for one key (`null`: no Authorization header). */
export function agentsClient(baseUrl: string, key: string | null = KEY): Client {
	const base = jsonClient(baseUrl, key);
	const call = async <T = any>(method: string, path: string, body?: unknown) =>
		checkContract(method, path, await base.call<T>(method, path, body));
	return {
		call,
		get: (path) => call('GET', path),
		post: (path, body) => call('POST', path, body),
		delete: (path) => call('DELETE', path),
	};
}

/** A raw request to the Agents API (multipart bodies, custom headers), parsed and contract-checked. */
export async function send(
	baseUrl: string,
	method: string,
	path: string,
	init: { headers?: Record<string, string>; body?: RequestInit['body']; key?: string | null } = {},
): Promise<ApiResponse> {
	const headers: Record<string, string> = { ...init.headers };
	const key = init.key === undefined ? KEY : init.key;
	if (key !== null) headers.authorization = `Bearer ${key}`;
	const response = await fetch(`${baseUrl}${path}`, { method, headers, body: init.body });
	const text = await response.text();
	const body = (response.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : text;
	return checkContract(method, path, { status: response.status, headers: response.headers, body });
}

export interface AgentsHarness {
	sim: Simulator;
	api: Client;
	close(): Promise<void>;
}

/** The full simulator with Agents options; 0.001 makes a 30 s image take 30 ms. */
export async function startAgents(options: AgentsOptions = {}, timeScale = 0.001): Promise<AgentsHarness> {
	const sim = await startSimulator({ timeScale, agents: options });
	return { sim, api: agentsClient(sim.agentsUrl), close: () => sim.close() };
}

/** Real PNG and MP4 bytes, base64, for inline `data` inputs. */
export const PNG_BASE64 = OUTPUT_BYTES.png.toString('base64');
export const MP4_BASE64 = OUTPUT_BYTES.mp4.toString('base64');

/** Jobs that stay in flight for a whole test (ten documented hours per phase). */
export const LONG_JOBS: AgentsOptions = { timings: { queuedMs: 36_000_000, processingMs: 36_000_000 } };

export const image = (prompt = 'a lighthouse at dusk', extra: Record<string, unknown> = {}) => ({
	type: 'image',
	model: 'uni-1',
	prompt,
	...extra,
});
export const video = (extra: Record<string, unknown> = {}, prompt = 'a paper boat drifting down a gutter stream') => ({
	type: 'video',
	model: 'ray-3.2',
	prompt,
	...extra,
});
