import type { IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { asNodeError, lumaApiError, lumaNetworkError } from '../errors';
import type { RetryContext } from '../retryPolicy';
import { decideRetry } from '../retryPolicy';
import { waitFor } from '../scheduler';
import type { LumaContext } from './context';
import { cancelled, isAbort, networkErrorCode, parseBody } from './responses';
import { getTransportTiming, retryTimingFor } from './timing';

/**
 * Requests to URLs Luma hands out (pre-signed image upload URLs, generated asset URLs). They are
 * not Luma's API: the API key must NOT be sent to them, so they use n8n's plain HTTP helper, and a
 * 429 there is an ordinary error (no account budget is involved). Retries follow the same policy as
 * the API's: only what a repeat cannot duplicate (downloads are GETs, presigned uploads PUTs).
 */
export async function requestExternalUrl(
	ctx: LumaContext,
	options: IHttpRequestOptions,
	itemIndex?: number,
): Promise<IN8nHttpFullResponse> {
	const node = ctx.getNode();
	const timing = getTransportTiming();
	const retryTiming = retryTimingFor('external', timing);
	const method = options.method ?? 'GET';
	const retry: RetryContext = {
		idempotent: method === 'GET' || method === 'PUT',
		honourRateLimits: false,
		transientRetries: 0,
		rateLimitStreak: 0,
		waitedForRateLimitsMs: 0,
		maxRetryWaitMs: 0,
	};
	const signal = ctx.getExecutionCancelSignal?.();
	for (;;) {
		let response: IN8nHttpFullResponse;
		try {
			response = (await ctx.helpers.httpRequest({
				...options,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				timeout: options.timeout ?? timing.requestTimeoutMs,
			})) as IN8nHttpFullResponse;
		} catch (error) {
			if (error instanceof NodeApiError && !networkErrorCode(error)) throw asNodeError(node, error, itemIndex);
			if (isAbort(error, signal)) throw cancelled(node, itemIndex);
			const code = networkErrorCode(error) ?? 'NETWORK_ERROR';
			const decision = decideRetry({ kind: 'networkError', code }, retry, retryTiming, Date.now());
			if (decision.action !== 'retry') throw lumaNetworkError(node, code, itemIndex);
			retry.transientRetries++;
			await waitFor(decision.waitMs, signal);
			continue;
		}
		const headers = (response.headers ?? {}) as Record<string, unknown>;
		const decision = decideRetry({ kind: 'answer', status: response.statusCode, headers }, retry, retryTiming, Date.now());
		if (decision.action === 'retry') {
			retry.transientRetries++;
			await waitFor(decision.waitMs, signal);
			continue;
		}
		if (response.statusCode >= 400) throw lumaApiError(node, response.statusCode, parseBody(response.body), itemIndex);
		return response;
	}
}
