import { createHash } from 'crypto';
import type {
	FunctionsBase,
	IDataObject,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INode,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { readConcurrencyOptions } from './concurrency';
import { asNodeError, lumaApiError, lumaNetworkError } from './errors';
import type { BucketLimits } from './scheduler';
import {
	CancelledError,
	fullJitterBackoff,
	getBucket,
	headerValue,
	parseResetTime,
	parseRetryAfter,
	waitFor,
} from './scheduler';

export type LumaApiName = 'events' | 'dreamMachine';

export interface LumaRequest {
	method: 'GET' | 'POST' | 'DELETE' | 'PUT';
	/** Appended to the credential's base URL, e.g. '/v1/events/get' or '/generations/video'. */
	path: string;
	/** Arrays are sent as repeated keys; undefined, null and '' are dropped. */
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	/** Goes into the NodeApiError so n8n shows which item failed. */
	itemIndex?: number;
	/** Dream Machine creates are paced per model family. */
	limitGroup?: 'video' | 'image';
	/** GET is always idempotent. Set only where a repeat provably cannot duplicate a side effect. */
	idempotent?: boolean;
}

/** Any n8n functions object that can make authenticated requests (execute, load options, hooks, webhooks). */
export type LumaContext = Pick<FunctionsBase, 'getCredentials' | 'getNode'> & {
	helpers: {
		httpRequestWithAuthentication(
			this: unknown,
			credentialsType: string,
			requestOptions: IHttpRequestOptions,
		): Promise<unknown>;
		httpRequest(requestOptions: IHttpRequestOptions): Promise<unknown>;
	};
	getNodeParameter?: (name: string, itemIndex: number, fallback?: unknown) => unknown;
	getExecutionCancelSignal?: () => AbortSignal | undefined;
};

const CREDENTIAL_TYPE: Record<LumaApiName, string> = {
	events: 'lumaApi',
	dreamMachine: 'lumaLabsApi',
};

const DEFAULT_BASE_URL: Record<LumaApiName, string> = {
	events: 'https://public-api.luma.com',
	dreamMachine: 'https://api.lumalabs.ai/dream-machine/v1',
};

/**
 * Retry timing. Tests and benchmarks shrink these in-process (`configureTransport`) to match a
 * simulator running with scaled time; in n8n they keep Luma's documented values.
 */
export interface TransportTiming {
	/** Luma blocks a key for one minute after a 429: the wait when the 429 says nothing else. */
	eventsLockoutMs: number;
	/** Budget window of both APIs (per minute). */
	windowMs: number;
	/** First backoff step for repeated 429s, 5xx on reads and network errors. */
	backoffBaseMs: number;
	backoffCapMs: number;
	/** Retries of a 5xx / network failure on an idempotent request. */
	maxTransientRetries: number;
	/** Per request timeout. */
	requestTimeoutMs: number;
}

const DEFAULT_TIMING: TransportTiming = {
	eventsLockoutMs: 60_000,
	windowMs: 60_000,
	backoffBaseMs: 1_000,
	backoffCapMs: 60_000,
	maxTransientRetries: 3,
	requestTimeoutMs: 60_000,
};

let timing: TransportTiming = { ...DEFAULT_TIMING };

export function configureTransport(overrides: Partial<TransportTiming> | 'defaults') {
	timing = overrides === 'defaults' ? { ...DEFAULT_TIMING } : { ...timing, ...overrides };
}

export function getTransportTiming(): TransportTiming {
	return timing;
}

interface Account {
	credentialType: string;
	baseUrl: string;
	/** Scheduler key prefix: credential type + base URL + key fingerprint (never the key itself). */
	key: string;
	credentials: IDataObject;
}

/** Credentials are decrypted once per functions object, not once per request. */
const accountCache = new WeakMap<object, Map<LumaApiName, Promise<Account>>>();

export async function getAccount(ctx: LumaContext, api: LumaApiName): Promise<Account> {
	let perApi = accountCache.get(ctx);
	if (!perApi) {
		perApi = new Map();
		accountCache.set(ctx, perApi);
	}
	let account = perApi.get(api);
	if (!account) {
		account = (async () => {
			const credentialType = CREDENTIAL_TYPE[api];
			const credentials = (await ctx.getCredentials(credentialType)) as IDataObject;
			const baseUrl = String(credentials.baseUrl || DEFAULT_BASE_URL[api]).replace(/\/+$/, '');
			const fingerprint = createHash('sha256')
				.update(String(credentials.apiKey ?? ''))
				.digest('hex')
				.slice(0, 16);
			return { credentialType, baseUrl, key: `${credentialType}|${baseUrl}|${fingerprint}`, credentials };
		})();
		perApi.set(api, account);
		account.catch(() => perApi?.delete(api));
	}
	return await account;
}

/** Plan limits of a Luma Labs credential for a model family. */
export function dreamMachinePlanLimits(credentials: IDataObject, group: 'video' | 'image') {
	const custom = credentials.plan === 'custom';
	const build = group === 'video' ? { perMinute: 20, jobs: 10 } : { perMinute: 80, jobs: 40 };
	if (!custom) return build;
	return {
		perMinute: Number(credentials[`${group}CreatesPerMinute`]) || build.perMinute,
		jobs: Number(credentials[`${group}ConcurrentJobs`]) || build.jobs,
	};
}

/** Which bucket a request joins, and its limits (node options first, then the credential). */
function bucketFor(ctx: LumaContext, api: LumaApiName, account: Account, request: LumaRequest) {
	const options = readConcurrencyOptions(ctx);
	const limits: BucketLimits = {
		maxConcurrent: options.maxConcurrentRequests,
		requestsPerWindow: 0,
		windowMs: timing.windowMs,
	};
	if (api === 'events') {
		const keyBudget = account.credentials.keyType === 'organization' ? 500 : 200;
		limits.requestsPerWindow = options.requestsPerMinute || keyBudget;
		return { key: `${account.key}|events`, limits };
	}
	if (request.limitGroup) {
		const plan = dreamMachinePlanLimits(account.credentials, request.limitGroup);
		limits.requestsPerWindow = options.requestsPerMinute || plan.perMinute;
		return { key: `${account.key}|create-${request.limitGroup}`, limits };
	}
	// Dream Machine documents no limit on reads; still pace polls so a large batch stays polite.
	limits.requestsPerWindow = 600;
	return { key: `${account.key}|read`, limits };
}

function cleanQuery(qs: IDataObject | undefined): IDataObject | undefined {
	if (!qs) return undefined;
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(qs)) {
		if (value === undefined || value === null || value === '') continue;
		if (Array.isArray(value) && value.length === 0) continue;
		out[key] = value;
	}
	return out;
}

