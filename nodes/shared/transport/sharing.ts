/**
 * One key, several n8n processes (queue mode: a main instance and workers): how each process decides
 * what it may spend of the account's budget without talking to the others. Pure arithmetic, table-
 * tested in test/unit/sharing.test.ts; docs/queue-mode.md explains it with numbers.
 *
 * - When the server reports its count (X-RateLimit-Remaining / -Reset), that count is the truth for
 *   every process. What it cannot include yet is what is still on its way to the server: this
 *   process's own requests (each process knows those) and the other processes' requests. Each other
 *   process has at most its concurrency cap on the wire before its next answer shows it the count,
 *   so every process leaves that much unspent: the reserve. A process that reaches it waits for the
 *   window to reset, and the reserve is what the others' in-flight requests land in.
 * - When the server says nothing, each process gets an equal share of the budget: the credential's
 *   "n8n Processes Sharing This Key" divides it.
 */

/** The credential field (Luma API, Luma Labs API, Luma Agents API) and its reading: 1 unless set higher. */
export const PROCESSES_FIELD = 'processesSharingKey';

export function processesSharingKey(credentials: Record<string, unknown>): number {
	const value = Number(credentials[PROCESSES_FIELD]);
	return Number.isFinite(value) && value >= 1 ? Math.floor(value) : 1;
}

/** This process's share of a budget nobody counts for it: budget / processes, at least 1. */
export function localShare(budget: number, processes: number): number {
	if (!Number.isFinite(budget)) return budget;
	return Math.max(1, Math.floor(budget / Math.max(1, processes)));
}

export interface ReserveInput {
	/** "n8n Processes Sharing This Key" (1 = nobody else is configured). */
	processes: number;
	/** This process's Max Concurrent Requests: taken as every process's, the most it has on the wire unseen. */
	maxConcurrent: number;
	/**
	 * Measured: the most requests of other clients the server counted while one request of ours was
	 * on its way (between the count it was sent on and its own count). 0 when this process is alone.
	 */
	foreignInFlight: number;
	/** The server's budget per window. */
	limit: number;
}

/**
 * Requests the other processes may get counted before the server's count shows them to us:
 * (processes - 1) x concurrency when configured, or what was measured, whichever is more. At most
 * half the budget, so a process that meets a heavy neighbour still gets some of each window.
 *
 * Only the configured number protects a window that a process spent alone before the others
 * started: a newcomer's first requests go out before any answer shows it the count.
 */
export function reserveFor({ processes, maxConcurrent, foreignInFlight, limit }: ReserveInput): number {
	const configured = Math.max(0, processes - 1) * maxConcurrent;
	return Math.min(Math.floor(limit / 2), Math.max(configured, foreignInFlight));
}

/**
 * How many more requests this process may send now, by the server's count: what it had left when
 * it last answered, minus this process's requests it may not have counted yet (on the wire then,
 * or sent since), minus the reserve. 0 or less: wait for the window to reset.
 */
export function spendable(remaining: number, unobserved: number, reserve: number): number {
	return remaining - unobserved - reserve;
}

/**
 * Other clients' requests the server counted while one request of ours was on its way: its count
 * grew by `growth` between the count the request was sent on and its own answer. Of that growth,
 * `ownAtLeast` are surely ours (our answers that came back in between, this one included) and
 * `ownAtMost` may be ours (also counting our requests still on the wire). Returns the most the
 * others may have sent (what the reserve must cover) and the least (above 0: someone else surely
 * uses the key; a process alone never sees it above 0, so its reserve stays 0).
 */
export function foreignDuringRequest(growth: number, ownAtLeast: number, ownAtMost: number): { most: number; least: number } {
	return { most: Math.max(0, growth - ownAtLeast), least: Math.max(0, growth - ownAtMost) };
}
