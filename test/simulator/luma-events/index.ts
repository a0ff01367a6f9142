/**
 * The events & calendars API (public-api.luma.com) as a SimApiModule: key auth, per-key rate limits
 * with lockout, request validation against Luma's OpenAPI document, stateful handlers, responses
 * shaped by and validated against the document, and signed webhook deliveries.
 */
import { createHmac, randomUUID } from 'node:crypto';

import type { SimApiModule, SimClock, SimRequest, SimResponse } from '../types';
import { ApiError, HANDLERS, type HandlerContext } from './handlers';
import { coerceQuery, describeError, fillFromSchema, findOperation, loadSpec, type OperationSpec } from './spec';
import { EventsStore, type Rec } from './store';

export { EventsStore } from './store';
export { loadSpec, ROUTE_ALIASES } from './spec';

export interface EventsKey {
	key: string;
	type: 'calendar' | 'organization';
	/** Calendar keys: the calendar they are scoped to (default: the primary seeded calendar). */
	calendarId?: string;
}

export interface EventsRateLimit {
	calendarPerWindow?: number;
	organizationPerWindow?: number;
	/** Documented ms (scaled by the clock). Default 60,000. */
	windowMs?: number;
	/** Documented ms (scaled). Default 60,000: Luma blocks a key for a minute after a 429. */
	lockoutMs?: number;
	/** Send Retry-After on 429 (seconds, scaled). Default false. */
	retryAfterHeader?: boolean;
	/**
	 * Send the count (X-RateLimit-Limit/Remaining/Reset) on successful answers. Default true, as Luma
	 * does; false stands for a proxy that strips them, the case where a budget set too high meets 429s.
	 */
	countHeaders?: boolean;
	enabled?: boolean;
}

export interface WebhookPolicy {
	retries: number;
	retryDelayMs: number;
	timeoutMs: number;
}

export interface EventsOptions {
	/** Accepted keys. Default: any non-empty key; keys starting with `org-` are organization keys. */
	keys?: EventsKey[];
	rateLimit?: EventsRateLimit;
	/** Seed of the deterministic data set (default 1). */
	seed?: number;
	/** Real ms. Default: 3 retries, 100 ms apart, 5 s timeout. */
	webhookPolicy?: Partial<WebhookPolicy>;
	/** Answer 500 (instead of sending) when a response does not fit the spec. Default true. */
	strictResponses?: boolean;
}

export interface EventsStats {
	requests: number;
	sent429: number;
	rejectedDuringLockout: number;
	webhooks: { attempts: number; successes: number; failures: number };
}

export interface WebhookDelivery {
	webhookId: string;
	url: string;
	status: number | 'error';
	attempts: number;
}

const DEFAULT_POLICY: WebhookPolicy = { retries: 3, retryDelayMs: 100, timeoutMs: 5000 };

interface KeyWindow {
	windowStart: number;
	count: number;
	blockedUntil: number;
}

export class EventsSimulator implements SimApiModule {
	readonly store: EventsStore;
	private options: EventsOptions;
	private windows = new Map<string, KeyWindow>();
	private counters: EventsStats = this.freshStats();
	private pending = new Set<Promise<unknown>>();
	private closed = false;

	constructor(
		options: EventsOptions,
		private readonly clock: SimClock,
	) {
		this.options = { ...options };
		this.store = new EventsStore(options.seed ?? 1, clock.now());
		loadSpec();
	}

	configure(options: Partial<EventsOptions>): void {
		this.options = {
			...this.options,
			...options,
			rateLimit: { ...this.options.rateLimit, ...options.rateLimit },
			webhookPolicy: { ...this.options.webhookPolicy, ...options.webhookPolicy },
		};
		if (options.rateLimit) this.windows.clear();
	}

	stats(): EventsStats {
		return structuredClone(this.counters);
	}

	resetStats(): void {
		this.counters = this.freshStats();
	}

	private freshStats(): EventsStats {
		return { requests: 0, sent429: 0, rejectedDuringLockout: 0, webhooks: { attempts: 0, successes: 0, failures: 0 } };
	}

