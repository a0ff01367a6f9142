/**
 * Delivers `callback_url` notifications the way Luma documents them: POST of the Generation JSON,
 * success only on exactly HTTP 200 ("a status code other than 200 ... will be retried"), up to 3
 * retries 100 ms apart, 5 s per attempt, no signature header.
 *
 * Intervals and timeouts are real milliseconds, not scaled: they model network behaviour the
 * receiver must cope with, not Luma's job durations.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { Agent, request } from 'undici';

export interface CallbackPolicy {
	/** Extra attempts after the first one. */
	retries: number;
	intervalMs: number;
	timeoutMs: number;
}

export const DEFAULT_CALLBACK_POLICY: CallbackPolicy = { retries: 3, intervalMs: 100, timeoutMs: 5000 };

export interface CallbackCounters {
	attempts: number;
	successes: number;
	failures: number;
}

export type CallbackOutcome = 'success' | 'failure';

export class CallbackDispatcher {
	private readonly closing = new AbortController();
	private readonly pending = new Set<Promise<void>>();
	// Own connection pool so close() can drop keep-alive sockets and let the process exit.
	private readonly agent = new Agent({ keepAliveTimeout: 1000 });

	constructor(
		private readonly policy: () => CallbackPolicy,
		private readonly counters: () => CallbackCounters,
		private readonly onOutcome: (outcome: CallbackOutcome) => void,
	) {}

	/** Sends one notification with retries; resolves when it succeeded or was given up. */
	deliver(url: string, payload: string): Promise<void> {
		const delivery = this.attemptAll(url, payload);
		this.pending.add(delivery);
		void delivery.finally(() => this.pending.delete(delivery));
		return delivery;
	}

	private async attemptAll(url: string, payload: string): Promise<void> {
		const { retries, intervalMs, timeoutMs } = this.policy();
		for (let attempt = 0; attempt <= retries; attempt++) {
			if (this.closing.signal.aborted) return;
			if (attempt > 0) {
				try {
					await delay(intervalMs, undefined, { signal: this.closing.signal });
				} catch {
					return; // simulator closed while waiting to retry
				}
			}
			this.counters().attempts++;
			if (await this.attempt(url, payload, timeoutMs)) {
				this.counters().successes++;
				this.onOutcome('success');
				return;
			}
		}
		if (this.closing.signal.aborted) return;
		this.counters().failures++;
		this.onOutcome('failure');
	}

	private async attempt(url: string, payload: string, timeoutMs: number): Promise<boolean> {
		try {
			const response = await request(url, {
				method: 'POST',
				dispatcher: this.agent,
				headers: { 'content-type': 'application/json' },
				body: payload,
				headersTimeout: timeoutMs,
				bodyTimeout: timeoutMs,
				signal: AbortSignal.any([this.closing.signal, AbortSignal.timeout(timeoutMs)]),
			});
			await response.body.dump();
			return response.statusCode === 200;
		} catch {
			return false; // connection refused, timeout, reset: all count as a failed attempt
		}
	}

	async close(): Promise<void> {
		this.closing.abort();
		await Promise.allSettled([...this.pending]);
		await this.agent.destroy();
	}
}
