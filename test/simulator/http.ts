/**
 * The HTTP plumbing shared by the simulator core and the per-module test adapters: a scaled clock,
 * reading bodies, and writing SimResponses.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { SimClock, SimResponse } from './types';

export function makeClock(timeScale: number): SimClock {
	return {
		now: () => Date.now(),
		timeScale,
		scaled: (ms) => Math.max(1, Math.round(ms * timeScale)),
	};
}

export async function readBody(message: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of message) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

/** Parsed JSON, or undefined when the body is empty or not JSON. */
export function parseJson(rawBody: Buffer): unknown {
	if (rawBody.length === 0) return undefined;
	try {
		return JSON.parse(rawBody.toString('utf8'));
	} catch {
		return undefined;
	}
}

/** JSON-serialises `body` unless `raw` bytes are given. */
export function send(response: ServerResponse, result: SimResponse): void {
	const headers: Record<string, string> = { ...result.headers };
	let payload: Buffer | undefined;
	if (result.raw) payload = result.raw;
	else if (result.body !== undefined) {
		payload = Buffer.from(JSON.stringify(result.body));
		headers['content-type'] ??= 'application/json';
	}
	if (payload) headers['content-length'] ??= String(payload.length);
	response.writeHead(result.status, headers);
	response.end(payload);
}
