import { headerValue, parseResetTime, resetIsWholeSeconds } from './headers';
import type { BucketLimits } from './scheduler';
import { othersIn, reserveFor, spendable } from './transport/sharing';

/**
 * The server's own count (X-RateLimit-Limit/Remaining/Reset) as one bucket of the scheduler knows
 * it: the truth for every process sharing the key. It answers two questions for the bucket: how
 * many more requests may go before the window resets (what the count leaves, minus this process's
 * requests on the wire, minus a reserve for other processes' requests on the wire:
 * transport/sharing.ts, docs/queue-mode.md), and whether another client uses the key (measured
 * from how the count grows beyond our own requests). Kept apart from the bucket's slots and local
 * count because it is the one part that reads the server's headers.
 */

/** The bucket's limits (a type-only import: the scheduler holds a ServerCount, not the other way round). */
type ServerCountLimits = BucketLimits;

/** Default slack on a server-sent reset time given in whole seconds, and on a finer one (clock skew). */
const SERVER_RESET_GRACE_MS = 1000;
const CLOCK_SKEW_MS = 100;

/** How long the proof that another client uses the key keeps the measured reserve on, in windows. */
const FOREIGN_MEMORY_WINDOWS = 10;

/**
 * The server's count of the current window as this process knows it: the highest it reported, from
 * the request it processed last. Every request of ours it processed after that one has not been
 * answered yet, so what is left for us is the budget minus that count minus what we have on the
 * wire. A blind view stands for a window that reset before any answer showed its count.
 */
interface ServerView {
	limit: number;
	counted: number;
	resetAt: number;
	blind: boolean;
	/** The counts our answers of this window carried (to tell our requests from others' in its growth). */
	ownCounts: number[];
	/** Our answers that carried an earlier window's count before this window's first one: surely not in it. */
	answersBeforeWindow: number;
	/** When the window is over in our clock: the server's reset, plus slack for rounding and clocks. */
	endsBy: number;
}

/**
 * Other clients' requests the server counted while ours were on their way: the most seen in the
 * current and in the previous window, and when an answer last proved that someone else uses the key.
 */
interface ForeignTraffic {
	windowStart: number;
	current: number;
	previous: number;
	/** 0 = never. */
	provenAt: number;
}

/** What a request was sent on: the server's count then. */
export interface SendTicket {
	basis?: { resetAt: number; counted: number };
}

/** What the server count says about sending one more request now. */
export type CountVerdict =
	/** No count of the current window: the bucket's local count decides. */
	| { kind: 'none' }
	/** The count leaves room; `limit` is the server's budget (the local count still holds a lower one). */
	| { kind: 'room'; limit: number }
	/** Nothing left before the window resets: wait `waitMs`. */
	| { kind: 'wait'; waitMs: number };

export class ServerCount {
	private view?: ServerView;

	private foreign: ForeignTraffic = { windowStart: 0, current: 0, previous: 0, provenAt: 0 };

	/** Every send, for telling our requests from others' in the server's count. */
	private sends = 0;

	/** Answers that carried the server's count. */
	private countedAnswers = 0;

	/** The view now: once its window has reset (plus grace), a blind view of the next one. */
	private currentView(limits: ServerCountLimits, now: number): ServerView | undefined {
		const view = this.view;
		if (!view) return undefined;
		if (now < view.endsBy) return view;
		// A sliding window frees its requests one by one after the reset: back to the local count.
		if (limits.serverWindow === 'sliding') {
			this.view = undefined;
			return undefined;
		}
		// A fixed window starts counting afresh; requests of ours still on the wire may land in the new one.
		this.view = {
			limit: view.limit,
			counted: 0,
			resetAt: view.resetAt + limits.windowMs,
			blind: true,
			ownCounts: [],
			answersBeforeWindow: this.countedAnswers,
			endsBy: view.endsBy + limits.windowMs,
		};
		return this.view;
	}

	/** Requests the other processes may have on the wire unseen (see transport/sharing.ts). */
	reserve(limits: ServerCountLimits, limit: number, now = Date.now()): number {
		const { provenAt, current, previous } = this.foreign;
		const proven = provenAt > 0 && now - provenAt < FOREIGN_MEMORY_WINDOWS * limits.windowMs;
		return reserveFor({
			processes: limits.processes ?? 1,
			maxConcurrent: limits.maxConcurrent,
			// Once someone else is proven, at least one more process like this one is assumed.
			foreignInFlight: proven ? Math.max(limits.maxConcurrent, current, previous) : 0,
			limit,
		});
	}

