/**
 * Test-only HTTP adapter for the Dream Machine module, standing in for the simulator core:
 * IncomingMessage → SimRequest, SimResponse → ServerResponse, mounted at /dream-machine/v1.
 * Also a scaled clock, a JSON client and a callback receiver for the tests.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { makeClock, parseJson, readBody, send } from '../http';
import type { SimApiModule, SimRequest } from '../types';
import { DREAM_MACHINE_MOUNT, DreamMachineSimulator, type DreamMachineOptions } from './index';

function toSimRequest(message: IncomingMessage, rawBody: Buffer, path: string, query: URLSearchParams): SimRequest {
	return { method: message.method ?? 'GET', path, query, headers: message.headers, rawBody, body: parseJson(rawBody) };
}

export interface TestServer {
	url: string;
	/** `${url}/dream-machine/v1` */
	baseUrl: string;
	close(): Promise<void>;
}

export async function serveModule(module: SimApiModule): Promise<TestServer> {
	const server: Server = createServer((message, response) => {
		void (async () => {
			const rawBody = await readBody(message);
			const url = new URL(message.url ?? '/', 'http://localhost');
			if (!url.pathname.startsWith(`${DREAM_MACHINE_MOUNT}/`)) return send(response, { status: 404, body: { detail: 'Not Found' } });
			const path = url.pathname.slice(DREAM_MACHINE_MOUNT.length);
			const result = await module.handle(toSimRequest(message, rawBody, path, url.searchParams));
			send(response, result ?? { status: 404, body: { detail: 'Not Found' } });
		})().catch((error: Error) => send(response, { status: 500, body: { detail: error.message } }));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		url,
		baseUrl: `${url}${DREAM_MACHINE_MOUNT}`,
		close: async () => {
			await module.close();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

export interface ApiResponse<T = any> {
	status: number;
	headers: Headers;
	body: T;
}

/**
 * A Dream Machine client bound to one key (`null`: no Authorization header), returning status
 * and parsed body (text when not JSON).
 */
export function client(baseUrl: string, key: string | null = 'test-key') {
	async function call<T = any>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
		const headers: Record<string, string> = {};
		if (key !== null) headers.authorization = `Bearer ${key}`;
		if (body !== undefined) headers['content-type'] = 'application/json';
		const response = await fetch(`${baseUrl}${path}`, {
			method,
			headers,
			body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
		});
		const text = await response.text();
		let parsed: unknown = text;
		if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
		return { status: response.status, headers: response.headers, body: parsed as T };
	}
	return {
		call,
		get: <T = any>(path: string) => call<T>('GET', path),
		post: <T = any>(path: string, body?: unknown) => call<T>('POST', path, body),
		delete: <T = any>(path: string) => call<T>('DELETE', path),
	};
}

export type Client = ReturnType<typeof client>;

/** Starts a simulator behind the adapter. Timings default to a fast lifecycle for tests. */
export async function startDreamMachine(
	options: DreamMachineOptions = {},
	timeScale = 0.001,
	hooks?: ConstructorParameters<typeof DreamMachineSimulator>[2],
) {
	const simulator = new DreamMachineSimulator(options, makeClock(timeScale), hooks);
	const server = await serveModule(simulator);
	return { simulator, server, api: client(server.baseUrl) };
}

/** Polls until the generation is completed or failed. */
export async function waitForTerminal(api: Client, id: string, timeoutMs = 5000): Promise<any> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const { body } = await api.get(`/generations/${id}`);
		if (body.state === 'completed' || body.state === 'failed') return body;
		if (Date.now() > deadline) throw new Error(`generation ${id} still ${body.state} after ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

export interface ReceivedCallback {
	at: number;
	headers: IncomingMessage['headers'];
	body: any;
	status: number;
}

/**
 * A local callback receiver. `respond` picks the status per delivery attempt (0-based), e.g.
 * fail twice then succeed: `(n) => (n < 2 ? 500 : 200)`.
 */
export async function startReceiver(respond: (attempt: number) => number = () => 200) {
	const received: ReceivedCallback[] = [];
	const server = createServer((message, response) => {
		void readBody(message).then((raw) => {
			const status = respond(received.length);
			received.push({ at: Date.now(), headers: message.headers, body: JSON.parse(raw.toString('utf8')), status });
			response.writeHead(status, { 'content-type': 'text/plain' });
			response.end('ok');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
		received,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** Resolves once `predicate` holds, polling every 5 ms. */
export async function until(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!predicate()) {
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}