/** Network error codes that prove the request never reached the server: safe to send again. */
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function networkErrorCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; current && depth < 5; depth++) {
		const candidate = current as { code?: unknown; cause?: unknown; name?: unknown };
		if (typeof candidate.code === 'string' && /^[A-Z_]+$/.test(candidate.code)) return candidate.code;
		current = candidate.cause;
	}
	return undefined;
}

function isAbort(error: unknown, signal?: AbortSignal): boolean {
	if (signal?.aborted) return true;
	const code = networkErrorCode(error);
	return code === 'ERR_CANCELED' || code === 'ABORT_ERR';
}

function parseBody(body: unknown): unknown {
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body === 'string') {
		if (body.trim() === '') return {};
		try {
			return JSON.parse(body);
		} catch {
			return body;
		}
	}
	return body ?? {};
}

function cancelled(node: INode, itemIndex?: number) {
	return new NodeOperationError(node, 'The execution was cancelled', { itemIndex });
}

/**
 * The one way the Luma nodes talk to either API. Waits for the account's scheduler, sends through
 * n8n's authenticated HTTP helper (proxy, SSRF rules, credential handling), retries only what is safe:
 * 429 always; 5xx and network errors only for idempotent requests or when the request never left.
 */
export async function lumaApiRequest(this: LumaContext, api: LumaApiName, request: LumaRequest): Promise<any> {
	const node = this.getNode();
	const account = await getAccount(this, api);
	const { key, limits } = bucketFor(this, api, account, request);
	const bucket = getBucket(key);
	const signal = this.getExecutionCancelSignal?.();
	const maxRetryWaitMs = readConcurrencyOptions(this).maxRetryWaitSeconds * 1000;
	const idempotent = request.method === 'GET' || request.idempotent === true;

	const headers: IDataObject = { accept: 'application/json' };
	if (api === 'events' && account.credentials.keyType === 'organization' && account.credentials.calendarId) {
		headers['x-luma-calendar-id'] = account.credentials.calendarId;
	}
	const options: IHttpRequestOptions = {
		method: request.method as IHttpRequestMethods,
		url: `${account.baseUrl}${request.path}`,
		qs: cleanQuery(request.qs),
		arrayFormat: 'repeat',
		headers,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: timing.requestTimeoutMs,
	};
	if (request.body !== undefined) options.body = request.body;

	let waitedForRetriesMs = 0;
	let transientRetries = 0;
	try {
		await bucket.acquireSlot(limits, signal);
	} catch (error) {
		if (error instanceof CancelledError) throw cancelled(node, request.itemIndex);
		throw asNodeError(node, error, request.itemIndex);
	}
	try {
		for (let attempt = 0; ; attempt++) {
			if (attempt > 0) bucket.counters.retries++;
			await bucket.startSend(limits, signal);
			let response: IN8nHttpFullResponse;
			try {
				response = (await this.helpers.httpRequestWithAuthentication.call(
					this,
					account.credentialType,
					options,
				)) as IN8nHttpFullResponse;
			} catch (error) {
				bucket.finishSend();
				if (isAbort(error, signal)) throw cancelled(node, request.itemIndex);
				// e.g. "no credentials set": not a network failure, nothing was sent.
				if (error instanceof NodeOperationError) throw asNodeError(node, error, request.itemIndex);
				const code = networkErrorCode(error) ?? 'NETWORK_ERROR';
				const safeToRepeat = idempotent || NEVER_SENT_CODES.has(code);
				if (safeToRepeat && transientRetries < timing.maxTransientRetries) {
					const waitMs = timing.backoffBaseMs / 2 + fullJitterBackoff(transientRetries++, timing.backoffBaseMs, timing.backoffCapMs);
					await waitFor(waitMs, signal);
					continue;
				}
				// A fresh error: n8n's wrapped one carries the request config, and with it the key.
				throw lumaNetworkError(node, code, request.itemIndex);
			}
			const responseHeaders = (response.headers ?? {}) as Record<string, unknown>;
			bucket.finishSend(responseHeaders);
			const status = response.statusCode;

			if (status === 429) {
				bucket.counters.rateLimited++;
				bucket.consecutiveRateLimits++;
				const now = Date.now();
				const retryAfter = parseRetryAfter(headerValue(responseHeaders, 'retry-after'), now);
				const resetAt = parseResetTime(headerValue(responseHeaders, 'x-ratelimit-reset'), now);
				let waitMs =
					retryAfter ??
					(resetAt !== undefined && resetAt > now
						? resetAt - now
						: api === 'events'
							? timing.eventsLockoutMs
							: 0);
				// Repeated 429s: the server's hint was not enough (another client shares the key, or a
				// Dream Machine concurrency limit): back off exponentially with full jitter on top.
				if (bucket.consecutiveRateLimits > 1 || waitMs === 0) {
					waitMs += fullJitterBackoff(bucket.consecutiveRateLimits, timing.backoffBaseMs, timing.backoffCapMs);
				}
				if (waitedForRetriesMs + waitMs > maxRetryWaitMs) {
					throw lumaApiError(
						node,
						429,
						parseBody(response.body),
						request.itemIndex,
						`Gave up after waiting ${Math.round(waitedForRetriesMs / 1000)} s in total (Max Retry Wait is ${Math.round(maxRetryWaitMs / 1000)} s). Lower "Requests Per Minute" or raise "Max Retry Wait" in the node's Concurrency options.`,
					);
				}
				waitedForRetriesMs += waitMs;
				// Pause every request of this account, not just this one: sending during a lockout extends it.
				bucket.blockFor(waitMs);
				continue;
			}
			bucket.consecutiveRateLimits = 0;

			if (status >= 500 && idempotent && transientRetries < timing.maxTransientRetries) {
				const waitMs = timing.backoffBaseMs / 2 + fullJitterBackoff(transientRetries++, timing.backoffBaseMs, timing.backoffCapMs);
				await waitFor(waitMs, signal);
				continue;
			}
			const body = parseBody(response.body);
			if (status >= 400) throw lumaApiError(node, status, body, request.itemIndex);
			return body;
		}
	} catch (error) {
		if (error instanceof CancelledError) throw cancelled(node, request.itemIndex);
		throw asNodeError(node, error, request.itemIndex);
	} finally {
		bucket.releaseSlot();
	}
}

