import type { INodeProperties, INodePropertyCollection, INodePropertyOptions, INodePropertyRegexValidation } from 'n8n-workflow';

/**
 * Checks of one resolved parameter value against what its field promises (type, range, closed option
 * list, ID form), as problems in words. Pure: the item checker (itemParameters.ts) finds the fields
 * and names them; operations add the checks a field description cannot express (dates, URLs...).
 */

const SHOWN_CHARACTERS = 80;

/** What arrived, for messages: "abc" (quoted text), 42, true, an object {...}, a list [...], nothing. */
export function describeValue(value: unknown): string {
	if (value === undefined || value === null) return 'nothing';
	if (typeof value === 'string') return JSON.stringify(value.length > SHOWN_CHARACTERS ? `${value.slice(0, SHOWN_CHARACTERS)}…` : value);
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	let text: string;
	try {
		text = JSON.stringify(value) ?? String(value);
	} catch {
		text = String(value);
	}
	if (text.length > SHOWN_CHARACTERS) text = `${text.slice(0, SHOWN_CHARACTERS)}…`;
	return Array.isArray(value) ? `a list ${text}` : `an object ${text}`;
}

export function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** Text fields take text, or a number where that reads naturally (a zip code, an amount). */
export function textProblem(value: unknown): string | undefined {
	if (typeof value === 'string') return undefined;
	if (typeof value === 'number' && Number.isFinite(value)) return undefined;
	return `must be text, got ${describeValue(value)}`;
}

/**
 * A number as the item checker accepts it (numeric text from an expression counts), NaN when it is
 * none: what readers convert with once a field passed the check, instead of guessing with Number().
 */
export function numberOf(value: unknown): number {
	if (typeof value === 'number') return value;
	if (typeof value === 'string' && value.trim() !== '') return Number(value);
	return Number.NaN;
}

/** Whether a raw parameter value (or anything inside it) is an expression: then it can differ per item. */
export function isExpression(raw: unknown): boolean {
	if (typeof raw === 'string') return raw.startsWith('=');
	if (typeof raw === 'object' && raw !== null) {
		if ('__rl' in raw) return isExpression((raw as { value?: unknown }).value);
		return Object.values(raw).some(isExpression);
	}
	return false;
}

/** A number in the field's range; whole when the field allows no decimals. Numeric text counts. */
export function numberProblem(value: unknown, typeOptions: INodeProperties['typeOptions'] = {}): string | undefined {
	const n = numberOf(value);
	if (!Number.isFinite(n)) return `must be a number, got ${describeValue(value)}`;
	// Precision 0 means the API wants a whole number; other precisions only shape the editor.
	if (typeOptions?.numberPrecision === 0 && !Number.isInteger(n)) return `must be a whole number, got ${describeValue(value)}`;
	const min = typeOptions?.minValue as number | undefined;
	const max = typeOptions?.maxValue as number | undefined;
	if (min !== undefined && n < min) return `must be at least ${min}, got ${describeValue(value)}`;
	if (max !== undefined && n > max) return `must be at most ${max}, got ${describeValue(value)}`;
	return undefined;
}

export function booleanProblem(value: unknown): string | undefined {
	return typeof value === 'boolean' ? undefined : `must be true or false, got ${describeValue(value)}`;
}

function optionValues(prop: INodeProperties): Array<string | number | boolean> {
	return ((prop.options ?? []) as INodePropertyOptions[]).map((option) => option.value);
}

function allowedList(values: Array<string | number | boolean>): string {
	const shown = values.slice(0, 25).map((value) => String(value));
	return `${shown.join(', ')}${values.length > shown.length ? `, … (${values.length} in all)` : ''}`;
}

/** A closed option list: the value must be one of the field's options. */
export function optionProblem(prop: INodeProperties, value: unknown): string | undefined {
	const values = optionValues(prop);
	if (values.some((allowed) => allowed === value)) return undefined;
	return `must be one of: ${allowedList(values)}; got ${describeValue(value)}`;
}

export function multiOptionProblem(prop: INodeProperties, value: unknown): string | undefined {
	if (!Array.isArray(value)) return `must be a list of: ${allowedList(optionValues(prop))}; got ${describeValue(value)}`;
	const values = optionValues(prop);
	const unknown = value.find((entry) => !values.some((allowed) => allowed === entry));
	return unknown === undefined ? undefined : `must only contain: ${allowedList(values)}; got ${describeValue(unknown)}`;
}

/**
 * A date and time as n8n's date picker and expressions give it: an ISO 8601 text (offset optional)
 * that names a real calendar day and time, or a Luxon/JS date object. "2027-02-30" is refused, not
 * rolled over to March.
 */
export function dateTimeProblem(value: unknown): string | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'is not a valid date' : undefined;
	if (typeof value === 'object' && value !== null && 'toISO' in value && typeof value.toISO === 'function') {
		return typeof value.toISO() === 'string' ? undefined : `is not a valid date and time, got ${describeValue(value)}`;
	}
	if (typeof value !== 'string') return `must be a date and time, got ${describeValue(value)}`;
	return isoDateTimeProblem(value);
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

export function isoDateTimeProblem(text: string): string | undefined {
	const match = ISO_DATE_TIME.exec(text.trim());
	const bad = `is not a valid date and time (ISO 8601, e.g. 2027-03-01T18:30:00): ${describeValue(text)}`;
	if (!match) return bad;
	const [, year, month, day, hour = '0', minute = '0', second = '0', offset] = match;
	const daysInMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
	if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > daysInMonth) return bad;
	if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return bad;
	if (offset && offset.toUpperCase() !== 'Z') {
		const digits = offset.replace(':', '');
		if (Number(digits.slice(1, 3)) > 14 || Number(digits.slice(3, 5)) > 59) return bad;
	}
	return undefined;
}

function isRegexRule(rule: unknown): rule is INodePropertyRegexValidation {
	if (typeof rule !== 'object' || rule === null || !('type' in rule) || rule.type !== 'regex' || !('properties' in rule)) return false;
	const { properties } = rule;
	return typeof properties === 'object' && properties !== null && 'regex' in properties && typeof properties.regex === 'string';
}

/** A resource locator: its value is text, and in a mode with a pattern (By ID, By URL) it matches it. */
export function locatorProblem(prop: INodeProperties, value: unknown, mode: string | undefined): string | undefined {
	const text = typeof value === 'number' ? String(value) : value;
	if (typeof text !== 'string') return `must be text, got ${describeValue(value)}`;
	const modeDescription = prop.modes?.find((candidate) => candidate.name === mode);
	for (const rule of modeDescription?.validation ?? []) {
		if (!isRegexRule(rule)) continue;
		const { regex, errorMessage } = rule.properties;
		if (!new RegExp(regex).test(text.trim())) return `${errorMessage}; got ${describeValue(text)}`;
	}
	return undefined;
}

/** The groups of a fixed collection, by name. */
export function fixedCollectionGroups(prop: INodeProperties): Map<string, INodePropertyCollection> {
	return new Map(((prop.options ?? []) as INodePropertyCollection[]).map((group) => [group.name, group]));
}
