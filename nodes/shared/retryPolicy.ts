import { headerValue, parseResetTime, parseRetryAfter } from './headers';

/**
 * Whether a request to Luma is sent again, and after how long. Pure: the transport asks after every
 * answer and every network failure, and only does what this says.
 *
 * The rules, safest first:
 * - 429 is always retried: Luma refused the request, so nothing happened. The wait is Luma's own
 *   (`Retry-After`, else the end of the `X-RateLimit-Reset` window, else the API's documented
 *   lockout), and the whole account pauses meanwhile (sending during a lockout extends it). Repeated
 *   429s mean the hint was not enough (another client shares the key): exponential backoff with full
 *   jitter on top. A request gives up once its 429 waits would pass Max Retry Wait.
 * - The Agents API's other 429, "Too many concurrent jobs", is not about time: it waits for one of the
 *   account's own jobs to finish (at most Luma's Retry-After), then sends again.
 * - 5xx answers, network failures and 2xx answers whose body is not JSON are retried only where a
 *   repeat cannot duplicate a side effect: idempotent requests, failures that prove the request never
 *   left (connection refused, DNS), or statuses the API documents as "rejected, nothing queued"
 *   (the Agents API's 502 and 503 on creates). A create whose answer was lost is never sent again.
 */

export interface RetryTiming {
	/** Wait after a 429 that says nothing else: Luma's one-minute events lockout; 0 where none is documented. */
	silentRateLimitWaitMs: number;
	/** First backoff step (429 streaks, 5xx, network errors). */
	backoffBaseMs: number;
	backoffCapMs: number;
	/** Retries of a 5xx or network failure for one request. */
	maxTransientRetries: number;
}

/** What came back from one send. */
export type SendResult =
	| {
			kind: 'answer';
			status: number;
			headers: Record<string, unknown>;
			/** A 2xx whose body is not the JSON asked for (truncated, an HTML page). */
			garbled?: boolean;
			/** The error body's `detail` / `message`, when it has one. */
			detail?: string;
			/**
			 * false when the body is not JSON (a gateway's HTML or text page): then the API itself did
			 * not answer, and a status that would prove it refused the request proves nothing.
			 */
			fromApi?: boolean;
	  }
	| { kind: 'networkError'; code: string };

export interface RetryContext {
	/** GET, or a request marked harmless to repeat. */
	idempotent: boolean;
	/** false for URLs that are not Luma's API (asset downloads, presigned uploads): a 429 there is just an answer. */
	honourRateLimits: boolean;
	/** 5xx / network retries this request already made. */
	transientRetries: number;
	/** 429s in a row on this account, the current one included (the scheduler counts them). */
	rateLimitStreak: number;
	/** What this request already waited for 429s. */
	waitedForRateLimitsMs: number;
	maxRetryWaitMs: number;
	/** Statuses that prove the server refused the request without acting on it (safe to resend). */
	resendableStatuses?: readonly number[];
}

/** A status from the API itself that proves it refused the request without acting on it (Agents creates: 502, 503). */
export function provesRefused(status: number, fromApi: boolean | undefined, context: Pick<RetryContext, 'resendableStatuses'>): boolean {
	return fromApi !== false && (context.resendableStatuses?.includes(status) ?? false);
}

/** Whether sending this request again after an answer with `status` cannot duplicate what it does. */
export function safeToRepeat(status: number, fromApi: boolean | undefined, context: Pick<RetryContext, 'idempotent' | 'resendableStatuses'>): boolean {
	return context.idempotent || provesRefused(status, fromApi, context);
}

export type RetryDecision =
	/** Hand the answer to the caller as it is (success, or an error it must report). */
	| { action: 'accept' }
	/** A 429: pause every request of the account for `waitMs`, then send again. */
	| { action: 'pauseAccount'; waitMs: number }
	/** A transient failure: wait `waitMs` (this request only), then send again. */
	| { action: 'retry'; waitMs: number }
	/** Too many jobs in flight: wait until one of the account's jobs ends, at most `maxWaitMs`, then send again. */
	| { action: 'waitForJobSlot'; maxWaitMs: number }
	| { action: 'giveUp'; reason: 'maxRetryWait' | 'notSafeToRepeat' | 'retriesUsedUp' };

/** Network error codes that prove the request never reached the server: safe to send again. */
export const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Full-jitter exponential backoff: random in [0, min(cap, base * 2^attempt)]. */
export function fullJitterBackoff(attempt: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
	const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
	return Math.floor(random() * ceiling);
}

/** Half a base step at least, so a retry never goes out at once. */
function transientWait(context: RetryContext, timing: RetryTiming, random: () => number): number {
	return timing.backoffBaseMs / 2 + fullJitterBackoff(context.transientRetries, timing.backoffBaseMs, timing.backoffCapMs, random);
}

/** How long Luma asked to wait after a 429 (ms), from its headers or the API's documented lockout. */
export function rateLimitWaitMs(headers: Record<string, unknown>, now: number, silentWaitMs: number): number {
	const retryAfter = parseRetryAfter(headerValue(headers, 'retry-after'), now);
	if (retryAfter !== undefined) return retryAfter;
	const resetAt = parseResetTime(headerValue(headers, 'x-ratelimit-reset'), now);
	if (resetAt !== undefined && resetAt > now) return resetAt - now;
	return silentWaitMs;
}

export function decideRetry(
	result: SendResult,
	context: RetryContext,
	timing: RetryTiming,
	now: number,
	random: () => number = Math.random,
): RetryDecision {
	const transientLeft = context.transientRetries < timing.maxTransientRetries;
	if (result.kind === 'networkError') {
		if (!context.idempotent && !NEVER_SENT_CODES.has(result.code)) return { action: 'giveUp', reason: 'notSafeToRepeat' };
		if (!transientLeft) return { action: 'giveUp', reason: 'retriesUsedUp' };
		return { action: 'retry', waitMs: transientWait(context, timing, random) };
	}
	if (result.status === 429 && context.honourRateLimits) {
		if (result.detail !== undefined && /too many concurrent jobs/i.test(result.detail)) {
			const maxWaitMs = rateLimitWaitMs(result.headers, now, 60_000);
			if (context.waitedForRateLimitsMs + maxWaitMs > context.maxRetryWaitMs) return { action: 'giveUp', reason: 'maxRetryWait' };
			return { action: 'waitForJobSlot', maxWaitMs };
		}
		let waitMs = rateLimitWaitMs(result.headers, now, timing.silentRateLimitWaitMs);
		if (context.rateLimitStreak > 1 || waitMs === 0) {
			waitMs += fullJitterBackoff(context.rateLimitStreak, timing.backoffBaseMs, timing.backoffCapMs, random);
		}
		if (context.waitedForRateLimitsMs + waitMs > context.maxRetryWaitMs) return { action: 'giveUp', reason: 'maxRetryWait' };
		return { action: 'pauseAccount', waitMs };
	}
	const transient = result.status >= 500 || (result.garbled === true && result.status < 300);
	if (transient && safeToRepeat(result.status, result.fromApi, context) && transientLeft) {
		return { action: 'retry', waitMs: transientWait(context, timing, random) };
	}
	return { action: 'accept' };
}
