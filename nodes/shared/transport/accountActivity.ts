import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { GenerationGroup } from '../generation/generation';
import { CancelledError, waitFor } from '../scheduler';
import type { CreateVerdict } from './createGate';
import { createVerdict } from './createGate';

/**
 * Dream Machine, one key shared by several n8n processes: what the account is doing, as this
 * process knows it. Luma sends no rate-limit headers on Dream Machine, but the account's own recent
 * generations (GET /generations, newest first, with `state` and `created_at`) show every process's
 * jobs in flight and creates of the last minute. Each process lists them (at most once per
 * `maxAgeMs`, so a batch does not list per create), adds the creates it sent since, and asks
 * createGate.ts whether a create may go. Only used when the credential says more than one process
 * shares the key; a single n8n never lists.
 *
 * Over 300 lines on purpose: the listing, this process's own creates and the slots handed from a
 * finished job to the next create are one piece of state that every method reads and changes
 * together; the pure decision is already apart (createGate.ts).
 */

interface Listed {
	group: GenerationGroup;
	inFlight: boolean;
	/** Local clock. */
	createdAt: number;
}

/** A create this process sent that the last listing may not show yet. */
interface OwnCreate {
	group: GenerationGroup;
	sentAt: number;
	id?: string;
	createdAt?: number;
	/** Set when the request ended without an answer: a listing taken afterwards shows it if it was made. */
	lostAt?: number;
}

/** One create's turn: report how it ended. */
export interface CreateTurn {
	created(generation: IDataObject, sentAt: number): void;
	/** Luma refused it (nothing was created); `raced` for a 429 (the listing was out of date). */
	refused(raced: boolean): void;
	/** No answer: it may or may not have been created. */
	lost(): void;
}

/** Pages of 50 (Luma answers 500 to `limit` 100 and over: lumaai-python#153); four at most. */
const PAGE_SIZE = 50;
const MAX_PAGES = 4;
/** A freed slot stays with the owner of the finished job this many listing ages (it sees the job end within about one). */
const HANDOFF_AGES = 3;
/** The random pause before reaching for a remainder slot, at most this many listing ages. */
const PAUSE_AGES = 4;
/** Own generation IDs are remembered this long (their jobs are over well before). */
const OWN_ID_MEMORY_MS = 3_600_000;

export function groupOf(generation: IDataObject): GenerationGroup {
	return String(generation.generation_type ?? '').includes('image') ? 'image' : 'video';
}

function isInFlight(generation: IDataObject): boolean {
	return generation.state === 'queued' || generation.state === 'dreaming';
}

export interface CreatePlan {
	jobs: number;
	perMinute: number;
	processes: number;
}

export interface ActivityTiming {
	windowMs: number;
	maxAgeMs: number;
}

export type ListPage = (offset: number, limit: number) => Promise<IDataObject>;

export class AccountActivity {
	private listing?: { requestedAt: number; takenAt: number; entries: Map<string, Listed> };

	private refreshing?: Promise<void>;

	private own: OwnCreate[] = [];

	/** Generations this process created: id → when (local). */
	private ownIds = new Map<string, number>();

	/** Generations our own reads saw finish since the last listing. */
	private finalSeen = new Set<string>();

	/** Slots freed by our own jobs, ours to reuse until `until`. */
	private handoffs: Array<{ group: GenerationGroup; id: string; until: number }> = [];

	/** Slots freed by other processes' jobs, theirs until `until`. */
	private reserved = new Map<string, { group: GenerationGroup; until: number }>();

	private credited = new Set<string>();

	private unowned: Partial<Record<GenerationGroup, number>> = {};

	private claimed: Record<GenerationGroup, number> = { video: 0, image: 0 };

	/** Luma's clock minus ours, from our own creates' `created_at`. */
	private skewMs = 0;

	private wakers: Array<() => void> = [];

	lastUsedAt = Date.now();

	private notify() {
		const wakers = this.wakers;
		this.wakers = [];
		for (const wake of wakers) wake();
	}

	private serverTime(value: unknown): number | undefined {
		const parsed = Date.parse(String(value ?? ''));
		return Number.isNaN(parsed) ? undefined : parsed;
	}

	/**
	 * Lists the account's recent generations (one listing at a time, shared by every waiting create).
	 * A listing that fails (after the transport's retries) leaves the last one in place, aged as if
	 * just taken: the creates go on by what is known, and a 429 is still waited out as always.
	 */
	async refresh(listPage: ListPage, timing: ActivityTiming, signal?: AbortSignal): Promise<void> {
		if (!this.refreshing) {
			this.refreshing = this.takeListing(listPage, timing)
				.catch(() => {
					const entries = this.listing?.entries ?? new Map<string, Listed>();
					this.listing = { requestedAt: Date.now(), takenAt: Date.now(), entries };
				})
				.finally(() => (this.refreshing = undefined));
		}
		await this.refreshing;
		if (signal?.aborted) throw new CancelledError();
	}

