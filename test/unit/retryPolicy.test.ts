/**
 * The retry policy as a table: every rule of nodes/shared/retryPolicy.ts with the answer or network
 * failure that triggers it. `random` is fixed at 0.5, so a jittered wait is exactly half its ceiling.
 */
import type { RetryContext, RetryDecision, SendResult } from '../../nodes/shared/retryPolicy';
import { decideRetry, fullJitterBackoff, NEVER_SENT_CODES, rateLimitWaitMs } from '../../nodes/shared/retryPolicy';

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const timing = { silentRateLimitWaitMs: 60_000, backoffBaseMs: 1_000, backoffCapMs: 60_000, maxTransientRetries: 3 };
const half = () => 0.5;

const read: RetryContext = {
	idempotent: true,
	honourRateLimits: true,
	transientRetries: 0,
	rateLimitStreak: 1,
	waitedForRateLimitsMs: 0,
	maxRetryWaitMs: 300_000,
};
const create: RetryContext = { ...read, idempotent: false };
const external: RetryContext = { ...read, honourRateLimits: false };

const answer = (status: number, headers: Record<string, unknown> = {}, extra: { fromApi?: boolean } = {}): SendResult => ({ kind: 'answer', status, headers, ...extra });
const network = (code: string): SendResult => ({ kind: 'networkError', code });

type Row = [string, SendResult, RetryContext, RetryDecision, Partial<typeof timing>?];

const rows: Row[] = [
	// Answers that are the caller's business.
	['200 is accepted', answer(200), read, { action: 'accept' }],
	['404 is accepted (the caller reports it)', answer(404), read, { action: 'accept' }],
	['400 on a create is accepted', answer(400), create, { action: 'accept' }],

	// 429: always retried, the account pauses, Luma's own wait first.
	['429 with Retry-After seconds waits exactly that', answer(429, { 'retry-after': '7' }), create, { action: 'pauseAccount', waitMs: 7_000 }],
	[
		'429 with an HTTP-date Retry-After waits until then',
		answer(429, { 'retry-after': new Date(NOW + 12_000).toUTCString() }),
		read,
		{ action: 'pauseAccount', waitMs: 12_000 },
	],
	[
		'429 without Retry-After waits for X-RateLimit-Reset',
		answer(429, { 'x-ratelimit-reset': String(NOW / 1000 + 20) }),
		read,
		{ action: 'pauseAccount', waitMs: 20_000 },
	],
	['429 saying nothing waits the documented lockout', answer(429), read, { action: 'pauseAccount', waitMs: 60_000 }],
	[
		'429 saying nothing on an API without a lockout backs off from 0',
		answer(429),
		read,
		{ action: 'pauseAccount', waitMs: 1_000 },
		{ silentRateLimitWaitMs: 0 },
	],
	[
		'a second 429 in a row adds jittered backoff on top of the hint',
		answer(429, { 'retry-after': '5' }),
		{ ...read, rateLimitStreak: 2 },
		{ action: 'pauseAccount', waitMs: 5_000 + 2_000 },
	],
	[
		'a 429 that would pass Max Retry Wait gives up',
		answer(429, { 'retry-after': '60' }),
		{ ...read, waitedForRateLimitsMs: 250_000 },
		{ action: 'giveUp', reason: 'maxRetryWait' },
	],
	['a 429 from an external URL is just an answer', answer(429, { 'retry-after': '1' }), external, { action: 'accept' }],

	// 5xx: only idempotent requests, a bounded number of times.
	['503 on a read is retried after half a step plus jitter', answer(503), read, { action: 'retry', waitMs: 500 + 500 }],
	['500 on the third read retry backs off further', answer(500), { ...read, transientRetries: 2 }, { action: 'retry', waitMs: 500 + 2_000 }],
	['500 after the last read retry is accepted (reported)', answer(500), { ...read, transientRetries: 3 }, { action: 'accept' }],
	['502 on a create is never resent', answer(502), create, { action: 'accept' }],
	[
		"the Agents API's own 503 on a create (refused before queueing) is resent",
		answer(503, {}, { fromApi: true }),
		{ ...create, resendableStatuses: [502, 503] },
		{ action: 'retry', waitMs: 500 + 500 },
	],
	[
		"a gateway's HTML 502 in front of the Agents API proves nothing: the create is not resent",
		answer(502, {}, { fromApi: false }),
		{ ...create, resendableStatuses: [502, 503] },
		{ action: 'accept' },
	],

	// Network failures.
	['a reset read is retried', network('ECONNRESET'), read, { action: 'retry', waitMs: 1_000 }],
	['a reset create is not safe to repeat', network('ECONNRESET'), create, { action: 'giveUp', reason: 'notSafeToRepeat' }],
	['a timed-out create is not safe to repeat', network('ETIMEDOUT'), create, { action: 'giveUp', reason: 'notSafeToRepeat' }],
	['a refused create never reached Luma: resent', network('ECONNREFUSED'), create, { action: 'retry', waitMs: 1_000 }],
	['an unknown host never reached Luma: resent', network('ENOTFOUND'), create, { action: 'retry', waitMs: 1_000 }],
	['network retries are bounded', network('ECONNRESET'), { ...read, transientRetries: 3 }, { action: 'giveUp', reason: 'retriesUsedUp' }],
];

describe('retry policy', () => {
	it.each(rows)('%s', (_label, result, context, expected, timingOverrides = {}) => {
		expect(decideRetry(result, context, { ...timing, ...timingOverrides }, NOW, half)).toEqual(expected);
	});

	it('only connection-level failures count as never sent', () => {
		expect([...NEVER_SENT_CODES].sort()).toEqual(['EAI_AGAIN', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND']);
	});

	it('full-jitter backoff stays within [0, min(cap, base·2^n)]', () => {
		expect(fullJitterBackoff(0, 1_000, 60_000, () => 0.999)).toBe(999);
		expect(fullJitterBackoff(10, 1_000, 60_000, () => 0.999)).toBe(59_940);
		expect(fullJitterBackoff(3, 1_000, 60_000, () => 0)).toBe(0);
	});

	it('reads the 429 wait from Retry-After before X-RateLimit-Reset, and ignores a reset in the past', () => {
		expect(rateLimitWaitMs({ 'retry-after': '3', 'x-ratelimit-reset': String(NOW / 1000 + 30) }, NOW, 60_000)).toBe(3_000);
		expect(rateLimitWaitMs({ 'x-ratelimit-reset': String(NOW / 1000 - 30) }, NOW, 60_000)).toBe(60_000);
	});
});
