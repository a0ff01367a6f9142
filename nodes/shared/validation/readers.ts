import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeValue, isExpression, isoDateTimeProblem } from './values';

export { numberOf } from './values';

/**
 * Checks a field description cannot express, for operations to call on values they read. Each
 * `…Problem` function is pure and returns what is wrong in words (or undefined); `requireValid`
 * turns a problem into the item's NodeOperationError naming the field.
 */

/** The error of an item whose input is wrong (a NodeOperationError with the item index). */
export function invalid(ctx: IExecuteFunctions, itemIndex: number, message: string, description?: string): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), message, { itemIndex, description });
}

export function requireValid(ctx: IExecuteFunctions, itemIndex: number, label: string, problem: string | undefined, description?: string): void {
	if (problem) throw invalid(ctx, itemIndex, `${label} ${problem}`, description);
}

/** An IANA time zone the runtime knows ("Europe/Berlin", "UTC"). */
export function timeZoneProblem(zone: unknown): string | undefined {
	if (typeof zone !== 'string' || !zone.trim()) return `must be an IANA time zone such as Europe/Berlin, got ${describeValue(zone)}`;
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone.trim() });
		return undefined;
	} catch {
		return `is not an IANA time zone (such as Europe/Berlin or America/New_York): ${describeValue(zone)}`;
	}
}

export { isoDateTimeProblem as dateTimeTextProblem };

/** A color as #rgb or #rrggbb. */
export function hexColorProblem(value: unknown): string | undefined {
	if (typeof value === 'string' && /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(value.trim())) return undefined;
	return `must be a color like #1f6feb, got ${describeValue(value)}`;
}

/**
 * A Luma ID of one kind, exactly as typed (surrounding spaces aside): `evt-…`, `gst-…`, … The node
 * never trims junk off an ID and acts on what is left: `evt-abc?x=1` is refused, not read as `evt-abc`.
 */
export function idProblem(value: unknown, prefixes: readonly string[], what: string): string | undefined {
	const text = typeof value === 'string' ? value.trim() : value;
	if (typeof text !== 'string' || !text) return `must be ${what}, got ${describeValue(value)}`;
	const form = prefixes.length ? new RegExp(`^(${prefixes.map((prefix) => prefix.replace(/[-]/g, '\\-')).join('|')})[A-Za-z0-9]+$`) : /^[A-Za-z0-9_-]+$/;
	if (!form.test(text)) {
		return prefixes.length
			? `is not ${what} (it starts with ${prefixes.map((prefix) => `"${prefix}"`).join(' or ')} followed by letters and digits): ${describeValue(value)}`
			: `is not ${what} (letters, digits, - and _ only): ${describeValue(value)}`;
	}
	return undefined;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Loopback, private, link-local, carrier-grade NAT or unspecified: not on the public internet. */
export function isPrivateHost(hostname: string): boolean {
	const host = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
	if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) return true;
	const v4 = IPV4.exec(host) ?? IPV4.exec(host.replace(/^::ffff:/, ''));
	if (v4) {
		const [a, b] = [Number(v4[1]), Number(v4[2])];
		return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
	}
	if (host.includes(':')) {
		return host === '::' || host === '::1' || /^f[cd]/.test(host) || /^fe[89ab]/.test(host);
	}
	return false;
}

/**
 * A URL for a purpose: `link` (shown to guests, e.g. a meeting URL) must be http(s); `fetchedByLuma`
 * (inputs and callbacks Luma's servers reach) must also point at the public internet, unless the
 * user allowed private addresses (a proxy or a local stand-in on their own network).
 */
export function urlProblem(value: unknown, purpose: 'link' | 'fetchedByLuma', allowPrivate = false): string | undefined {
	if (typeof value !== 'string' || !value.trim()) return `must be a URL, got ${describeValue(value)}`;
	let url: URL;
	try {
		url = new URL(value.trim());
	} catch {
		return `is not a valid URL: ${describeValue(value)}`;
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return `must be an http(s) URL, got "${url.protocol}"`;
	if (purpose === 'fetchedByLuma' && !allowPrivate && isPrivateHost(url.hostname)) {
		return `points at a private or local address (${url.hostname}), which Luma cannot reach and the node does not send it. Use a public URL, or turn on "Allow Private Network URLs" in the node's options`;
	}
	return undefined;
}

/**
 * "is required", and when the field was set by an expression, that the expression gave nothing:
 * for fields whose need depends on other values (a URL when the source is "URL", a prompt without
 * an image), which a description cannot mark `required`. `raw` is the unresolved parameter.
 */
export function requiredProblem(raw: unknown): string {
	return isExpression(raw) ? 'is required (the expression returned nothing)' : 'is required';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID as Luma's generation APIs give IDs (123e4567-e89b-12d3-a456-426614174000), surrounding spaces aside. */
export function uuidProblem(value: unknown, what: string): string | undefined {
	if (typeof value !== 'string' || !value.trim()) return `must be ${what}, got ${describeValue(value)}`;
	return UUID.test(value.trim()) ? undefined : `is not ${what}: ${describeValue(value)}`;
}

/** Text within Luma's length rules: the minimum counts what is left without surrounding spaces. */
export function textLengthProblem(text: string, min: number, max: number): string | undefined {
	if (text.trim().length < min) return `is too short: Luma needs at least ${min} characters`;
	if (text.length > max) return `is too long: ${text.length} characters, Luma allows ${max}`;
	return undefined;
}

/** A model name as Luma spells them (ray-2, photon-flash-1, ray-3.2): letters, digits, ".", "-", "_". */
export function modelNameProblem(value: unknown): string | undefined {
	if (typeof value !== 'string' || !value.trim()) return `must be a model name such as ray-2, got ${describeValue(value)}`;
	return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(value.trim()) ? undefined : `is not a model name (letters, digits, ".", "-" and "_", e.g. ray-2): ${describeValue(value)}`;
}

/**
 * A value of a list Luma documents as open (new values appear without notice): any text passes,
 * since Luma judges it; anything else is refused with the known values as examples.
 */
export function openOptionProblem(value: unknown, known: readonly string[]): string | undefined {
	if (typeof value === 'string' && value.trim()) return undefined;
	return `must be one of ${known.join(', ')} (or a newer value Luma documents) as text, got ${describeValue(value)}`;
}

/** Text of at most `max` characters (a limit the API documents). */
export function maxLengthProblem(text: string, max: number): string | undefined {
	return text.length > max ? `is too long (${text.length} characters, at most ${max})` : undefined;
}