	private async takeListing(listPage: ListPage, timing: ActivityTiming): Promise<void> {
		const requestedAt = Date.now();
		const entries = new Map<string, Listed>();
		for (let page = 0; page < MAX_PAGES; page++) {
			const body = await listPage(page * PAGE_SIZE, PAGE_SIZE);
			const generations = Array.isArray(body.generations) ? (body.generations as IDataObject[]) : [];
			let pageInFlight = false;
			let oldest = Infinity;
			for (const generation of generations) {
				if (typeof generation.id !== 'string') continue;
				const created = this.serverTime(generation.created_at);
				const createdAt = created === undefined ? requestedAt : created - this.skewMs;
				const inFlight = isInFlight(generation);
				pageInFlight ||= inFlight;
				oldest = Math.min(oldest, createdAt);
				entries.set(generation.id, { group: groupOf(generation), inFlight, createdAt });
			}
			// Further pages matter only while they can hold jobs in flight or creates of the last window.
			if (body.has_more !== true || generations.length === 0) break;
			if (!pageInFlight && oldest <= requestedAt - timing.windowMs) break;
		}
		this.absorb({ requestedAt, takenAt: Date.now(), entries }, timing);
	}

	/** A new listing: who finished since the last one, which of our creates it now shows. */
	private absorb(listing: NonNullable<AccountActivity['listing']>, timing: ActivityTiming) {
		const now = listing.takenAt;
		const handoffUntil = now + HANDOFF_AGES * timing.maxAgeMs;
		const wasInFlight = new Set<string>();
		for (const [id, entry] of this.listing?.entries ?? []) if (entry.inFlight) wasInFlight.add(id);
		for (const create of this.own) if (create.id) wasInFlight.add(create.id);
		for (const id of wasInFlight) {
			// Not listed (yet, or no longer on the pages read): nothing known about it.
			const entry = listing.entries.get(id);
			if (!entry || entry.inFlight) continue;
			if (this.ownIds.has(id)) this.credit(id, entry.group, handoffUntil);
			else this.reserved.set(id, { group: entry.group, until: handoffUntil });
		}
		this.own = this.own.filter((create) => {
			if (create.id) return !listing.entries.has(create.id);
			return create.lostAt === undefined || create.lostAt >= listing.requestedAt;
		});
		for (const id of this.finalSeen) if (listing.entries.has(id)) this.finalSeen.delete(id);
		for (const [id, entry] of this.reserved) if (entry.until <= now) this.reserved.delete(id);
		this.handoffs = this.handoffs.filter((handoff) => handoff.until > now);
		for (const [id, at] of this.ownIds) {
			if (at < now - OWN_ID_MEMORY_MS) {
				this.ownIds.delete(id);
				this.credited.delete(id);
			}
		}
		this.listing = listing;
		this.unowned = {};
		this.claimed = { video: 0, image: 0 };
		this.notify();
	}

	private credit(id: string, group: GenerationGroup, until: number) {
		if (this.credited.has(id)) return;
		this.credited.add(id);
		this.handoffs.push({ group, id, until });
	}

	/** A read of one generation (a poll): one of ours or a listed job finishing frees its slot at once. */
	observeGeneration(generation: IDataObject, timing: ActivityTiming) {
		const id = generation.id;
		if (typeof id !== 'string' || isInFlight(generation)) return;
		const listed = this.listing?.entries.get(id);
		const ours = this.own.find((create) => create.id === id);
		if (!(listed?.inFlight || ours)) return;
		this.finalSeen.add(id);
		if (this.ownIds.has(id)) this.credit(id, groupOf(generation), Date.now() + HANDOFF_AGES * timing.maxAgeMs);
		this.notify();
	}

	/** The account as this process sees it, for one family. */
	private inputs(group: GenerationGroup, plan: CreatePlan, timing: ActivityTiming, now: number, afterPause: boolean) {
		const listed = [...(this.listing?.entries ?? new Map<string, Listed>()).entries()].filter(([, entry]) => entry.group === group);
		const own = this.own.filter((create) => create.group === group);
		const inFlight =
			listed.filter(([id, entry]) => entry.inFlight && !this.finalSeen.has(id)).length +
			own.filter((create) => !(create.id && this.finalSeen.has(create.id))).length;
		const createdAt = [...listed.map(([, entry]) => entry.createdAt), ...own.map((create) => create.createdAt ?? create.sentAt)];
		const reservedForOthers = [...this.reserved.values()].filter((entry) => entry.group === group && entry.until > now).length;
		const ownFreed = this.handoffs.filter((handoff) => handoff.group === group && handoff.until > now).length;
		// Free slots nobody owns, as the listing showed them (taken at its first use).
		this.unowned[group] ??= Math.max(0, plan.jobs - inFlight - reservedForOthers - ownFreed);
		return {
			now,
			jobs: plan.jobs,
			perMinute: plan.perMinute,
			windowMs: timing.windowMs,
			processes: plan.processes,
			inFlight,
			createdAt,
			reservedForOthers,
			ownFreed,
			unownedAtListing: this.unowned[group] ?? 0,
			claimedSinceListing: this.claimed[group],
			listingAgeMs: this.listing ? now - this.listing.takenAt : Infinity,
			maxAgeMs: timing.maxAgeMs,
			afterPause,
		};
	}

