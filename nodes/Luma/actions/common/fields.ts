import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { z } from 'zod';

import { dateTimeTextProblem, numberOf, requireValid } from '../../../shared/validation/readers';
import { dateTimeProblem, describeValue } from '../../../shared/validation/values';
import { requireTimeZone } from './inputs';

/**
 * Field builders and readers shared by the event-side resources: time zones, date-times, money,
 * Simplify, JSON input checked with zod. One place, so every operation reads them the same way.
 */

const FALLBACK_TIMEZONES = [
	'UTC', 'America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/Sao_Paulo',
	'Europe/London', 'Europe/Paris', 'Europe/Berlin', 'Africa/Lagos', 'Asia/Dubai', 'Asia/Kolkata', 'Asia/Singapore',
	'Asia/Tokyo', 'Australia/Sydney', 'Pacific/Auckland',
];

function ianaTimezones(): string[] {
	// Runtimes without full ICU data have no list of zones.
	const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : FALLBACK_TIMEZONES;
	return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

/** Every IANA time zone the runtime knows, as options. */
export const TIMEZONE_OPTIONS: INodePropertyOptions[] = ianaTimezones().map((zone) => ({ name: zone.replace(/_/g, ' '), value: zone }));

export function timezoneField(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Timezone',
		name: 'timezone',
		type: 'options',
		options: TIMEZONE_OPTIONS,
		default: 'UTC',
		description:
			'IANA time zone of the event (any IANA name, e.g. Europe/Berlin, by expression). Date-times entered without an offset are read in this zone; Luma shows the event in it.',
		...overrides,
	} as INodeProperties;
}

/** Offset (ms) of a time zone at a given instant: local wall clock minus UTC. */
function zoneOffset(timeZone: string, instant: number): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(instant));
	const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
	const asUtc = Date.UTC(value('year'), value('month') - 1, value('day'), value('hour'), value('minute'), value('second'));
	return asUtc - Math.floor(instant / 1000) * 1000;
}

/** Whether a date-time text names its own offset (Z, +02:00, -0500): then no time zone is needed to read it. */
export function hasUtcOffset(value: unknown): boolean {
	return typeof value === 'string' && /(Z|[+-]\d{2}:?\d{2})$/i.test(value.trim());
}

/**
 * A date-time from a dateTime field (or an expression) as UTC ISO 8601, which is what Luma takes.
 * Values with an offset or `Z` are exact; values without one (what n8n's date picker gives) are
 * wall-clock time in `timeZone`: the event's zone for event times, else the workflow's time zone.
 * Impossible dates ("2027-02-30") and unknown zones fail the item; nothing is rolled over.
 */
