/**
 * Reading the rate-limit headers Luma sends. Luma does not document the exact formats, so each reader
 * accepts every form seen in the wild and returns undefined for anything else.
 */

export function headerValue(headers: Record<string, unknown>, name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	if (Array.isArray(value)) return value.length ? String(value[0]) : undefined;
	return value === undefined || value === null ? undefined : String(value);
}

/**
 * X-RateLimit-Reset: Luma does not say whether it is epoch seconds, epoch ms, seconds from now or an
 * ISO date, so accept all four. Returns an absolute time in ms, or undefined.
 */
export function parseResetTime(value: string | undefined, now: number): number | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	const trimmed = value.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) {
		const n = Number(trimmed);
		if (n > 1e12) return n; // epoch ms
		if (n > 1e9) return n * 1000; // epoch seconds
		return now + n * 1000; // seconds from now
	}
	const date = Date.parse(trimmed);
	return Number.isNaN(date) ? undefined : date;
}

/**
 * Whether an X-RateLimit-Reset value is given to the second (then the true reset may be up to a
 * second later than it reads) or finer (ISO with fractions, epoch milliseconds, fractional seconds).
 */
export function resetIsWholeSeconds(value: string | undefined): boolean {
	const trimmed = (value ?? '').trim();
	if (/^\d+$/.test(trimmed)) return Number(trimmed) <= 1e12;
	if (/^\d+\.\d+$/.test(trimmed)) return false;
	return !/\d{2}:\d{2}:\d{2}[.,]\d/.test(trimmed);
}

/** Retry-After: delta seconds or an HTTP date. Returns milliseconds to wait, or undefined. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	const trimmed = value.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
	const date = Date.parse(trimmed);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
