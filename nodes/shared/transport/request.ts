import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { LostAnswer } from '../errors';
import { asNodeError, lostAnswerError, lumaApiError, lumaErrorMessage, lumaNetworkError } from '../errors';
import type { GenerationGroup } from '../generation/generation';
import { isJsonObject } from '../objects';
import type { RetryContext } from '../retryPolicy';
import { decideRetry, NEVER_SENT_CODES, safeToRepeat } from '../retryPolicy';
import { CancelledError, getBucket, waitFor } from '../scheduler';
import type { Account, LumaApiName } from './accounts';
import { getAccount } from './accounts';
import type { CreateTurn, ListPage } from './accountActivity';
import { accountActivity, existingActivity } from './accountActivity';
import { bucketFor, jobBucketKey, sharedCreateGate } from './budgets';
import type { LumaContext } from './context';
import { cancelled, cleanQuery, isAbort, networkErrorCode, parseBody } from './responses';
import { runSettingsOf } from './runSettings';
import type { TransportTiming } from './timing';
import { getTransportTiming, retryTimingFor } from './timing';

export interface LumaRequest {
	method: 'GET' | 'POST' | 'DELETE' | 'PUT';
	/** Appended to the credential's base URL, e.g. '/v1/events/get' or '/generations/video'. */
	path: string;
	/** Arrays are sent as repeated keys; undefined, null and '' are dropped. */
	qs?: IDataObject;
	/**
	 * JSON, or raw bytes for a body n8n's helpers cannot build without a FormData global (the Agents
	 * Files API's multipart upload); a raw body brings its own Content-Type in `headers`.
	 */
	body?: IDataObject | IDataObject[] | Buffer;
	/** Extra headers (e.g. the Agents API's X-Request-Id for tracing a create). */
	headers?: IDataObject;
	/** Goes into the NodeApiError so n8n shows which item failed. */
	itemIndex?: number;
	/**
	 * Creates are paced apart from reads: per model family on Dream Machine ('video' | 'image'), one
	 * budget for all generations on the Agents API ('generation', also the job-slot group).
	 */
	limitGroup?: GenerationGroup | 'generation';
	/** GET is always idempotent. Set only where a repeat provably cannot duplicate a side effect. */
	idempotent?: boolean;
	/** The JSON a success carries (default an object); anything else is a garbled answer. */
	expect?: 'object' | 'array';
	/** Fields an object success must carry (e.g. a Generation's `id`): one missing makes the answer garbled. */
	expectFields?: string[];
	/** A Dream Machine poll (GET /generations/{id}): its state tells the account's shared view whether a job slot is free. */
	observeGeneration?: boolean;
	/** What to check in Luma when a create's answer is lost (goes into the error). */
	whatToCheck?: string;
}

/** The Agents API refuses a create with 502 / 503 before anything is queued (its error-handling guide). */
const AGENTS_REJECTED_CREATE_STATUSES = [502, 503] as const;

function httpOptions(api: LumaApiName, account: Account, request: LumaRequest, timing: TransportTiming): IHttpRequestOptions {
	const headers: IDataObject = { accept: 'application/json', ...request.headers };
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
	return options;
}

/** Why a success body is not what the operation expects, in one line; undefined when it is fine. */
function garbledBody(body: unknown, { expect, expectFields = [] }: Pick<LumaRequest, 'expect' | 'expectFields'>): string | undefined {
	if (typeof body === 'string') return lumaErrorMessage(body) ?? 'text';
	if (expect === 'array') return Array.isArray(body) ? undefined : 'not a list';
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'not a JSON object';
	const missing = expectFields.find((field) => (body as IDataObject)[field] === undefined || (body as IDataObject)[field] === null);
	return missing ? `a JSON object without "${missing}"` : undefined;
}

/** How a gated create ended, for the account's shared view (accountActivity.ts). */
function reportTurn(turn: CreateTurn, status: number, body: unknown, garbled: boolean, sentAt: number) {
	if (status < 300 && !garbled && isJsonObject(body)) turn.created(body, sentAt);
	else if (status < 300 || status >= 500) turn.lost();
	else turn.refused(status === 429);
}


/**
 * The one way the Luma nodes talk to Luma's APIs: waits for the account's scheduler, sends through
 * n8n's authenticated HTTP helper (proxy, SSRF rules, credential handling), and sends again only
 * when the retry policy (retryPolicy.ts) says so. Resolves with the parsed JSON body ({} when empty).
 * A request with a side effect whose answer is lost fails with `lostAnswerError` (errors.ts), never
 * as a plain network error: the caller may find out what happened (reconcile) or tell the user.
 */