export function toLumaDateTime(
	this: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	field: string,
	timeZone = this.getTimezone(),
): string {
	requireValid(this, itemIndex, field, dateTimeProblem(value));
	const text =
		value instanceof Date ? value.toISOString() : typeof value === 'object' && value !== null && 'toISO' in value
			? String((value as { toISO: () => string }).toISO())
			: String(value).trim();
	requireValid(this, itemIndex, field, dateTimeTextProblem(text));
	const hasZone = hasUtcOffset(text);
	const normalized = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00` : text.replace(' ', 'T');
	const parsed = Date.parse(hasZone ? normalized : `${normalized}Z`);
	if (hasZone) return new Date(parsed).toISOString();
	const zone = requireTimeZone(this, itemIndex, timeZone, 'Timezone');
	// Wall clock in the zone: subtract the zone's offset (twice, to settle across DST changes).
	const first = parsed - zoneOffset(zone, parsed);
	return new Date(parsed - zoneOffset(zone, first)).toISOString();
}

/** Fails the item unless `end` is after `start` (both UTC ISO, as toLumaDateTime gives them). */
export function requireAfter(this: IExecuteFunctions, itemIndex: number, start: string | undefined, end: string | undefined, labels: [string, string]): void {
	if (start === undefined || end === undefined || Date.parse(end) > Date.parse(start)) return;
	throw new NodeOperationError(this.getNode(), `${labels[1]} must be after ${labels[0]}`, {
		itemIndex,
		description: `${labels[0]} is ${start}, ${labels[1]} is ${end} (UTC)`,
	});
}

/** "Starts After" / "Starts Before" filters of the event lists (Luma filters on the start time). */
export const startTimeFilters: INodeProperties[] = [
	{
		displayName: 'Starts After',
		name: 'after',
		type: 'dateTime',
		default: '',
		description:
			"Only events that start after this moment (the workflow's time zone unless it carries an offset), e.g. {{ $now }} for upcoming events",
	},
	{
		displayName: 'Starts Before',
		name: 'before',
		type: 'dateTime',
		default: '',
		description: 'Only events that start before this moment',
	},
];

/** The start-time filters as Luma's `after` / `before` query parameters. */
export function readStartTimeFilters(this: IExecuteFunctions, itemIndex: number, filters: IDataObject): IDataObject {
	const qs: IDataObject = {};
	if (filters.after) qs.after = toLumaDateTime.call(this, itemIndex, filters.after, 'Starts After');
	if (filters.before) qs.before = toLumaDateTime.call(this, itemIndex, filters.before, 'Starts Before');
	// An empty window would return nothing without saying why.
	requireAfter.call(this, itemIndex, qs.after as string | undefined, qs.before as string | undefined, ['Starts After', 'Starts Before']);
	return qs;
}

export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a reduced version of the response instead of all fields',
};

/**
 * The currencies Luma takes (the `currency` enum of coupons/create in Luma's OpenAPI document,
 * https://public-api.luma.com/openapi.json; ticket types use the same money fields), a closed list.
 */
const LUMA_CURRENCIES = [
	'aed', 'afn', 'all', 'amd', 'ang', 'aoa', 'ars', 'aud', 'awg', 'azn', 'bam', 'bbd', 'bdt', 'bgn', 'bhd', 'bif', 'bmd', 'bnd', 'bob',
	'brl', 'bsd', 'bwp', 'byn', 'bzd', 'cad', 'cdf', 'chf', 'clp', 'cny', 'cop', 'crc', 'cve', 'czk', 'djf', 'dkk', 'dop', 'dzd', 'egp',
	'etb', 'eur', 'fjd', 'fkp', 'gbp', 'gel', 'ghs', 'gip', 'gmd', 'gnf', 'gtq', 'gyd', 'hkd', 'hnl', 'htg', 'huf', 'idr', 'ils', 'inr',
	'isk', 'jmd', 'jod', 'jpy', 'kes', 'kgs', 'khr', 'kmf', 'krw', 'kwd', 'kyd', 'kzt', 'lak', 'lbp', 'lkr', 'lrd', 'lsl', 'mad', 'mdl',
	'mga', 'mkd', 'mmk', 'mnt', 'mop', 'mur', 'mvr', 'mwk', 'mxn', 'myr', 'mzn', 'nad', 'ngn', 'nio', 'nok', 'npr', 'nzd', 'omr', 'pab',
	'pen', 'pgk', 'php', 'pkr', 'pln', 'pyg', 'qar', 'ron', 'rsd', 'rub', 'rwf', 'sar', 'sbd', 'scr', 'sek', 'sgd', 'shp', 'sle', 'sos',
	'srd', 'std', 'szl', 'thb', 'tjs', 'tnd', 'top', 'try', 'ttd', 'twd', 'tzs', 'uah', 'ugx', 'usd', 'uyu', 'uzs', 'vnd', 'vuv', 'wst',
	'xaf', 'xcd', 'xof', 'xpf', 'yer', 'zar', 'zmw',
];

export const CURRENCY_OPTIONS: INodePropertyOptions[] = [
	...LUMA_CURRENCIES.map((code) => ({ name: code.toUpperCase(), value: code })),
	{ name: 'Solana SOL', value: 'solana_sol' },
	{ name: 'Solana USDC', value: 'solana_usdc' },
];

/**
 * An amount in the currency's major unit (12.50) as Luma's minor units (1250). More than two
 * decimals cannot be sent in cents and fail the item rather than being rounded away.
 */
export function toCents(this: IExecuteFunctions, itemIndex: number, amount: unknown, field: string): number {
	const value = numberOf(amount);
	if (!Number.isFinite(value) || value < 0) {
		throw new NodeOperationError(this.getNode(), `${field} must be a number of at least 0, got ${describeValue(amount)}`, { itemIndex });
	}
	const cents = Math.round(value * 100);
	if (Math.abs(cents - value * 100) > 1e-6) {
		throw new NodeOperationError(this.getNode(), `${field} has more than two decimals (${describeValue(amount)}): Luma counts money in cents`, { itemIndex });
	}
	return cents;
}

/** Options → Allow Private Network URLs, for operations that hand Luma a URL its servers call. */
export const allowPrivateNetworkUrlsOption: INodeProperties = {
	displayName: 'Allow Private Network URLs',
	name: 'allowPrivateNetworkUrls',
	type: 'boolean',
	default: false,
	description:
		'Whether to accept URLs on loopback, private or link-local addresses (localhost, 10.x, 192.168.x, 169.254.x...). Off, such URLs are refused before anything is sent: Luma cannot reach them, and they should not be handed to a server.',
};

/** JSON from a json field or an expression, validated with zod; errors name the field and the path. */
export function readJson<T>(
	this: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	schema: z.ZodType<T>,
	field: string,
): T {
	let parsed: unknown = value;
	if (typeof value === 'string') {
		if (!value.trim()) parsed = undefined;
		else {
			try {
				parsed = JSON.parse(value);
			} catch {
				throw new NodeOperationError(this.getNode(), `${field} is not valid JSON`, { itemIndex });
			}
		}
	}
	const result = schema.safeParse(parsed);
	if (!result.success) {
		const issue = result.error.issues[0];
		const where = issue.path.length ? ` at ${issue.path.join('.')}` : '';
		throw new NodeOperationError(this.getNode(), `${field} is invalid${where}: ${issue.message}`, { itemIndex });
	}
	return result.data;
}

/** Operation picker for a resource (sorted the way n8n's linter wants). */
export function operationPicker(resource: string, options: INodePropertyOptions[], defaultOperation: string): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultOperation,
	};
}