/** Pages of a cursor-paginated events list (`pagination_cursor` → `entries`/`has_more`/`next_cursor`). */
export async function* cursorPages(
	this: LumaContext,
	api: LumaApiName,
	request: LumaRequest,
	pageSize = 100,
): AsyncGenerator<IDataObject[], void, undefined> {
	let cursor: string | undefined;
	const seen = new Set<string>();
	do {
		const page = (await lumaApiRequest.call(this, api, {
			...request,
			qs: { ...request.qs, pagination_limit: pageSize, pagination_cursor: cursor },
		})) as IDataObject;
		yield Array.isArray(page.entries) ? (page.entries as IDataObject[]) : [];
		// Loop on has_more (authoritative per Luma), not on the page size: Luma may cap the page.
		cursor = page.has_more === true && typeof page.next_cursor === 'string' && page.next_cursor ? page.next_cursor : undefined;
		if (cursor !== undefined) {
			if (seen.has(cursor)) {
				throw new NodeOperationError(this.getNode(), 'Luma returned the same page cursor twice; stopped to avoid an endless loop', {
					itemIndex: request.itemIndex,
				});
			}
			seen.add(cursor);
		}
	} while (cursor !== undefined);
}

/** Luma's page size cap for cursor lists (it silently returns fewer above it). */
export const CURSOR_PAGE_MAX = 100;

