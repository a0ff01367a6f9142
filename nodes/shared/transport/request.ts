import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError, lumaApiError, lumaNetworkError } from '../errors';
import type { RetryContext } from '../retryPolicy';
import { decideRetry } from '../retryPolicy';
import { CancelledError, getBucket, waitFor } from '../scheduler';
import type { Account, LumaApiName } from './accounts';
import { getAccount } from './accounts';
import { bucketFor } from './budgets';
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
	body?: IDataObject | IDataObject[];
	/** Goes into the NodeApiError so n8n shows which item failed. */
	itemIndex?: number;
	/** Dream Machine creates are paced per model family. */
	limitGroup?: 'video' | 'image';
	/** GET is always idempotent. Set only where a repeat provably cannot duplicate a side effect. */
	idempotent?: boolean;
}

function httpOptions(api: LumaApiName, account: Account, request: LumaRequest, timing: TransportTiming): IHttpRequestOptions {
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
	return options;
}

/**
 * The one way the Luma nodes talk to either API: waits for the account's scheduler, sends through
 * n8n's authenticated HTTP helper (proxy, SSRF rules, credential handling), and sends again only
 * when the retry policy (retryPolicy.ts) says so. Resolves with the parsed JSON body ({} when empty).
 */
export async function lumaApiRequest<T = IDataObject>(ctx: LumaContext, api: LumaApiName, request: LumaRequest): Promise<T> {
	const node = ctx.getNode();
	const account = await getAccount(ctx, api);
	const settings = runSettingsOf(ctx);
	const timing = getTransportTiming();
	const { key, limits } = bucketFor(api, account, request, settings, timing.windowMs);
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
	};

	try {
		await bucket.acquireSlot(limits, signal);
	} catch (error) {
		if (error instanceof CancelledError) throw cancelled(node, request.itemIndex);
		throw asNodeError(node, error, request.itemIndex);
	}
	try {
		for (let attempt = 0; ; attempt++) {
			await bucket.startSend(limits, signal, { isRetry: attempt > 0 });
			let response: IN8nHttpFullResponse;
			try {
				response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, account.credentialType, options)) as IN8nHttpFullResponse;
			} catch (error) {
				bucket.finishSend();
				if (isAbort(error, signal)) throw cancelled(node, request.itemIndex);
				// e.g. "no credentials set": not a network failure, nothing was sent.
				if (error instanceof NodeOperationError) throw asNodeError(node, error, request.itemIndex);
				const code = networkErrorCode(error) ?? 'NETWORK_ERROR';
				const decision = decideRetry({ kind: 'networkError', code }, retry, retryTiming, Date.now());
				if (decision.action === 'retry') {
					retry.transientRetries++;
					await waitFor(decision.waitMs, signal);
					continue;
				}
				// A fresh error: n8n's wrapped one carries the request config, and with it the key.
				throw lumaNetworkError(node, code, request.itemIndex);
			}
			const status = response.statusCode;
			const headers = (response.headers ?? {}) as Record<string, unknown>;
			bucket.finishSend({ status, headers });
			const decision = decideRetry(
				{ kind: 'answer', status, headers },
				{ ...retry, rateLimitStreak: bucket.rateLimitStreak },
				retryTiming,
				Date.now(),
			);
			if (decision.action === 'pauseAccount') {
				retry.waitedForRateLimitsMs += decision.waitMs;
				// Every request of this account waits, not just this one: sending during a lockout extends it.
				bucket.blockFor(decision.waitMs);
				continue;
			}
			if (decision.action === 'retry') {
				retry.transientRetries++;
				await waitFor(decision.waitMs, signal);
				continue;
			}
			const body = parseBody(response.body);
			if (decision.action === 'giveUp') {
				throw lumaApiError(
					node,
					status,
					body,
					request.itemIndex,
					`Gave up after waiting ${Math.round(retry.waitedForRateLimitsMs / 1000)} s in total (Max Retry Wait is ${Math.round(retry.maxRetryWaitMs / 1000)} s). Lower "Requests Per Minute" or raise "Max Retry Wait" in the node's Concurrency options.`,
				);
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
