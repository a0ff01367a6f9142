/**
 * Dream Machine creates on a key several n8n processes share: the verdict of one create from the
 * account's listing and this process's bookkeeping (nodes/shared/transport/createGate.ts), as a table.
 */
import type { CreateGateInput, CreateVerdict } from '../../nodes/shared/transport/createGate';
import { createVerdict } from '../../nodes/shared/transport/createGate';

const NOW = 1_000_000;
const MINUTE = 60_000;
const AGE = 2_000;

/** Build tier video: 10 jobs, 20 creates per minute; three processes; a fresh listing with nothing going on. */
function input(overrides: Partial<CreateGateInput>): CreateGateInput {
	return {
		now: NOW,
		jobs: 10,
		perMinute: 20,
		windowMs: MINUTE,
		processes: 3,
		inFlight: 0,
		createdAt: [],
		reservedForOthers: 0,
		ownFreed: 0,
		unownedAtListing: 10,
		claimedSinceListing: 0,
		listingAgeMs: 0,
		maxAgeMs: AGE,
		afterPause: false,
		...overrides,
	};
}

const ago = (ms: number, count: number) => Array.from({ length: count }, () => NOW - ms);

test.each<[string, Partial<CreateGateInput>, CreateVerdict]>([
	['an empty account: its share of the free slots goes at once', {}, { go: true, handoff: false }],
	['its share taken (10 free / 3 processes = 3): the remainder waits for a pause', { claimedSinceListing: 3, inFlight: 3 }, { go: false, waitMs: 0, maxListingAgeMs: AGE / 4, pause: true }],
	['after its pause, against a fresh listing: one remainder slot', { afterPause: true, unownedAtListing: 1, inFlight: 9 }, { go: true, handoff: false }],
	['after its pause, but the listing is old: pause again', { afterPause: true, unownedAtListing: 1, inFlight: 9, listingAgeMs: AGE }, { go: false, waitMs: 0, maxListingAgeMs: AGE / 4, pause: true }],
	['every job slot in flight: wait for one to free (look again in one listing age)', { inFlight: 10 }, { go: false, waitMs: AGE, maxListingAgeMs: AGE }],
	["the last free slot was freed by another process's job: it is theirs for now", { inFlight: 9, reservedForOthers: 1, unownedAtListing: 0 }, { go: false, waitMs: AGE, maxListingAgeMs: AGE }],
	['one of its own jobs finished: it reuses the slot, no race', { inFlight: 9, ownFreed: 1, unownedAtListing: 0 }, { go: true, handoff: true }],
	['the minute is spent: wait until its oldest create is a minute old', { inFlight: 0, createdAt: [...ago(50_000, 5), ...ago(20_000, 15)] }, { go: false, waitMs: 10_000, maxListingAgeMs: AGE / 4 }],
	['one create left in the minute by an old listing: look again before taking it', { createdAt: ago(10_000, 19), listingAgeMs: AGE }, { go: false, waitMs: 0, maxListingAgeMs: AGE / 4 }],
	['one create left in the minute by a fresh listing: it goes', { createdAt: ago(10_000, 19), listingAgeMs: 100 }, { go: true, handoff: false }],
	['creates older than the minute do not count', { createdAt: ago(61_000, 20) }, { go: true, handoff: false }],
	['one process only: the whole of the free slots is its share', { processes: 1, claimedSinceListing: 9, inFlight: 9 }, { go: true, handoff: false }],
])('%s', (_case, overrides, verdict) => {
	expect(createVerdict(input(overrides))).toEqual(verdict);
});