	async handle(request: SimRequest): Promise<SimResponse | undefined> {
		const uploads = this.handleCdn(request);
		if (uploads) return uploads;
		const operation = findOperation(request.method, request.path);
		if (!operation) {
			const otherMethod = findOperation(request.method === 'GET' ? 'POST' : 'GET', request.path);
			if (otherMethod) return error(405, `Use ${otherMethod.method} for ${request.path}`, 'method_not_allowed');
			return undefined;
		}
		this.counters.requests += 1;

		const key = headerValue(request.headers['x-luma-api-key']);
		if (!key || !key.trim()) return error(400, 'Missing x-luma-api-key header.', 'missing_api_key');
		const account = this.account(key);
		if (!account) return error(401, 'Invalid API key.', 'invalid_api_key');

		const limited = this.rateLimit(key, account.type);
		if (limited.response) return limited.response;
		const rateHeaders = limited.headers;

		if (operation.organization && account.type !== 'organization') {
			return error(403, 'This route needs an organization API key.', 'forbidden', rateHeaders);
		}

		const input = this.validate(operation, request);
		if ('response' in input) return { ...input.response, headers: { ...input.response.headers, ...rateHeaders } };

		const handler = HANDLERS[`${operation.method} ${operation.path}`];
		if (!handler) return error(501, `Not simulated: ${operation.method} ${operation.path}`, 'not_implemented', rateHeaders);
		const host = headerValue(request.headers.host) ?? '127.0.0.1';
		const context: HandlerContext = {
			store: this.store,
			query: input.query,
			body: input.body,
			calendarId: account.calendarId,
			keyType: account.type,
			origin: `http://${host}`,
			emit: (type, data) => void this.emitWebhookEvent(type, data, account.calendarId),
			now: () => this.clock.now(),
		};
		let result: unknown;
		try {
			result = handler(context);
		} catch (caught) {
			if (caught instanceof ApiError) return error(caught.status, caught.message, caught.code, rateHeaders);
			throw caught;
		}
		const shaped = fillFromSchema(operation.responseSchema, result);
		if (!operation.validateResponse(shaped) && this.options.strictResponses !== false) {
			const [first] = operation.validateResponse.errors ?? [];
			return error(500, `Simulator response does not fit the spec (${operation.path}): ${first ? describeError(first, 'response') : ''}`, 'simulator_bug', rateHeaders);
		}
		return { status: 200, body: shaped, headers: rateHeaders };
	}

	/** PUT <upload_url> stores bytes; GET <file_url> serves them (the CDN half of Image → Upload). */
	private handleCdn(request: SimRequest): SimResponse | undefined {
		const match = /^\/sim-cdn\/(upload|images)\/([\w-]+)$/.exec(request.path);
		if (!match) return undefined;
		const upload = this.store.uploads.get(match[2]);
		if (!upload) return { status: 404, body: { message: 'Not found', code: 'not_found' } };
		if (match[1] === 'upload') {
			if (request.method !== 'PUT') return { status: 405, body: { message: 'Use PUT', code: 'method_not_allowed' } };
			if (request.rawBody.length === 0) return { status: 400, body: { message: 'Empty upload', code: 'invalid_request' } };
			upload.bytes = Buffer.from(request.rawBody);
			const type = headerValue(request.headers['content-type']);
			if (type) upload.contentType = type;
			return { status: 200, body: {} };
		}
		if (!upload.bytes) return { status: 404, body: { message: 'Not uploaded yet', code: 'not_found' } };
		return { status: 200, raw: upload.bytes, headers: { 'content-type': upload.contentType } };
	}

	private account(key: string): { type: 'calendar' | 'organization'; calendarId: string } | undefined {
		if (this.options.keys) {
			const found = this.options.keys.find((entry) => entry.key === key);
			if (!found) return undefined;
			return { type: found.type, calendarId: found.calendarId ?? this.store.primaryCalendarId };
		}
		return { type: key.startsWith('org-') ? 'organization' : 'calendar', calendarId: this.store.primaryCalendarId };
	}

