/**
 * The Luma simulator: one local HTTP server for both Luma APIs.
 *
 *   <url>/v1/..., <url>/v2/...        events & calendars (EventsSimulator, test/simulator/events/)
 *   <url>/dream-machine/v1/...        Dream Machine (DreamMachineSimulator, test/simulator/dream-machine/)
 *   <url>/agents/v1/...               Agents API (AgentsSimulator, test/simulator/agents/)
 *
 * The core only does HTTP: it turns requests into SimRequests for the module that owns the path,
 * records every request (log, in-flight peak), and injects faults. Auth, validation, rate limits and
 * state belong to the modules, so each behaves like its own API.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { AGENTS_MOUNT, AgentsSimulator, type AgentsOptions } from './agents';
import { DREAM_MACHINE_MOUNT, DreamMachineSimulator, type DreamMachineOptions } from './dream-machine';
import { EventsSimulator, type EventsOptions } from './luma-events';
import { makeClock, parseJson, readBody, send } from './http';
import type { SimApiModule, SimClock, SimRequest, SimResponse } from './types';

export { makeClock } from './http';

export type SimApi = 'events' | 'dreamMachine' | 'agents';

/** A deliberate failure for matching requests (checked before the module sees the request). */
export interface Fault {
	/** Only this method (default: any). */
	method?: string;
	/** Full path (e.g. '/v1/events/get') or a pattern. */
	path: string | RegExp;
	/** How many matching requests fail (default: every one). */
	times?: number;
	/** Answer with this status and body (default 500, `{ message: 'Simulated failure', code: 'simulated_failure' }`). */
	status?: number;
	body?: unknown;
	/** Destroy the socket without answering; `beforeHandling` decides whether the module saw the request first. */
	dropConnection?: boolean;
	/** With dropConnection: true = the request never reaches the module (provably not processed). Default true. */
	beforeHandling?: boolean;
	/** Delay the answer (real ms, not scaled). */
	delayMs?: number;
}

export interface SimulatorOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	host?: string;
	/** Documented durations are multiplied by this (0.01: a one-minute rate window lasts 600 ms). Default 1. */
	timeScale?: number;
	events?: EventsOptions;
	dreamMachine?: DreamMachineOptions;
	agents?: AgentsOptions;
	faults?: Fault[];
}

export interface LoggedRequest {
	api: SimApi | 'other';
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	body: unknown;
	status: number;
	/** Wall-clock ms when the request arrived. */
	at: number;
	/** Set when a fault answered (or dropped) the request. */
	fault?: boolean;
}

export interface SimulatorStats {
	requests: Record<SimApi | 'other', number>;
	/** Peak of requests being handled at the same time, per API. */
	maxInFlight: Record<SimApi, number>;
	/** 429 answers per API. */
	sent429: Record<SimApi, number>;
	faults: number;
}

export interface Simulator {
	url: string;
	/** Base URL for the Luma API credential. */
	eventsUrl: string;
	/** Base URL for the Luma Labs API credential. */
	dreamMachineUrl: string;
	/** Base URL standing for https://agents.lumalabs.ai/v1. */
	agentsUrl: string;
	clock: SimClock;
	events: EventsSimulator;
	dreamMachine: DreamMachineSimulator;
	agents: AgentsSimulator;
	/** The events store (calendars, events, guests, ...). */
	readonly state: EventsSimulator['store'];
	/** Every request, oldest first (cleared by resetStats). */
	readonly requestLog: LoggedRequest[];
	stats(): SimulatorStats;
	resetStats(): void;
	configure(options: {
		events?: Partial<EventsOptions>;
		dreamMachine?: Partial<DreamMachineOptions>;
		agents?: Partial<AgentsOptions>;
		faults?: Fault[];
	}): void;
	emitWebhookEvent: EventsSimulator['emitWebhookEvent'];
	close(): Promise<void>;
}

function queryObject(params: URLSearchParams): Record<string, string | string[]> {
	const result: Record<string, string | string[]> = {};
	for (const key of new Set(params.keys())) {
		const values = params.getAll(key);
		result[key] = values.length === 1 ? values[0] : values;
	}
	return result;
}

