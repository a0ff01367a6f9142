/**
 * Whether one Dream Machine create may go now, when several n8n processes share the key. Pure:
 * the account's view (accountActivity.ts) and this process's own bookkeeping go in, a verdict
 * comes out; table-tested in test/unit/createGate.test.ts, explained in docs/queue-mode.md.
 *
 * Luma refuses a create with a 429 when the plan's jobs are all in flight or the minute's creates
 * are spent, and it sends no count to coordinate by. The account's recent generations are the
 * count: every process lists them (cached briefly) and adds what it sent since. Two processes that
 * see the same free job slot would both create, so the slots are handed over by a rule all of
 * them follow:
 * - a slot freed by one of this process's jobs is this process's to reuse for a short grace (the
 *   others see the job finish and leave that slot alone meanwhile): a steady batch keeps its slots
 *   without ever racing for them;
 * - free slots nobody owns (at the start, or left by a process with nothing more to create) are
 *   shared out: each process takes its 1/processes share at once, and the remainder only after a
 *   random pause and a fresh look, so two processes rarely reach for the same one;
 * - the minute's creates: a stale look keeps (processes - 1) creates back for the others; when that
 *   is what stands in the way, look again before deciding.
 */

export interface CreateGateInput {
	now: number;
	/** The plan: jobs in flight and creates per minute for this model family. */
	jobs: number;
	perMinute: number;
	windowMs: number;
	processes: number;
	/** Jobs of the family in flight account-wide, as far as this process knows (listing + own creates since). */
	inFlight: number;
	/** Creates of the family in the last window account-wide (creation times, local clock, any order). */
	createdAt: number[];
	/** Slots freed by other processes' jobs, still theirs to reuse. */
	reservedForOthers: number;
	/** Slots freed by this process's own jobs and not reused yet. */
	ownFreed: number;
	/** Free slots nobody owned when the listing was taken, and how many this process took since. */
	unownedAtListing: number;
	claimedSinceListing: number;
	/** Age of the listing, and the most a listing may be trusted (a quarter of it counts as fresh). */
	listingAgeMs: number;
	maxAgeMs: number;
	/** True when the listing was taken after this create's random pause (its turn at a remainder slot). */
	afterPause: boolean;
}

export type CreateVerdict =
	| { go: true; handoff: boolean }
	/** Wait this long, then decide again with a listing of at most `maxListingAgeMs`. */
	| { go: false; waitMs: number; maxListingAgeMs: number; pause?: boolean };

export function createVerdict(input: CreateGateInput): CreateVerdict {
	const { now, windowMs, maxAgeMs } = input;
	const freshMs = maxAgeMs / 4;
	const fresh = input.listingAgeMs <= freshMs;
	const free = input.jobs - input.inFlight - input.reservedForOthers;
	// Until a slot frees (our own polls see it at once; the others' jobs, in the next listing).
	if (free < 1) return { go: false, waitMs: maxAgeMs, maxListingAgeMs: maxAgeMs };

	const inWindow = input.createdAt.filter((at) => at > now - windowMs);
	const room = input.perMinute - inWindow.length;
	const staleReserve = fresh ? 0 : Math.max(0, input.processes - 1);
	if (room - staleReserve < 1) {
		if (room >= 1) return { go: false, waitMs: 0, maxListingAgeMs: freshMs };
		// The oldest create of the window ages out first: look again then.
		const oldest = Math.min(...inWindow);
		return { go: false, waitMs: Math.max(1, oldest + windowMs - now), maxListingAgeMs: freshMs };
	}

	if (input.ownFreed > 0) return { go: true, handoff: true };
	const share = Math.floor(input.unownedAtListing / Math.max(1, input.processes));
	if (input.claimedSinceListing < share) return { go: true, handoff: false };
	if (input.afterPause && fresh && input.claimedSinceListing < Math.max(1, share)) return { go: true, handoff: false };
	return { go: false, waitMs: 0, maxListingAgeMs: freshMs, pause: true };
}
