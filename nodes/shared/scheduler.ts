import { sleep } from 'n8n-workflow';

import type { SendTicket } from './serverCount';
import { ServerCount } from './serverCount';
import { localShare } from './transport/sharing';

/**
 * Account-wide request scheduler shared by every Luma node and every concurrent execution in the
 * n8n process (module state: Node's module cache gives all four nodes the same instance).
 *
 * One bucket per account (credential type + base URL + key fingerprint) and traffic class
 * ("events", "dream machine reads", "dream machine video creates"...). A bucket enforces:
 *  - a concurrency cap: logical requests holding a slot, retries included, so a retry never pushes
 *    the number of requests in flight above the cap;
 *  - the server's own count, when it sends X-RateLimit-Remaining/Reset: the truth for every process
 *    sharing the key (serverCount.ts). Until the window resets, a request may go while the count
 *    leaves room beyond this process's requests on the wire and a reserve for other processes'
 *    (transport/sharing.ts, docs/queue-mode.md); at the reset the whole budget is back;
 *  - when the server says nothing, a local count: a request counts against this process's share of
 *    the budget from the moment it is sent until one window after its response came back. The server
 *    saw it somewhere in between, so whatever window the server counts in (fixed or sliding), a
 *    steady stream paced this way never exceeds the budget;
 *  - lockouts: after a 429 every request of the bucket waits until the block is over, because sending
 *    during a Luma lockout only extends it.
 *
 * No timers of its own: waiting uses n8n-workflow's `sleep` in short slices plus a wake-up list,
 * so it runs under n8n Cloud's restrictions and reacts at once to releases and cancellation.
 */

export interface BucketLimits {
	/** Max logical requests in flight in this bucket (account-wide, all nodes and executions). */
	maxConcurrent: number;
	/** Max requests per window for the account (all processes together). */
	requestsPerWindow: number;
	windowMs: number;
	/** n8n processes sharing the key (queue mode); the local count gets 1/processes of the budget. Default 1. */
	processes?: number;
	/**
	 * How the server counts when it reports X-RateLimit-*: a fixed window that ends at the reset
	 * (Luma events), or a sliding window (Agents API). Only used to tell other clients' requests from
	 * ours in its count. Default fixed.
	 */
	serverWindow?: 'fixed' | 'sliding';
	/** Slack on a server-sent reset given in whole seconds (it may be rounded down by up to a second). Default 1 s. */
	resetGraceMs?: number;
	/** Slack on a finer reset time: how far the server's clock may be behind ours. Default 100 ms. */
	clockSkewMs?: number;
}

export interface SchedulerCounters {
	/** HTTP requests actually sent (retries included). */
	requestsSent: number;
	/** 429 responses received. */
	rateLimited: number;
	/** Requests sent again after a 429, a 5xx or a network error. */
	retries: number;
	/** Total milliseconds requests spent waiting for a slot, the budget or a lockout. */
	waitedMs: number;
	/** Highest number of requests on the wire at the same time. */
	maxInFlight: number;
}

const newCounters = (): SchedulerCounters => ({
	requestsSent: 0,
	rateLimited: 0,
	retries: 0,
	waitedMs: 0,
	maxInFlight: 0,
});

/** Longest single sleep: bounds the life of a stray timer and the reaction time to a changed bucket. */
const MAX_SLEEP_SLICE_MS = 1000;
/** Buckets idle this long (nothing in flight, queued or blocked) are forgotten. */
const IDLE_BUCKET_TTL_MS = 10 * 60 * 1000;

export class CancelledError extends Error {
	constructor() {
		super('The execution was cancelled while waiting to send a request to Luma');
		this.name = 'CancelledError';
	}
}

function throwIfAborted(signal?: AbortSignal) {
	if (signal?.aborted) throw new CancelledError();
}

/** Sleeps up to `ms` (in one slice), returning early on `wake` or throwing on cancellation. */
async function sleepSlice(ms: number, wake: Promise<void>, signal?: AbortSignal): Promise<void> {
	throwIfAborted(signal);
	const slice = Math.max(1, Math.min(ms, MAX_SLEEP_SLICE_MS));
	let onAbort: (() => void) | undefined;
	const aborted = new Promise<void>((resolve) => {
		if (!signal) return;
		onAbort = () => resolve();
		signal.addEventListener('abort', onAbort, { once: true });
	});
	try {
		await Promise.race([sleep(slice), wake, aborted]);
	} finally {
		if (signal && onAbort) signal.removeEventListener('abort', onAbort);
	}
	throwIfAborted(signal);
}

/** Sleep for a known time (backoff), cancellable. */
export async function waitFor(ms: number, signal?: AbortSignal): Promise<void> {
	const until = Date.now() + ms;
	for (let left = ms; left > 0; left = until - Date.now()) {
		await sleepSlice(left, new Promise(() => {}), signal);
	}
}

export class Bucket {
	/** Logical requests holding a concurrency slot (includes those waiting to retry). */
	slots = 0;

	/** Requests on the wire right now. */
	onWire = 0;

	/** Response times of finished requests still inside the budget window (ascending). */
	private finishedAt: number[] = [];

	blockedUntil = 0;

	/** 429s in a row (any request of the bucket); an answer other than 429 ends the streak. */
	rateLimitStreak = 0;

	/** The server's count (X-RateLimit-*), when it sends one. */
	private readonly server = new ServerCount();

	lastUsedAt = Date.now();

	readonly counters = newCounters();

	private wakers: Array<() => void> = [];

	/** Resolves at the next change of this bucket (release, response, block lifted). */
	private nextChange(): Promise<void> {
		return new Promise((resolve) => this.wakers.push(resolve));
	}

	private notify() {
		const wakers = this.wakers;
		this.wakers = [];
		for (const wake of wakers) wake();
	}

