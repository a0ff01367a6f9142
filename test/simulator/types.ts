/**
 * Contract between the simulator core (HTTP server, request log, stats, fault injection, events API)
 * and the API modules it mounts (test/simulator/dream-machine/, test/simulator/agents/). Keep it small and stable.
 */
import type { IncomingHttpHeaders } from 'node:http';

/** Time source; scaled so that a 60 s window can run as 600 ms in tests. */
export interface SimClock {
	/** Real wall-clock milliseconds (Date.now()). */
	now(): number;
	/** Multiply a documented duration (ms) by this to get the simulated duration. 1 = real time. */
	timeScale: number;
	/** Scaled duration: Math.max(1, Math.round(ms * timeScale)). */
	scaled(ms: number): number;
}

/** One request as seen by an API module. The path is relative to the module's mount point. */
export interface SimRequest {
	method: string;
	/** e.g. '/generations/video' for the Dream Machine module (mount '/dream-machine/v1' stripped) */
	path: string;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	rawBody: Buffer;
	/** Parsed JSON body, or undefined when empty / not JSON. */
	body: unknown;
}

export interface SimResponse {
	status: number;
	/** JSON-serialised unless `raw` is given. Omit for empty bodies (e.g. 204). */
	body?: unknown;
	/** Raw bytes (asset downloads); sent with headers['content-type']. */
	raw?: Buffer;
	headers?: Record<string, string>;
}

/** Implemented by each API module and mounted by the core. */
export interface SimApiModule {
	/** Returns undefined when the path is not handled (the core answers 404). */
	handle(request: SimRequest): Promise<SimResponse | undefined>;
	/** Stop timers, pending callbacks. */
	close(): Promise<void>;
}
