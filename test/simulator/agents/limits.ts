/**
 * The Agents API's two create limits, both per API client (https://docs.agents.lumalabs.ai/guides/rate-limits/):
 * requests per minute over a sliding 60 s window (each accepted create ages out on its own) and jobs
 * in flight (a job holds its slot from submit until it is completed or failed; slots older than an
 * hour are pruned). Only `POST /generations` is limited; every duration is scaled by the clock.
 */
import type { SimClock } from '../types';
import { DETAIL } from './wire';

export interface AgentsLimits {
	/** Creates per sliding minute. Luma's documented default: 30. */
	requestsPerMinute: number;
	/** Jobs queued or processing at once. Luma's documented default: 10. */
	concurrentJobs: number;
	/** Documented ms after which a job that never finished stops holding its slot. Default one hour. */
	activeJobTtlMs: number;
}

export const DEFAULT_LIMITS: AgentsLimits = { requestsPerMinute: 30, concurrentJobs: 10, activeJobTtlMs: 3_600_000 };

const WINDOW_MS = 60_000;
/** Documented Retry-After of a concurrency 429. */
const CONCURRENCY_RETRY_AFTER_MS = 60_000;

export type LimitVerdict =
	| { allowed: true }
	| { allowed: false; kind: 'rpm' | 'concurrent'; detail: string; headers: Record<string, string> };

const seconds = (ms: number) => Math.ceil(ms / 1000);

export class CreateLimiter {
	/** Accepted creates per client, oldest first. */
	private readonly windows = new Map<string, number[]>();
	/** Jobs holding a slot, per client: job id → when it took the slot. */
	private readonly slots = new Map<string, Map<string, number>>();

	constructor(private readonly clock: SimClock) {}

	/** RPM first, then concurrency: a create refused by either is not recorded and uses up nothing. */
	check(client: string, limits: AgentsLimits): LimitVerdict {
		const now = this.clock.now();
		const window = this.window(client, now);
		if (window.length >= limits.requestsPerMinute) {
			// The create whose ageing out brings the window below the limit (none left to wait for at limit 0).
			const freesAt = (window[window.length - limits.requestsPerMinute] ?? now) + this.clock.scaled(WINDOW_MS);
			return {
				allowed: false,
				kind: 'rpm',
				detail: DETAIL.rateLimited,
				headers: {
					'retry-after': String(Math.max(1, seconds(freesAt - now))),
					...rateLimitHeaders(limits.requestsPerMinute, 0, freesAt),
				},
			};
		}
		if (this.jobsInFlight(client, limits) >= limits.concurrentJobs) {
			return {
				allowed: false,
				kind: 'concurrent',
				detail: DETAIL.tooManyJobs,
				headers: { 'retry-after': String(Math.max(1, seconds(this.clock.scaled(CONCURRENCY_RETRY_AFTER_MS)))) },
			};
		}
		return { allowed: true };
	}

	/** Records an accepted create; returns the X-RateLimit-* headers of its 201. */
	accept(client: string, jobId: string, limits: AgentsLimits): Record<string, string> {
		const now = this.clock.now();
		const window = this.window(client, now);
		window.push(now);
		this.slotsOf(client).set(jobId, now);
		return rateLimitHeaders(limits.requestsPerMinute, Math.max(0, limits.requestsPerMinute - window.length), now + this.clock.scaled(WINDOW_MS));
	}

	release(client: string, jobId: string): void {
		this.slots.get(client)?.delete(jobId);
	}

	/** Slots held by the client now, after pruning the ones past the active-job TTL. */
	jobsInFlight(client: string, limits: AgentsLimits): number {
		const slots = this.slotsOf(client);
		const oldest = this.clock.now() - this.clock.scaled(limits.activeJobTtlMs);
		for (const [jobId, since] of slots) if (since <= oldest) slots.delete(jobId);
		return slots.size;
	}

	/** Every client that ever took a slot. */
	clients(): string[] {
		return [...this.slots.keys()];
	}

	private window(client: string, now: number): number[] {
		const window = this.windows.get(client) ?? [];
		this.windows.set(client, window);
		const start = now - this.clock.scaled(WINDOW_MS);
		while (window.length > 0 && window[0] <= start) window.shift();
		return window;
	}

	private slotsOf(client: string): Map<string, number> {
		const slots = this.slots.get(client) ?? new Map<string, number>();
		this.slots.set(client, slots);
		return slots;
	}
}

function rateLimitHeaders(limit: number, remaining: number, resetAtMs: number): Record<string, string> {
	return {
		'x-ratelimit-limit': String(limit),
		'x-ratelimit-remaining': String(remaining),
		'x-ratelimit-reset': String(seconds(resetAtMs)),
	};
}