	/** The verdict for one create now (listing as it is). */
	verdict(group: GenerationGroup, plan: CreatePlan, timing: ActivityTiming, afterPause = false): CreateVerdict {
		return createVerdict(this.inputs(group, plan, timing, Date.now(), afterPause));
	}

	/**
	 * Waits until a create of `group` may go, then counts it as sent. The returned turn must be told
	 * how the create ended.
	 */
	async waitForTurn(group: GenerationGroup, plan: CreatePlan, timing: ActivityTiming, listPage: ListPage, signal?: AbortSignal): Promise<CreateTurn> {
		let afterPause = false;
		let maxListingAgeMs = timing.maxAgeMs;
		for (;;) {
			this.lastUsedAt = Date.now();
			if (!this.listing || Date.now() - this.listing.takenAt > maxListingAgeMs) await this.refresh(listPage, timing, signal);
			const verdict = this.verdict(group, plan, timing, afterPause);
			if (verdict.go) return this.startCreate(group, verdict.handoff);
			maxListingAgeMs = verdict.maxListingAgeMs;
			afterPause = verdict.pause === true;
			if (verdict.pause) {
				// A remainder slot: reach for it after a random pause, against a listing taken after it.
				await waitFor(Math.random() * PAUSE_AGES * timing.maxAgeMs, signal);
				maxListingAgeMs = 0;
			} else if (verdict.waitMs > 0) {
				await this.waitForChange(verdict.waitMs, signal);
			}
		}
	}

	private async waitForChange(ms: number, signal?: AbortSignal) {
		const change = new Promise<void>((resolve) => this.wakers.push(resolve));
		const timeUp = waitFor(ms, signal);
		// Cancellation is rethrown below; the race's loser must not reject unheard.
		timeUp.catch(() => undefined);
		await Promise.race([timeUp, change]);
		if (signal?.aborted) throw new CancelledError();
		// Let the other waiters woken by the same change decide before this one loops.
		await sleep(0);
	}

	private startCreate(group: GenerationGroup, handoff: boolean): CreateTurn {
		const create: OwnCreate = { group, sentAt: Date.now() };
		this.own.push(create);
		const [credit] = handoff ? this.handoffs.splice(this.handoffs.findIndex((entry) => entry.group === group && entry.until > create.sentAt), 1) : [];
		if (!handoff) this.claimed[group]++;
		// Refused: nothing was created, so the slot (or the claim on one) is given back.
		const forget = () => {
			this.own = this.own.filter((entry) => entry !== create);
			if (credit) this.handoffs.push(credit);
			else this.claimed[group] = Math.max(0, this.claimed[group] - 1);
			this.notify();
		};
		return {
			created: (generation, sentAt) => {
				if (typeof generation.id !== 'string') return;
				const now = Date.now();
				create.id = generation.id;
				this.ownIds.set(generation.id, now);
				const serverCreated = this.serverTime(generation.created_at);
				if (serverCreated !== undefined) {
					this.skewMs = serverCreated - (sentAt + now) / 2;
					create.createdAt = serverCreated - this.skewMs;
				}
			},
			refused: (raced) => {
				forget();
				// The listing was out of date: the next decision looks again.
				if (raced && this.listing) this.listing.takenAt = -Infinity;
			},
			lost: () => {
				create.lostAt = Date.now();
			},
		};
	}
}

const activities = new Map<string, AccountActivity>();

/** The activity of an account (its scheduler key), kept while in use. */
export function accountActivity(accountKey: string): AccountActivity {
	let activity = activities.get(accountKey);
	if (!activity) {
		const now = Date.now();
		for (const [key, entry] of activities) if (now - entry.lastUsedAt > OWN_ID_MEMORY_MS) activities.delete(key);
		activity = new AccountActivity();
		activities.set(accountKey, activity);
	}
	return activity;
}

/** The activity of an account only if some create already uses it (reads never start one). */
export function existingActivity(accountKey: string): AccountActivity | undefined {
	return activities.get(accountKey);
}
