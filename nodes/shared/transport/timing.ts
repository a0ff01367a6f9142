import type { RetryTiming } from '../retryPolicy';
import type { LumaApiName } from './accounts';

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
	/** Slack on an X-RateLimit-Reset given in whole seconds: Luma may round it down by up to a second. */
	serverResetGraceMs: number;
	/** Slack on a finer X-RateLimit-Reset: how far Luma's clock may be behind n8n's (NTP keeps both within milliseconds). */
	serverClockSkewMs: number;
	/**
	 * Longest a listing of the account's recent generations is trusted before a Dream Machine create,
	 * when several processes share the key (a batch lists once, not once per create).
	 */
	accountActivityMaxAgeMs: number;
}

const DEFAULT_TIMING: TransportTiming = {
	eventsLockoutMs: 60_000,
	windowMs: 60_000,
	backoffBaseMs: 1_000,
	backoffCapMs: 60_000,
	maxTransientRetries: 3,
	requestTimeoutMs: 60_000,
	serverResetGraceMs: 1_000,
	serverClockSkewMs: 100,
	accountActivityMaxAgeMs: 1_000,
};

let timing: TransportTiming = { ...DEFAULT_TIMING };

export function configureTransport(overrides: Partial<TransportTiming> | 'defaults') {
	timing = overrides === 'defaults' ? { ...DEFAULT_TIMING } : { ...timing, ...overrides };
}

export function getTransportTiming(): TransportTiming {
	return timing;
}

/** The retry policy's timing for one API (the events lockout applies to the events API only). */
export function retryTimingFor(api: LumaApiName | 'external', timing: TransportTiming): RetryTiming {
	return {
		silentRateLimitWaitMs: api === 'events' ? timing.eventsLockoutMs : 0,
		backoffBaseMs: timing.backoffBaseMs,
		backoffCapMs: timing.backoffCapMs,
		maxTransientRetries: timing.maxTransientRetries,
	};
}