	private rateLimit(key: string, type: 'calendar' | 'organization'): { response?: SimResponse; headers: Record<string, string> } {
		const settings = this.options.rateLimit ?? {};
		if (settings.enabled === false) return { headers: {} };
		const limit = type === 'organization' ? (settings.organizationPerWindow ?? 500) : (settings.calendarPerWindow ?? 200);
		const windowMs = this.clock.scaled(settings.windowMs ?? 60_000);
		const lockoutMs = this.clock.scaled(settings.lockoutMs ?? 60_000);
		const now = this.clock.now();
		const state = this.windows.get(key) ?? { windowStart: now, count: 0, blockedUntil: 0 };
		this.windows.set(key, state);
		const limited = (until: number): SimResponse => {
			this.counters.sent429 += 1;
			const headers: Record<string, string> = {
				'x-ratelimit-limit': String(limit),
				'x-ratelimit-remaining': '0',
				'x-ratelimit-reset': new Date(until).toISOString(),
			};
			if (settings.retryAfterHeader) headers['retry-after'] = String(Math.max(1, Math.ceil((until - now) / 1000)));
			return { status: 429, body: { message: 'Rate limit exceeded. Try again in a minute.', code: 'rate_limited' }, headers };
		};
		if (now < state.blockedUntil) {
			this.counters.rejectedDuringLockout += 1;
			return { response: limited(state.blockedUntil), headers: {} };
		}
		if (now - state.windowStart >= windowMs) {
			state.windowStart = now;
			state.count = 0;
		}
		state.count += 1;
		if (state.count > limit) {
			state.blockedUntil = now + lockoutMs;
			return { response: limited(state.blockedUntil), headers: {} };
		}
		if (settings.countHeaders === false) return { headers: {} };
		return {
			headers: {
				'x-ratelimit-limit': String(limit),
				'x-ratelimit-remaining': String(limit - state.count),
				'x-ratelimit-reset': new Date(state.windowStart + windowMs).toISOString(),
			},
		};
	}