export async function lumaApiRequest<T = IDataObject>(ctx: LumaContext, api: LumaApiName, request: LumaRequest): Promise<T> {
	const node = ctx.getNode();
	const account = await getAccount(ctx, api);
	const settings = runSettingsOf(ctx);
	const timing = getTransportTiming();
	const { key, limits } = bucketFor(api, account, request, settings, timing);
	const bucket = getBucket(key);
	const signal = ctx.getExecutionCancelSignal?.();
	const options = httpOptions(api, account, request, timing);
	const retryTiming = retryTimingFor(api, timing);
	const retry: RetryContext = {
		idempotent: request.method === 'GET' || request.idempotent === true,
		honourRateLimits: true,
		transientRetries: 0,
		rateLimitStreak: 0,
		waitedForRateLimitsMs: 0,
		maxRetryWaitMs: settings.maxRetryWaitSeconds * 1000,
		resendableStatuses: api === 'agents' && request.limitGroup ? AGENTS_REJECTED_CREATE_STATUSES : undefined,
	};
	const lost = (answer: LostAnswer) => lostAnswerError(node, answer, request.itemIndex, request.whatToCheck);
	const gate = sharedCreateGate(api, account, request, limits);
	const activityTiming = { windowMs: timing.windowMs, maxAgeMs: timing.accountActivityMaxAgeMs };
	const listPage: ListPage = async (offset, limit) =>
		await lumaApiRequest(ctx, 'dreamMachine', { method: 'GET', path: '/generations', qs: { limit, offset }, itemIndex: request.itemIndex });

	try {
		await bucket.acquireSlot(limits, signal);
	} catch (error) {
		if (error instanceof CancelledError) throw cancelled(node, request.itemIndex);
		throw asNodeError(node, error, request.itemIndex);
	}
	try {
		for (let attempt = 0; ; attempt++) {
			const turn: CreateTurn | undefined = gate
				? await accountActivity(account.key).waitForTurn(gate.group, gate.plan, activityTiming, listPage, signal)
				: undefined;
			const ticket = await bucket.startSend(limits, signal, { isRetry: attempt > 0 });
			const sentAt = Date.now();
			let response: IN8nHttpFullResponse;
			try {
				response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, account.credentialType, options)) as IN8nHttpFullResponse;
			} catch (error) {
				bucket.finishSend(ticket);
				if (isAbort(error, signal)) {
					turn?.lost();
					throw cancelled(node, request.itemIndex);
				}
				// e.g. "no credentials set": not a network failure, nothing was sent.
				if (error instanceof NodeOperationError) {
					turn?.refused(false);
					throw asNodeError(node, error, request.itemIndex);
				}
				const code = networkErrorCode(error) ?? 'NETWORK_ERROR';
				if (NEVER_SENT_CODES.has(code)) turn?.refused(false);
				else turn?.lost();
				const decision = decideRetry({ kind: 'networkError', code }, retry, retryTiming, Date.now());
				if (decision.action === 'retry') {
					retry.transientRetries++;
					await waitFor(decision.waitMs, signal);
					continue;
				}
				if (decision.action === 'giveUp' && decision.reason === 'notSafeToRepeat') throw lost({ kind: 'network', code });
				// A fresh error: n8n's wrapped one carries the request config, and with it the key.
				throw lumaNetworkError(node, code, request.itemIndex);
			}
			const status = response.statusCode;
			const headers = (response.headers ?? {}) as Record<string, unknown>;
			bucket.finishSend(ticket, { status, headers }, limits);
			const body = parseBody(response.body);
			const message = status >= 400 ? lumaErrorMessage(body) : undefined;
			// Luma's own error body (JSON with a message), not a gateway's page or an empty answer.
			const fromApi = message !== undefined && typeof body === 'object' && body !== null;
			const garbled = status < 300 ? garbledBody(body, request) : undefined;
			if (turn) reportTurn(turn, status, body, garbled !== undefined, sentAt);
			else if (request.observeGeneration && status < 300 && isJsonObject(body)) {
				existingActivity(account.key)?.observeGeneration(body, activityTiming);
			}
			const decision = decideRetry(
				{ kind: 'answer', status, headers, garbled: garbled !== undefined, detail: message, fromApi },
				{ ...retry, rateLimitStreak: bucket.rateLimitStreak },
				retryTiming,
				Date.now(),
			);
			switch (decision.action) {
				case 'pauseAccount':
					retry.waitedForRateLimitsMs += decision.waitMs;
					// Every request of this account waits, not just this one: sending during a lockout extends it.
					bucket.blockFor(decision.waitMs);
					continue;
				case 'waitForJobSlot': {
					const started = Date.now();
					await getBucket(jobBucketKey(account, request.limitGroup ?? 'generation')).waitForChange(decision.maxWaitMs, signal);
					retry.waitedForRateLimitsMs += Date.now() - started;
					continue;
				}
				case 'retry':
					retry.transientRetries++;
					await waitFor(decision.waitMs, signal);
					continue;
				case 'giveUp':
					throw lumaApiError(
						node,
						status,
						body,
						request.itemIndex,
						`Gave up after waiting ${Math.round(retry.waitedForRateLimitsMs / 1000)} s in total (Max Retry Wait is ${Math.round(retry.maxRetryWaitMs / 1000)} s). Lower "Requests Per Minute" or raise "Max Retry Wait" in the node's Concurrency options.`,
					);
				case 'accept':
					break;
			}
			if (garbled !== undefined) {
				if (!retry.idempotent) throw lost({ kind: 'garbled', status, summary: garbled });
				throw lumaApiError(node, status, body, request.itemIndex, `Luma answered with ${garbled} instead of the JSON this operation expects (tried ${retry.transientRetries + 1} times).`);
			}
			if (status >= 500 && !safeToRepeat(status, fromApi, retry)) {
				throw lost({ kind: 'serverError', status, summary: message ?? `HTTP ${status}` });
			}
			if (status >= 400) throw lumaApiError(node, status, body, request.itemIndex);
			return body as T;
		}
	} catch (error) {
		if (error instanceof CancelledError) throw cancelled(node, request.itemIndex);
		throw asNodeError(node, error, request.itemIndex);
	} finally {
		bucket.releaseSlot();
	}
}
