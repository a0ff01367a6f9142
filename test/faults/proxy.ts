/**
 * A fault-injecting loopback proxy for the tests: it sits between a Luma node (its credential's base
 * URL points at `url`) and an upstream server (the simulator) and, for the requests a rule matches,
 * does what real networks and gateways do to API calls: 5xx answers (JSON or an HTML error page), a
 * connection reset before or after the request reached upstream, a stall past the client's timeout
 * (before or after forwarding), a 200 with truncated JSON or an HTML page, 429s with or without
 * Retry-After. Every request is logged with what the proxy did and whether upstream saw it, so a test
 * can tell "the node sent it twice" from "the proxy answered for upstream".
 *
 * Plain node:http. Bodies are buffered (API calls and the simulator's small assets), which is what
 * lets a fault replace or cut an answer upstream already gave. The Host header is passed on
 * unchanged, so URLs upstream builds from it (the simulator's asset URLs) point back at the proxy.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Relative to forwarding: `before` = upstream never sees the request, `after` = upstream processed it. */
export type FaultTiming = 'before' | 'after';

export type Fault =
	/** Answer with this instead of upstream's answer. An object body is sent as JSON. */
	| { kind: 'respond'; when: FaultTiming; status: number; headers?: Record<string, string>; body?: string | object }
	/** A TCP reset (RST) instead of an answer. */
	| { kind: 'reset'; when: FaultTiming }
	/**
	 * Hold the request. Without `ms` until the client gives up (or the proxy closes); with `ms` the
	 * request goes on afterwards (`before`: then forwarded, `after`: upstream's answer then delivered),
	 * unless the client hung up meanwhile, in which case nothing more is sent anywhere.
	 */
	| { kind: 'stall'; when: FaultTiming; ms?: number }
	/**
	 * Forward, then send upstream's status and headers with only the first `keepBytes` of its body
	 * (default: half). `cutConnection` false: a complete HTTP response (Content-Length fits the cut body)
	 * whose body is not valid JSON any more; true: upstream's full length is announced and the
	 * connection drops mid-body.
	 */
	| { kind: 'truncate'; keepBytes?: number; cutConnection?: boolean };

export interface ProxiedRequest {
	method: string;
	/** Path without the query string. */
	path: string;
	/** Query string with its `?`, or ''. */
	search: string;
	body: string;
}

export interface FaultRule {
	/** Only this method (default: any). */
	method?: string;
	/** The path without query string: exact, or a pattern. */
	path: string | RegExp;
	/** Narrows further (e.g. one item's ID in the query or body). */
	where?: (request: ProxiedRequest) => boolean;
	/** Apply from the nth matching request on (1-based). Without `count`, to that request only. */
	nth?: number;
	/** Apply to this many matching requests (default: every one, or one when `nth` is given). */
	count?: number;
	fault: Fault;
	/** Name in the log (default: describeFault(fault)). */
	label?: string;
}

export interface InjectedRule {
	readonly rule: FaultRule;
	/** Requests that matched method, path and `where` (whether or not the fault applied). */
	readonly matched: number;
	/** Requests the fault was applied to. */
	readonly applied: number;
}

export interface ProxyLogEntry extends ProxiedRequest {
	/** Arrival order since the proxy started, from 0. */
	index: number;
	/** Label of the rule that applied; undefined when the request passed through untouched. */
	fault?: string;
	/** Upstream answered the request, so it saw (and processed) it. */
	upstreamSaw: boolean;
	upstreamStatus?: number;
	/** Upstream could not be reached or dropped the connection (error code). */
	upstreamError?: string;
	/**
	 * What the client got: an HTTP response (`clientStatus`), a reset, a response cut mid-body, or
	 * nothing because the connection closed first (the client timed out); `pending` while in progress.
	 */
	client: 'pending' | 'response' | 'reset' | 'cut' | 'hung-up';
	clientStatus?: number;
	/** The proxy is finished with the request. */
	done: boolean;
}

export interface FaultProxy {
	url: string;
	inject(rule: FaultRule): InjectedRule;
	/** A fresh start: removes every rule and empties the log. */
	clear(): void;
	/** Every request, oldest first. Never holds headers, so never a key. */
	readonly log: ProxyLogEntry[];
	/** Resolves once every request so far is done (a stalled one: once its client hung up). */
	idle(): Promise<void>;
	close(): Promise<void>;
}

export function describeFault(fault: Fault): string {
	switch (fault.kind) {
		case 'respond':
			return `${fault.status} ${fault.when} forwarding`;
		case 'reset':
			return `reset ${fault.when} forwarding`;
		case 'stall':
			return `stall ${fault.when} forwarding${fault.ms === undefined ? '' : ` for ${fault.ms} ms`}`;
		case 'truncate':
			return fault.cutConnection ? 'body cut mid-stream' : 'truncated body';
	}
}

const htmlPage = (title: string, text: string) =>
	`<!DOCTYPE html>\n<html>\n<head><title>${title}</title></head>\n<body>\n<h1>${title}</h1>\n<p>${text}</p>\n<hr><address>edge-gateway</address>\n</body>\n</html>\n`;