const notFound = (path: string, api: SimApi | 'other'): SimResponse =>
	api === 'dreamMachine' || api === 'agents'
		? { status: 404, body: { detail: 'Not Found' } }
		: { status: 404, body: { message: `No route for ${path}`, code: 'not_found' } };

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
	const clock = makeClock(options.timeScale ?? 1);
	const events = new EventsSimulator(options.events ?? {}, clock);
	const dreamMachine = new DreamMachineSimulator(options.dreamMachine ?? {}, clock);
	const agents = new AgentsSimulator(options.agents ?? {}, clock);
	const mounts: Array<{ api: SimApi; mount: string; module: SimApiModule }> = [
		{ api: 'dreamMachine', mount: DREAM_MACHINE_MOUNT, module: dreamMachine },
		{ api: 'agents', mount: AGENTS_MOUNT, module: agents },
	];
	let faults: Array<Fault & { used: number }> = (options.faults ?? []).map((fault) => ({ ...fault, used: 0 }));

	const requestLog: LoggedRequest[] = [];
	const fresh = (): SimulatorStats => ({
		requests: { events: 0, dreamMachine: 0, agents: 0, other: 0 },
		maxInFlight: { events: 0, dreamMachine: 0, agents: 0 },
		sent429: { events: 0, dreamMachine: 0, agents: 0 },
		faults: 0,
	});
	let stats = fresh();
	const inFlight: Record<SimApi, number> = { events: 0, dreamMachine: 0, agents: 0 };

	function matchFault(method: string, path: string): (Fault & { used: number }) | undefined {
		return faults.find(
			(fault) =>
				(fault.times === undefined || fault.used < fault.times) &&
				(!fault.method || fault.method.toUpperCase() === method) &&
				(typeof fault.path === 'string' ? fault.path === path : fault.path.test(path)),
		);
	}

	async function handle(message: IncomingMessage, response: ServerResponse): Promise<void> {
		const rawBody = await readBody(message);
		const url = new URL(message.url ?? '/', 'http://localhost');
		const method = (message.method ?? 'GET').toUpperCase();
		const path = url.pathname;
		const mounted = mounts.find(({ mount }) => path.startsWith(`${mount}/`));
		const api: SimApi | 'other' =
			mounted?.api ?? (path.startsWith('/v1/') || path.startsWith('/v2/') || path.startsWith('/public/') ? 'events' : 'other');
		const entry: LoggedRequest = {
			api,
			method,
			path,
			query: queryObject(url.searchParams),
			body: parseJson(rawBody),
			status: 0,
			at: Date.now(),
		};
		requestLog.push(entry);
		stats.requests[api] += 1;

		const fault = matchFault(method, path);
		if (fault) {
			fault.used += 1;
			stats.faults += 1;
			entry.fault = true;
			if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
			if (fault.dropConnection && fault.beforeHandling !== false) {
				entry.status = -1;
				message.socket.destroy();
				return;
			}
			if (!fault.dropConnection) {
				entry.status = fault.status ?? 500;
				return send(response, {
					status: entry.status,
					body: fault.body ?? { message: 'Simulated failure', code: 'simulated_failure' },
				});
			}
		}

		const request: SimRequest = {
			method,
			path: mounted ? path.slice(mounted.mount.length) : path,
			query: url.searchParams,
			headers: message.headers,
			rawBody,
			body: entry.body,
		};
		const module = mounted?.module ?? events;
		if (api !== 'other') {
			inFlight[api] += 1;
			stats.maxInFlight[api] = Math.max(stats.maxInFlight[api], inFlight[api]);
		}
		let result: SimResponse | undefined;
		try {
			// 'other' paths go to the events module too: it serves the uploaded-image CDN URLs.
			result = await module.handle(request);
		} finally {
			if (api !== 'other') inFlight[api] -= 1;
		}
		result ??= notFound(path, api);
		if (fault?.dropConnection) {
			// Processed, then the connection dies: the client cannot know whether it worked.
			entry.status = -1;
			message.socket.destroy();
			return;
		}
		entry.status = result.status;
		if (result.status === 429 && api !== 'other') stats.sent429[api] += 1;
		send(response, result);
	}

	const sockets = new Set<Socket>();
	const server: Server = createServer((message, response) => {
		handle(message, response).catch((error: Error) => {
			if (!response.headersSent) send(response, { status: 500, body: { message: error.message, code: 'internal_error' } });
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
	});
	const address = server.address() as AddressInfo;
	const host = address.address.includes(':') ? `[${address.address}]` : address.address;
	const url = `http://${host}:${address.port}`;

	return {
		url,
		eventsUrl: url,
		dreamMachineUrl: `${url}${DREAM_MACHINE_MOUNT}`,
		agentsUrl: `${url}${AGENTS_MOUNT}`,
		clock,
		events,
		dreamMachine,
		agents,
		get state() {
			return events.store;
		},
		requestLog,
		stats: () => structuredClone(stats),
		resetStats() {
			stats = fresh();
			requestLog.length = 0;
			events.resetStats();
			dreamMachine.resetStats();
			agents.resetStats();
		},
		configure(changes) {
			if (changes.events) events.configure(changes.events);
			if (changes.dreamMachine) dreamMachine.configure(changes.dreamMachine);
			if (changes.agents) agents.configure(changes.agents);
			if (changes.faults) faults = changes.faults.map((fault) => ({ ...fault, used: 0 }));
		},
		emitWebhookEvent: (type, data) => events.emitWebhookEvent(type, data),
		async close() {
			await Promise.all([events.close(), dreamMachine.close(), agents.close()]);
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
