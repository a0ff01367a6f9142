/**
 * A tiny HTTP server whose answers a test scripts request by request (429s, Retry-After, lockouts,
 * 5xx, dropped connections), measuring what the client really did: arrivals, max in flight.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Arrival {
	method: string;
	path: string;
	at: number;
	headers: http.IncomingHttpHeaders;
	body: string;
}

export interface ScriptedAnswer {
	status?: number;
	headers?: Record<string, string>;
	body?: unknown;
	/** Milliseconds before answering (requests stay in flight meanwhile). */
	delayMs?: number;
	/** Destroy the socket instead of answering (after the request was fully read = "processed"). */
	destroy?: boolean;
}

export interface ScriptedServer {
	url: string;
	arrivals: Arrival[];
	maxInFlight: number;
	inFlight: number;
	close(): Promise<void>;
}

export async function startScriptedServer(
	answer: (arrival: Arrival, index: number) => ScriptedAnswer | Promise<ScriptedAnswer>,
): Promise<ScriptedServer> {
	const state = { arrivals: [] as Arrival[], maxInFlight: 0, inFlight: 0 };
	const sockets = new Set<import('node:net').Socket>();
	const server = http.createServer(async (req, res) => {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const arrival: Arrival = {
			method: req.method ?? 'GET',
			path: req.url ?? '/',
			at: Date.now(),
			headers: req.headers,
			body: Buffer.concat(chunks).toString('utf8'),
		};
		const index = state.arrivals.push(arrival) - 1;
		state.inFlight++;
		state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
		try {
			const scripted = await answer(arrival, index);
			if (scripted.delayMs) await new Promise((resolve) => setTimeout(resolve, scripted.delayMs));
			if (scripted.destroy) {
				req.socket.destroy();
				return;
			}
			const body = scripted.body === undefined ? {} : scripted.body;
			res.writeHead(scripted.status ?? 200, { 'content-type': 'application/json', ...scripted.headers });
			res.end(typeof body === 'string' ? body : JSON.stringify(body));
		} finally {
			state.inFlight--;
		}
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return Object.assign(state, {
		url,
		async close() {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	});
}