const STATUS_TEXT: Record<number, string> = { 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };

/** The faults by the names testers use. */
export const faults = {
	/** A 5xx with a JSON body, answered by the proxy (upstream never sees the request). */
	jsonError: (status = 503, body: object = { message: 'Service temporarily unavailable' }): Fault => ({ kind: 'respond', when: 'before', status, body }),
	/** A 5xx with a gateway's HTML error page. */
	htmlError: (status = 502): Fault => ({
		kind: 'respond',
		when: 'before',
		status,
		headers: { 'content-type': 'text/html; charset=utf-8' },
		body: htmlPage(`${status} ${STATUS_TEXT[status] ?? 'Error'}`, 'The server is temporarily unable to service your request.'),
	}),
	resetBeforeForwarding: (): Fault => ({ kind: 'reset', when: 'before' }),
	resetAfterForwarding: (): Fault => ({ kind: 'reset', when: 'after' }),
	stallBeforeForwarding: (ms?: number): Fault => ({ kind: 'stall', when: 'before', ms }),
	stallAfterForwarding: (ms?: number): Fault => ({ kind: 'stall', when: 'after', ms }),
	/** Upstream's answer (usually a 200) with its JSON body cut in half. */
	truncatedJson: (options: { keepBytes?: number; cutConnection?: boolean } = {}): Fault => ({ kind: 'truncate', ...options }),
	/** A 200 that is an HTML page (a captive portal, a login wall, a misrouted base URL). */
	html200: (when: FaultTiming = 'before'): Fault => ({
		kind: 'respond',
		when,
		status: 200,
		headers: { 'content-type': 'text/html; charset=utf-8' },
		body: htmlPage('Sign in', 'Please sign in to continue.'),
	}),
	/** A 429 answered by the proxy; with `retryAfterSeconds` it carries a Retry-After header. */
	tooManyRequests: (retryAfterSeconds?: number, body: object = { message: 'Too many requests, slow down.' }): Fault => ({
		kind: 'respond',
		when: 'before',
		status: 429,
		headers: retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) },
		body,
	}),
};