/** Return All / Limit over a cursor list; stops requesting pages as soon as the limit is reached. */
export async function getManyCursor(
	this: LumaContext,
	api: LumaApiName,
	request: LumaRequest,
	{ returnAll, limit }: { returnAll: boolean; limit?: number },
): Promise<IDataObject[]> {
	const wanted = returnAll ? Infinity : Math.max(1, limit ?? 50);
	const pageSize = Math.min(CURSOR_PAGE_MAX, wanted);
	const results: IDataObject[] = [];
	for await (const entries of cursorPages.call(this, api, request, pageSize)) {
		for (const entry of entries) {
			results.push(entry);
			if (results.length >= wanted) return results;
		}
	}
	return results;
}

/**
 * Return All / Limit over an offset list (Dream Machine `limit`/`offset`). Page size 50: a 500 on
 * `limit=100` has been reported.
 */
export async function getManyOffset(
	this: LumaContext,
	api: LumaApiName,
	request: LumaRequest,
	{ returnAll, limit, listKey, pageSize = 50 }: { returnAll: boolean; limit?: number; listKey: string; pageSize?: number },
): Promise<IDataObject[]> {
	const wanted = returnAll ? Infinity : Math.max(1, limit ?? 50);
	const results: IDataObject[] = [];
	for (let offset = 0; results.length < wanted; ) {
		const size = Math.min(pageSize, wanted - results.length);
		const page = (await lumaApiRequest.call(this, api, {
			...request,
			qs: { ...request.qs, limit: size, offset },
		})) as IDataObject;
		const entries = Array.isArray(page[listKey]) ? (page[listKey] as IDataObject[]) : [];
		results.push(...entries.slice(0, wanted - results.length));
		offset += entries.length;
		if (entries.length === 0 || page.has_more === false) break;
	}
	return results;
}

/**
 * Requests to URLs Luma hands out (pre-signed image upload URLs, generated asset URLs). They are
 * not Luma's API: the API key must NOT be sent to them, so they use n8n's plain HTTP helper.
 */
export async function requestExternalUrl(
	this: LumaContext,
	options: IHttpRequestOptions,
	itemIndex?: number,
): Promise<IN8nHttpFullResponse> {
	const node = this.getNode();
	let lastError: unknown;
	for (let attempt = 0; attempt <= timing.maxTransientRetries; attempt++) {
		try {
			const response = (await this.helpers.httpRequest({
				...options,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				timeout: options.timeout ?? timing.requestTimeoutMs,
			})) as IN8nHttpFullResponse;
			const idempotent = (options.method ?? 'GET') === 'GET' || options.method === 'PUT';
			if (response.statusCode >= 500 && idempotent && attempt < timing.maxTransientRetries) {
				await waitFor(fullJitterBackoff(attempt, timing.backoffBaseMs, timing.backoffCapMs), this.getExecutionCancelSignal?.());
				continue;
			}
			if (response.statusCode >= 400) {
				throw lumaApiError(node, response.statusCode, parseBody(response.body), itemIndex);
			}
			return response;
		} catch (error) {
			if (error instanceof NodeApiError && !networkErrorCode(error)) throw asNodeError(node, error, itemIndex);
			if (isAbort(error, this.getExecutionCancelSignal?.())) throw cancelled(node, itemIndex);
			lastError = error;
			if (attempt < timing.maxTransientRetries) {
				await waitFor(fullJitterBackoff(attempt, timing.backoffBaseMs, timing.backoffCapMs), this.getExecutionCancelSignal?.());
			}
		}
	}
	throw lumaNetworkError(node, networkErrorCode(lastError) ?? 'NETWORK_ERROR', itemIndex);
}
