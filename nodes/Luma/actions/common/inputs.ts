import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { hexColorProblem, idProblem, numberOf, requireValid, timeZoneProblem, urlProblem } from '../../../shared/validation/readers';
import { describeValue, textProblem } from '../../../shared/validation/values';

/**
 * Reading the Luma Events node's values once the item checker (shared/validation/itemParameters.ts)
 * passed them against their fields: the conversions (text trimmed, numeric text as a number) and the
 * checks a field description cannot say (the form of an ID, an email, a color, a URL for its use, a
 * time zone). Every reader fails the item with the field's name and what arrived; none falls back
 * to a default or trims junk off a value.
 */

/** How one kind of Luma ID looks: its prefixes (none when Luma documents none) and its name in messages. */
export interface IdForm {
	prefixes: readonly string[];
	what: string;
}

/** The ID kinds of Luma's events API (prefixes: Luma's OpenAPI descriptions and what the API returns). */
export const ID_FORMS = {
	event: { prefixes: ['evt-'], what: 'an event ID' },
	calendar: { prefixes: ['cal-'], what: 'a calendar ID' },
	calendarEvent: { prefixes: ['calev-', 'evt-'], what: 'a calendar event ID (calev-…) or an event ID (evt-…)' },
	// Luma documents ttype-…; older ticket types carry evtticktyp-….
	ticketType: { prefixes: ['ttype-', 'evtticktyp-'], what: 'a ticket type ID' },
	tag: { prefixes: ['tag-'], what: 'a tag ID' },
	user: { prefixes: ['usr-'], what: 'a user ID' },
	blast: { prefixes: ['ep-'], what: 'an email blast ID' },
	// Luma documents no prefix for these: one word of letters, digits, - and _.
	webhook: { prefixes: [], what: 'a webhook ID' },
	membershipTier: { prefixes: [], what: 'a membership tier ID' },
	ticket: { prefixes: [], what: 'a ticket ID' },
	guest: { prefixes: [], what: 'a guest ID, guest key or ticket key' },
	contact: { prefixes: [], what: 'a contact ID' },
	place: { prefixes: [], what: 'a Google Maps place ID' },
} satisfies Record<string, IdForm>;

function fail(ctx: IExecuteFunctions, itemIndex: number, message: string): never {
	throw new NodeOperationError(ctx.getNode(), message, { itemIndex });
}

/** A text field's value, trimmed ('' when empty). Text and numbers are text; anything else fails. */
export function readText(ctx: IExecuteFunctions, itemIndex: number, value: unknown, label: string): string {
	if (value === undefined || value === null) return '';
	requireValid(ctx, itemIndex, label, textProblem(value));
	return String(value).trim();
}

/** A text field that must not be empty. */
export function requireText(ctx: IExecuteFunctions, itemIndex: number, value: unknown, label: string): string {
	const text = readText(ctx, itemIndex, value, label);
	if (!text) fail(ctx, itemIndex, `${label} is required`);
	return text;
}

/**
 * Whether a field of Update Fields that Luma cannot clear (a name, a start) was added: when it was,
 * it must hold something, else the item fails rather than the field being left out silently.
 */
export function isChanged(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject, key: string, label: string): boolean {
	if (!(key in fields)) return false;
	const value = fields[key];
	if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) {
		fail(ctx, itemIndex, `${label} is empty: give a value, or remove it from Update Fields to keep the current one`);
	}
	return true;
}

/** A text field of Update Fields that Luma cannot clear (see isChanged): its new value, or undefined. */
export function changedText(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject, key: string, label: string): string | undefined {
	return isChanged(ctx, itemIndex, fields, key, label) ? requireText(ctx, itemIndex, fields[key], label) : undefined;
}

/** Fails the item when an update would send nothing but the ID of what it updates. */
export function requireChanges(ctx: IExecuteFunctions, itemIndex: number, changes: IDataObject): void {
	if (Object.keys(changes).length === 0) fail(ctx, itemIndex, 'Nothing to update: add at least one field with a value under Update Fields');
}

/** A number field's value (numeric text counts); undefined when not set. */
export function readNumber(ctx: IExecuteFunctions, itemIndex: number, value: unknown, label: string): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const number = numberOf(value);
	if (!Number.isFinite(number)) fail(ctx, itemIndex, `${label} must be a number, got ${describeValue(value)}`);
	return number;
}

/** One Luma ID, exactly as typed (surrounding spaces aside). */
export function requireId(ctx: IExecuteFunctions, itemIndex: number, value: unknown, label: string, form: IdForm): string {
	const text = requireText(ctx, itemIndex, value, label);
	requireValid(ctx, itemIndex, label, idProblem(text, form.prefixes, form.what));
	return text;
}

/** An optional ID: undefined when empty, else checked like requireId. */
export function readId(ctx: IExecuteFunctions, itemIndex: number, value: unknown, label: string, form: IdForm): string | undefined {
	const text = readText(ctx, itemIndex, value, label);
	return text ? requireId(ctx, itemIndex, text, label, form) : undefined;
}

/** IDs from a comma- or line-separated text field, each checked. */
export function readIdList(ctx: IExecuteFunctions, itemIndex: number, value: unknown, label: string, form: IdForm): string[] {
	return splitList(readText(ctx, itemIndex, value, label)).map((id) => {
		requireValid(ctx, itemIndex, label, idProblem(id, form.prefixes, form.what));
		return id;
	});
}

/** "a, b" or one per line → ['a', 'b']; empty entries dropped. */
export function splitList(text: string): string[] {
	return text
		.split(/[,\n]/)
		.map((entry) => entry.trim())
		.filter(Boolean);
}

/** An IANA time zone, as Luma's `timezone` takes it. */
export function requireTimeZone(ctx: IExecuteFunctions, itemIndex: number, value: unknown, label: string): string {
	requireValid(ctx, itemIndex, label, timeZoneProblem(value));
	return String(value).trim();
}

/** A #rrggbb color (optional: undefined when empty). */
export function readColor(ctx: IExecuteFunctions, itemIndex: number, value: unknown, label: string): string | undefined {
	const text = readText(ctx, itemIndex, value, label);
	if (!text) return undefined;
	requireValid(ctx, itemIndex, label, hexColorProblem(text));
	return text;
}

/**
 * A URL for its use (optional: undefined when empty): a `link` is shown to guests and must be
 * http(s); a URL `fetchedByLuma` must also be public unless Allow Private Network URLs is on.
 */
export function readUrl(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	label: string,
	purpose: 'link' | 'fetchedByLuma',
	allowPrivate = false,
): string | undefined {
	const text = readText(ctx, itemIndex, value, label);
	if (!text) return undefined;
	requireValid(ctx, itemIndex, label, urlProblem(text, purpose, allowPrivate));
	return text;
}

/** A URL that must be there: "<label> is required" when empty, else checked like readUrl. */
export function requireUrl(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	label: string,
	purpose: 'link' | 'fetchedByLuma',
	allowPrivate = false,
): string {
	return requireText(ctx, itemIndex, readUrl(ctx, itemIndex, value, label, purpose, allowPrivate), label);
}

/** Options → Allow Private Network URLs, for operations that hand Luma a URL to fetch or call. */
export function allowsPrivateUrls(ctx: IExecuteFunctions, itemIndex: number): boolean {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return options.allowPrivateNetworkUrls === true;
}