	private validate(operation: OperationSpec, request: SimRequest): { query: Rec; body: Rec } | { response: SimResponse } {
		const query: Rec = {};
		for (const parameter of operation.parameters) {
			const values = request.query.getAll(parameter.name);
			if (values.length === 0 || (values.length === 1 && values[0] === '' && parameter.required)) {
				if (parameter.required) return { response: error(400, `Missing required query parameter: ${parameter.name}`, 'invalid_request') };
				continue;
			}
			const value = coerceQuery(parameter.schema, values);
			if (!parameter.validate(value)) {
				const [first] = parameter.validate.errors ?? [];
				return { response: error(400, first ? describeError(first, parameter.name) : `Invalid value for ${parameter.name}`, 'invalid_request') };
			}
			query[parameter.name] = value;
		}
		let body: Rec = {};
		if (operation.method === 'POST') {
			if (request.rawBody.length > 0 && request.body === undefined) return { response: error(400, 'The request body is not valid JSON.', 'invalid_json') };
			const candidate = request.body ?? {};
			if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) {
				return { response: error(400, 'The request body must be a JSON object.', 'invalid_request') };
			}
			if (operation.validateBody && !operation.validateBody(candidate)) {
				const errors = operation.validateBody.errors ?? [];
				// oneOf/anyOf failures report every branch; the most specific one names the field.
				const best = errors.find((entry) => entry.keyword === 'required') ?? errors.find((entry) => !['oneOf', 'anyOf', 'const'].includes(entry.keyword)) ?? errors[0];
				return { response: error(400, best ? describeError(best) : 'Invalid request body', 'invalid_request') };
			}
			body = candidate as Rec;
		}
		return { query, body };
	}

	// ---- webhooks -------------------------------------------------------------------------------

	/** A valid `{ type, data }` payload about seeded objects. */
	samplePayload(type: string, options: { otherEvent?: boolean } = {}): { type: string; data: Record<string, unknown> } {
		const store = this.store;
		// The big event, or (otherEvent) another event of the calendar that has guests.
		const event = options.otherEvent
			? [...store.events.values()].find((entry) => entry.id !== store.bigEventId && entry.calendar_id === store.primaryCalendarId && entry.guestIds.length > 0)!
			: store.events.get(store.bigEventId)!;
		const guest = store.guestsOf(event.id)[0];
		const contact = store.contactsOf(store.primaryCalendarId)[0];
		const eventData = { ...event, hosts: [], tags: [] };
		const guestData = { ...guest, event_ticket_orders: [], custom_source: null, event: eventData };
		const byType: Record<string, Rec> = {
			'event.created': eventData,
			'event.updated': eventData,
			'event.canceled': eventData,
			'guest.registered': guestData,
			'guest.updated': guestData,
			'guest.refunded': { ...guestData, refund: { amount: 1500, currency: 'usd' } },
			'ticket.registered': { ...guestData, event_ticket: guest.event_tickets[0] },
			'calendar.person.subscribed': { ...contact, tags: [], user: store.users.get(contact.user_id) },
			'calendar.person.unsubscribed': { email: contact.email },
			'calendar.event.added': { ...event, api_id: event.id, calendar: store.calendars.get(store.primaryCalendarId), hosts: [] },
			'calendar.event.submitted': { id: 'calev-sample', event: eventData, status: 'pending' },
		};
		return { type, data: this.shapeWebhook(type, byType[type] ?? eventData) };
	}

	private shapeWebhook(type: string, data: Rec): Rec {
		const schema = loadSpec().webhookSchemas.get(type);
		return schema ? ((fillFromSchema(schema, { type, data }) as Rec).data as Rec) : data;
	}

	/**
	 * Luma sends `type` to every active registration subscribed to it (or to '*') on the calendar.
	 * Resolves when every delivery finished, retries included.
	 */
	async emitWebhookEvent(type: string, data?: Record<string, unknown>, calendarId = this.store.primaryCalendarId): Promise<WebhookDelivery[]> {
		if (this.closed) return [];
		const payloadData = data ? this.shapeWebhook(type, data as Rec) : this.samplePayload(type).data;
		const targets = [...this.store.webhooks.values()].filter(
			(hook) => hook.calendarId === calendarId && hook.status === 'active' && (hook.event_types.includes('*') || hook.event_types.includes(type)),
		);
		const body = JSON.stringify({ type, data: payloadData });
		const deliveries = Promise.all(targets.map((hook) => this.deliver(hook, body)));
		this.pending.add(deliveries);
		try {
			return await deliveries;
		} finally {
			this.pending.delete(deliveries);
		}
	}

	private async deliver(hook: Rec, body: string): Promise<WebhookDelivery> {
		const policy = { ...DEFAULT_POLICY, ...this.options.webhookPolicy };
		const webhookId = `msg_${randomUUID()}`;
		let attempts = 0;
		let status: number | 'error' = 'error';
		for (let attempt = 0; attempt <= policy.retries && !this.closed; attempt++) {
			if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, policy.retryDelayMs));
			attempts += 1;
			this.counters.webhooks.attempts += 1;
			const t = Math.floor(Date.now() / 1000);
			const signature = createHmac('sha256', hook.secret).update(`${t}.${body}`).digest('hex');
			try {
				const response = await fetch(hook.url, {
					method: 'POST',
					headers: { 'content-type': 'application/json', 'webhook-signature': `t=${t},v1=${signature}`, 'webhook-id': webhookId },
					body,
					signal: AbortSignal.timeout(policy.timeoutMs),
				});
				await response.arrayBuffer().catch(() => undefined);
				status = response.status;
				if (response.ok) {
					this.counters.webhooks.successes += 1;
					return { webhookId: hook.id, url: hook.url, status, attempts };
				}
			} catch {
				status = 'error';
			}
		}
		this.counters.webhooks.failures += 1;
		return { webhookId: hook.id, url: hook.url, status, attempts };
	}

	async webhooksSettled(): Promise<void> {
		while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
	}

	async close(): Promise<void> {
		this.closed = true;
		await this.webhooksSettled();
	}
}

function headerValue(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value[0] : value;
}

function error(status: number, message: string, code: string, headers: Record<string, string> = {}): SimResponse {
	return { status, body: { message, code }, headers };
}