	private prune(now: number, windowMs: number) {
		let drop = 0;
		while (drop < this.finishedAt.length && this.finishedAt[drop] + windowMs <= now) drop++;
		if (drop) this.finishedAt.splice(0, drop);
	}

	/** Requests the other processes may have on the wire unseen (see transport/sharing.ts). */
	reserve(limits: BucketLimits, limit: number, now = Date.now()): number {
		return this.server.reserve(limits, limit, now);
	}

	/** 0 when a request may be sent now, else how long to wait (Infinity = until something changes). */
	sendDelay(limits: BucketLimits, now = Date.now()): number {
		if (now < this.blockedUntil) return this.blockedUntil - now;
		this.prune(now, limits.windowMs);
		const count = this.server.verdict(limits, this.onWire, now);
		if (count.kind === 'wait') return count.waitMs;
		// The local count stands in for a server that says nothing, and keeps a budget set below the server's.
		if (count.kind === 'room' && limits.requestsPerWindow >= count.limit) return 0;
		const budget = localShare(limits.requestsPerWindow, limits.processes ?? 1);
		const used = this.onWire + this.finishedAt.length;
		if (used >= budget) {
			const mustExpire = used - budget + 1;
			// Budget held by requests still on the wire frees only when they come back.
			if (mustExpire > this.finishedAt.length) return Infinity;
			return Math.max(1, this.finishedAt[mustExpire - 1] + limits.windowMs - now);
		}
		return 0;
	}

	/** Waits for a concurrency slot. Pair with releaseSlot(). */
	async acquireSlot(limits: BucketLimits, signal?: AbortSignal): Promise<void> {
		const started = Date.now();
		while (this.slots >= limits.maxConcurrent) {
			await sleepSlice(MAX_SLEEP_SLICE_MS, this.nextChange(), signal);
		}
		this.slots++;
		this.lastUsedAt = Date.now();
		this.counters.waitedMs += this.lastUsedAt - started;
	}

	releaseSlot() {
		this.slots--;
		this.lastUsedAt = Date.now();
		this.notify();
	}

	/** Waits until the budget and any lockout allow one more request, then marks it as sent. Pair with finishSend(). */
	async startSend(limits: BucketLimits, signal?: AbortSignal, { isRetry = false } = {}): Promise<SendTicket> {
		const started = Date.now();
		for (;;) {
			const delay = this.sendDelay(limits, Date.now());
			if (delay === 0) break;
			await sleepSlice(delay, this.nextChange(), signal);
		}
		const ticket = this.server.noteSend();
		this.onWire++;
		this.counters.requestsSent++;
		if (isRetry) this.counters.retries++;
		this.counters.maxInFlight = Math.max(this.counters.maxInFlight, this.onWire);
		this.lastUsedAt = Date.now();
		this.counters.waitedMs += this.lastUsedAt - started;
		return ticket;
	}

	/** A sent request came back (with its status and headers) or failed on the network (no answer). */
	finishSend(ticket: SendTicket, answer?: { status: number; headers: Record<string, unknown> }, limits?: BucketLimits) {
		const now = Date.now();
		this.onWire--;
		this.finishedAt.push(now);
		if (answer) {
			if (limits) this.server.observe(ticket, answer, limits, now);
			if (answer.status === 429) {
				this.counters.rateLimited++;
				this.rateLimitStreak++;
			} else {
				this.rateLimitStreak = 0;
			}
		}
		this.lastUsedAt = now;
		this.notify();
	}

	/** Waits until something in this bucket changes (a slot is given back, an answer comes in), at most `maxMs`. */
	async waitForChange(maxMs: number, signal?: AbortSignal): Promise<void> {
		let changed = false;
		const change = this.nextChange().then(() => {
			changed = true;
		});
		const until = Date.now() + maxMs;
		for (let left = maxMs; left > 0 && !changed; left = until - Date.now()) {
			await sleepSlice(left, change, signal);
		}
	}

	/** Blocks the whole bucket for `waitMs`. */
	blockFor(waitMs: number) {
		this.blockedUntil = Math.max(this.blockedUntil, Date.now() + waitMs);
		this.notify();
	}

	isIdle(now: number) {
		return (
			this.slots === 0 &&
			this.onWire === 0 &&
			this.wakers.length === 0 &&
			now >= this.blockedUntil &&
			now - this.lastUsedAt > IDLE_BUCKET_TTL_MS
		);
	}
}

const buckets = new Map<string, Bucket>();

function forgetIdleBuckets(now: number) {
	for (const [key, bucket] of buckets) {
		if (bucket.isIdle(now)) buckets.delete(key);
	}
}

/** The bucket for an account + traffic class; created on first use, forgotten when idle. */
export function getBucket(key: string): Bucket {
	let bucket = buckets.get(key);
	if (!bucket) {
		forgetIdleBuckets(Date.now());
		bucket = new Bucket();
		buckets.set(key, bucket);
	}
	return bucket;
}

/** Counters summed over every bucket whose key starts with `prefix` (tests and benchmarks). */
export function getSchedulerCounters(prefix = ''): SchedulerCounters & { buckets: number } {
	const total = { ...newCounters(), buckets: 0 };
	for (const [key, bucket] of buckets) {
		if (!key.startsWith(prefix)) continue;
		total.buckets++;
		total.requestsSent += bucket.counters.requestsSent;
		total.rateLimited += bucket.counters.rateLimited;
		total.retries += bucket.counters.retries;
		total.waitedMs += bucket.counters.waitedMs;
		total.maxInFlight = Math.max(total.maxInFlight, bucket.counters.maxInFlight);
	}
	return total;
}

/** Forget every bucket (tests). */
export function resetScheduler() {
	buckets.clear();
}