	/** May one more request go, with `onWire` of ours on the wire? */
	verdict(limits: ServerCountLimits, onWire: number, now: number): CountVerdict {
		const view = this.currentView(limits, now);
		if (!view) return { kind: 'none' };
		if (spendable(view.limit - view.counted, onWire, this.reserve(limits, view.limit, now)) < 1) {
			return { kind: 'wait', waitMs: Math.max(1, view.endsBy - now) };
		}
		return { kind: 'room', limit: view.limit };
	}

	/** A request goes out now: the count it is sent on. */
	noteSend(): SendTicket {
		const view = this.view;
		this.sends++;
		return view && !view.blind ? { basis: { resetAt: view.resetAt, counted: view.counted } } : {};
	}

	/** An answer came in: takes its count, if it carries one. */
	observe(ticket: SendTicket, { status, headers }: { status: number; headers: Record<string, unknown> }, limits: ServerCountLimits, now: number) {
		const remaining = Number(headerValue(headers, 'x-ratelimit-remaining'));
		const resetAt = parseResetTime(headerValue(headers, 'x-ratelimit-reset'), now);
		if (!Number.isFinite(remaining) || resetAt === undefined || resetAt <= now) return;
		const reported = Number(headerValue(headers, 'x-ratelimit-limit'));
		const limit = Number.isFinite(reported) && reported > 0 ? reported : (this.view?.limit ?? limits.requestsPerWindow);
		const counted = limit - remaining;
		const view = this.view;
		const grace = resetIsWholeSeconds(headerValue(headers, 'x-ratelimit-reset')) ? (limits.resetGraceMs ?? SERVER_RESET_GRACE_MS) : (limits.clockSkewMs ?? CLOCK_SKEW_MS);
		// The latest window (a 429 is the server refusing: its count wins even over a later reset, as a
		// sliding window's refusal resets when its oldest request ages out, before our last success's).
		if (!view || view.blind || status === 429 || resetAt > view.resetAt) {
			const firstOfWindow = !view || view.blind || resetAt !== view.resetAt;
			this.view = {
				limit,
				counted,
				resetAt,
				blind: false,
				ownCounts: [],
				answersBeforeWindow: firstOfWindow ? this.countedAnswers : view.answersBeforeWindow,
				endsBy: resetAt + grace,
			};
		} else if (resetAt === view.resetAt) {
			// The same window: a fixed window's count only grows, its highest is the latest.
			view.counted = Math.max(view.counted, counted);
		}
		// (An answer from an older window, overtaken on the way, says nothing new.)
		this.countedAnswers++;
		const current = this.view;
		if (current?.resetAt !== resetAt) return;
		current.ownCounts.push(counted);
		if (status !== 429) this.observeForeign(ticket, counted, current, limits, now);
	}

	/**
	 * Measures how much of the server's count others sent: while this request was on its way (the
	 * reserve's size, an overestimate), and in the window as a whole (the proof that someone else
	 * uses the key: the count is above every request of ours that can be in the window).
	 */
	private observeForeign(ticket: SendTicket, counted: number, view: ServerView, limits: ServerCountLimits, now: number) {
		const { basis } = ticket;
		// Ours in that growth: our answers whose counts fall in it (this one included).
		const ours = basis ? view.ownCounts.filter((count) => count > basis.counted && count <= counted).length : 0;
		const during = basis?.resetAt === view.resetAt ? othersIn(counted - basis.counted, ours) : 0;
		const proven = othersIn(counted, this.sends - view.answersBeforeWindow);
		if (now - this.foreign.windowStart >= limits.windowMs) {
			const lastWindowRecent = now - this.foreign.windowStart < 2 * limits.windowMs;
			this.foreign = { windowStart: now, current: 0, previous: lastWindowRecent ? this.foreign.current : 0, provenAt: this.foreign.provenAt };
		}
		this.foreign.current = Math.max(this.foreign.current, during);
		if (proven > 0) this.foreign.provenAt = now;
	}
}
