import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { z } from 'zod';

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
			'IANA time zone of the event. Date-times entered without an offset are read in this zone; Luma shows the event in it.',
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

/**
 * A date-time from a dateTime field (or an expression) as UTC ISO 8601, which is what Luma takes.
 * Values with an offset or `Z` are exact; values without one (what n8n's date picker gives) are
 * wall-clock time in `timeZone`: the event's zone for event times, else the workflow's time zone.
 */
export function toLumaDateTime(
	this: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	field: string,
	timeZone = this.getTimezone(),
): string {
	const text =
		value instanceof Date ? value.toISOString() : typeof value === 'object' && value !== null && 'toISO' in value
			? String((value as { toISO: () => string }).toISO())
			: String(value ?? '').trim();
	if (!text) throw new NodeOperationError(this.getNode(), `${field} is required`, { itemIndex });
	const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(text);
	const normalized = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00` : text.replace(' ', 'T');
	const parsed = Date.parse(hasZone ? normalized : `${normalized}Z`);
	if (Number.isNaN(parsed)) {
		throw new NodeOperationError(this.getNode(), `${field} is not a valid date-time: "${text.slice(0, 100)}"`, {
			itemIndex,
			description: 'Use ISO 8601, e.g. 2027-03-01T18:00:00 or 2027-03-01T18:00:00+01:00',
		});
	}
	if (hasZone) return new Date(parsed).toISOString();
	try {
		// Wall clock in the zone: subtract the zone's offset (twice, to settle across DST changes).
		const first = parsed - zoneOffset(timeZone, parsed);
		return new Date(parsed - zoneOffset(timeZone, first)).toISOString();
	} catch {
		throw new NodeOperationError(this.getNode(), `Unknown time zone "${timeZone}"`, { itemIndex });
	}
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
	return qs;
}

export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a reduced version of the response instead of all fields',
};

/** ISO 4217 codes users pick most; any other code can be typed as an expression. */
export const CURRENCY_OPTIONS: INodePropertyOptions[] = [
	'usd', 'eur', 'gbp', 'cad', 'aud', 'chf', 'jpy', 'inr', 'sgd', 'hkd', 'nzd', 'sek', 'nok', 'dkk', 'pln', 'brl', 'mxn', 'zar', 'aed',
].map((code) => ({ name: code.toUpperCase(), value: code }));

/** An amount in the currency's major unit (12.50) as Luma's minor units (1250). */
export function toCents(this: IExecuteFunctions, itemIndex: number, amount: unknown, field: string): number {
	const value = Number(amount);
	if (!Number.isFinite(value) || value < 0) {
		throw new NodeOperationError(this.getNode(), `${field} must be a number of at least 0`, { itemIndex });
	}
	return Math.round(value * 100);
}

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
