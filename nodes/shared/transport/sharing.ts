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
	 * Used only when the number of processes is not configured.
	 */
	foreignInFlight: number;
	/** The server's budget per window. */
	limit: number;
}

/**
 * Requests the other processes may get counted before the server's count shows them to us.
 * Configured: (processes - 1) x concurrency. That is enough: a process with a current count stops
 * at the reserve, and one whose count is out of date has at most its concurrency on the wire
 * before an answer brings it up to date, so the others together overrun the count by at most the
 * reserve (docs/queue-mode.md). Not configured: what was measured, a safety net for a key shared
 * without saying so (it cannot protect a window a process spent alone before another one started:
 * a newcomer's first requests go out before any answer shows it the count). At most half the
 * budget, so a process next to a heavy neighbour still gets some of each window.
 */
export function reserveFor({ processes, maxConcurrent, foreignInFlight, limit }: ReserveInput): number {
	const reserve = processes > 1 ? (processes - 1) * maxConcurrent : foreignInFlight;
	return Math.min(Math.floor(limit / 2), reserve);
}

/**
 * How many more requests this process may send now, by the server's count: what was left after the
 * request it processed last (the highest count it reported), minus this process's requests on the
 * wire (any of ours it processed after that one is among them), minus the reserve. 0 or less:
 * wait for the window to reset.
 */
export function spendable(remaining: number, onTheWire: number, reserve: number): number {
	return remaining - onTheWire - reserve;
}

/**
 * Other clients' requests in a stretch of the server's count: it grew by `growth`, and `ours` of
 * that growth may have been this process's requests. Read two ways:
 * - while one request of ours was on its way (from the count it was sent on to its own answer),
 *   with `ours` = our answers that came back in between: what the others got counted in that time,
 *   an overestimate (ours still unanswered are taken for theirs), the measured reserve;
 * - over the window, with `ours` = every request of ours that can be in it: the others' least, and
 *   above 0 the proof that someone else uses the key (a process alone never sees it above 0).
 */
export function othersIn(growth: number, ours: number): number {
	return Math.max(0, growth - ours);
}
