/**
 * Luma's per-family create limits (docs "Rate limits", Build tier): a budget of create requests
 * per minute and a cap on generations in flight (queued or dreaming). Only creates are limited;
 * reads are free. The minute is a fixed window here, scaled like every other simulated duration.
 */
import type { SimClock } from '../types';
import type { LimitGroup } from './generation';

export interface GroupLimits {
	concurrent: number;
	createsPerMinute: number;
}

export const BUILD_TIER_LIMITS: Record<LimitGroup, GroupLimits> = {
	video: { concurrent: 10, createsPerMinute: 20 },
	image: { concurrent: 40, createsPerMinute: 80 },
};

const WINDOW_MS = 60_000;

export type LimitVerdict =
	| { allowed: true }
	| { allowed: false; kind: 'rate' | 'concurrent'; detail: string; retryAfterMs: number };

export class CreateLimiter {
	private readonly windows: Record<LimitGroup, { startedAt: number; creates: number }> = {
		video: { startedAt: 0, creates: 0 },
		image: { startedAt: 0, creates: 0 },
	};

	constructor(
		private readonly clock: SimClock,
		private readonly limits: () => Record<LimitGroup, GroupLimits>,
	) {}

	/**
	 * Decides on one create. `inFlight` is the group's queued + dreaming count and
	 * `nextSlotInMs` a guess at when one of them finishes (for Retry-After).
	 */
	check(group: LimitGroup, inFlight: number, nextSlotInMs: number): LimitVerdict {
		const limits = this.limits()[group];
		const window = this.currentWindow(group);
		const family = group === 'video' ? 'video (Ray)' : 'image (Photon)';
		if (window.creates >= limits.createsPerMinute) {
			return {
				allowed: false,
				kind: 'rate',
				// Luma documents no 429 text; this one names the limit so clients can tell the two apart.
				detail: `Rate limit exceeded: at most ${limits.createsPerMinute} ${family} create requests per minute`,
				retryAfterMs: window.startedAt + this.clock.scaled(WINDOW_MS) - this.clock.now(),
			};
		}
		if (inFlight >= limits.concurrent) {
			return {
				allowed: false,
				kind: 'concurrent',
				detail: `Too many concurrent generations: at most ${limits.concurrent} ${family} generations can be queued or dreaming at once`,
				retryAfterMs: nextSlotInMs,
			};
		}
		return { allowed: true };
	}

	/** Counts an accepted create against the current window. */
	record(group: LimitGroup): void {
		this.currentWindow(group).creates++;
	}

	reset(): void {
		for (const group of ['video', 'image'] as const) this.windows[group] = { startedAt: 0, creates: 0 };
	}

	private currentWindow(group: LimitGroup) {
		const window = this.windows[group];
		const now = this.clock.now();
		if (now - window.startedAt >= this.clock.scaled(WINDOW_MS)) {
			window.startedAt = now;
			window.creates = 0;
		}
		return window;
	}
}