/** Headers of one connection, not of the message; and Content-Length, which the proxy sets for what it sends. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'content-length']);

function endToEnd(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
	return Object.fromEntries(Object.entries(headers).filter(([name, value]) => value !== undefined && !HOP_BY_HOP.has(name.toLowerCase())));
}

interface UpstreamAnswer {
	status: number;
	headers: http.OutgoingHttpHeaders;
	body: Buffer;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
	return Buffer.concat(chunks);
}

export async function startFaultProxy({ upstream, host = '127.0.0.1' }: { upstream: string; host?: string }): Promise<FaultProxy> {
	const target = new URL(upstream);
	const basePath = target.pathname.replace(/\/+$/, '');
	// A connection per forwarded request: no pooled socket a restarted upstream could leave stale.
	const agent = new http.Agent({ keepAlive: false });
	const rules: Array<{ rule: FaultRule; matched: number; applied: number }> = [];
	const log: ProxyLogEntry[] = [];
	let arrivals = 0;
	const inProgress = new Set<Promise<void>>();

	/** Every matching rule counts the request; the first whose window includes it applies. */
	function ruleFor(request: ProxiedRequest) {
		let chosen: (typeof rules)[number] | undefined;
		for (const state of rules) {
			const { rule } = state;
			if (rule.method && rule.method.toUpperCase() !== request.method) continue;
			if (typeof rule.path === 'string' ? rule.path !== request.path : !rule.path.test(request.path)) continue;
			if (rule.where && !rule.where(request)) continue;
			state.matched++;
			const first = rule.nth ?? 1;
			const count = rule.count ?? (rule.nth === undefined ? Infinity : 1);
			if (!chosen && state.matched >= first && state.applied < count) chosen = state;
		}
		if (chosen) chosen.applied++;
		return chosen?.rule;
	}

	/** Sends the request on; undefined when upstream gave no answer (`upstreamError` says why). */
	async function forward(entry: ProxyLogEntry, req: http.IncomingMessage, body: Buffer): Promise<UpstreamAnswer | undefined> {
		let answer: UpstreamAnswer;
		try {
			answer = await new Promise<UpstreamAnswer>((resolve, reject) => {
				const outgoing = http.request(
					{
						protocol: target.protocol,
						hostname: target.hostname,
						port: target.port,
						method: entry.method,
						path: `${basePath}${entry.path}${entry.search}`,
						headers: { ...endToEnd(req.headers), 'content-length': String(body.length) },
						agent,
					},
					(response) => {
						readAll(response)
							.then((received) => resolve({ status: response.statusCode ?? 502, headers: endToEnd(response.headers), body: received }))
							.catch(reject);
					},
				);
				outgoing.on('error', reject);
				outgoing.end(body);
			});
		} catch (error) {
			entry.upstreamError = (error as NodeJS.ErrnoException).code ?? String(error);
			return undefined;
		}
		entry.upstreamSaw = true;
		entry.upstreamStatus = answer.status;
		return answer;
	}

	async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
		const url = new URL(req.url ?? '/', 'http://proxy');
		const requestBody = await readAll(req);
		const entry: ProxyLogEntry = {
			index: arrivals++,
			method: (req.method ?? 'GET').toUpperCase(),
			path: url.pathname,
			search: url.search,
			body: requestBody.toString('utf8'),
			upstreamSaw: false,
			client: 'pending',
			done: false,
		};
		log.push(entry);
		try {
			await apply(entry, req, res, requestBody);
		} finally {
			entry.done = true;
		}
	}

	async function apply(entry: ProxyLogEntry, req: http.IncomingMessage, res: http.ServerResponse, requestBody: Buffer) {
		let clientGone = false;
		let onClientGone: () => void = () => undefined;
		const gone = new Promise<void>((resolve) => (onClientGone = resolve));
		const hungUp = () => {
			clientGone = true;
			if (entry.client === 'pending') entry.client = 'hung-up';
			onClientGone();
		};
		res.on('close', () => {
			if (!res.writableFinished) hungUp();
		});
		if (req.socket.destroyed) hungUp();

		const respond = (answer: UpstreamAnswer) => {
			if (clientGone) return;
			entry.client = 'response';
			entry.clientStatus = answer.status;
			res.writeHead(answer.status, { ...answer.headers, 'content-length': String(answer.body.length) });
			res.end(answer.body);
		};
		const reset = () => {
			if (clientGone) return;
			entry.client = 'reset';
			req.socket.resetAndDestroy();
		};
		const stall = async (ms: number | undefined) => {
			let timer: NodeJS.Timeout | undefined;
			const elapsed = ms === undefined ? new Promise<never>(() => undefined) : new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
			await Promise.race([elapsed, gone]);
			clearTimeout(timer);
		};
		const upstreamFailed = (): UpstreamAnswer => ({
			status: 502,
			headers: { 'content-type': 'application/json' },
			body: Buffer.from(JSON.stringify({ message: `fault proxy: upstream failed (${entry.upstreamError})` })),
		});

		const rule = ruleFor(entry);
		if (!rule) {
			respond((await forward(entry, req, requestBody)) ?? upstreamFailed());
			return;
		}
		const { fault } = rule;
		entry.fault = rule.label ?? describeFault(fault);
		if (fault.kind === 'truncate') {
			const answer = (await forward(entry, req, requestBody)) ?? upstreamFailed();
			const kept = answer.body.subarray(0, fault.keepBytes ?? Math.floor(answer.body.length / 2));
			if (!fault.cutConnection) return respond({ ...answer, body: kept });
			if (clientGone) return;
			entry.client = 'cut';
			entry.clientStatus = answer.status;
			res.writeHead(answer.status, { ...answer.headers, 'content-length': String(answer.body.length) });
			// Destroy only once the kept bytes are on the wire, or the client might not see them.
			res.write(kept, () => req.socket.destroy());
			return;
		}
		if (fault.when === 'before') {
			if (fault.kind === 'respond') return respond(fixedAnswer(fault));
			if (fault.kind === 'reset') return reset();
			await stall(fault.ms);
			if (clientGone) return;
			return respond((await forward(entry, req, requestBody)) ?? upstreamFailed());
		}
		const answer = (await forward(entry, req, requestBody)) ?? upstreamFailed();
		if (fault.kind === 'respond') return respond(fixedAnswer(fault));
		if (fault.kind === 'reset') return reset();
		await stall(fault.ms);
		return respond(answer);
	}

	const server = http.createServer((req, res) => {
		const work = handle(req, res).catch((error: Error) => {
			if (!res.headersSent) {
				res.writeHead(500, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ message: `fault proxy: ${error.message}` }));
			}
		});
		inProgress.add(work);
		void work.finally(() => inProgress.delete(work));
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, host, () => resolve());
	});
	const { port } = server.address() as AddressInfo;

	return {
		url: `http://${host}:${port}`,
		inject(rule) {
			const state = { rule, matched: 0, applied: 0 };
			rules.push(state);
			return {
				rule,
				get matched() {
					return state.matched;
				},
				get applied() {
					return state.applied;
				},
			};
		},
		clear() {
			rules.length = 0;
			log.length = 0;
		},
		log,
		async idle() {
			while (inProgress.size) await Promise.allSettled([...inProgress]);
		},
		async close() {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
			await Promise.allSettled([...inProgress]);
			agent.destroy();
		},
	};
}

function fixedAnswer(fault: Extract<Fault, { kind: 'respond' }>): UpstreamAnswer {
	const json = typeof fault.body === 'object';
	const body = fault.body === undefined ? Buffer.alloc(0) : Buffer.from(json ? JSON.stringify(fault.body) : String(fault.body));
	const headers: http.OutgoingHttpHeaders = { ...(json ? { 'content-type': 'application/json' } : {}), ...fault.headers };
	return { status: fault.status, headers, body };
}
