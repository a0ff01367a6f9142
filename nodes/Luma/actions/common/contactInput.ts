import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

/**
 * Reading the ways users name contacts (emails, user IDs, contact IDs) and lists of tags. Shared by
 * every resource that takes people (Contact, Contact Tag, Membership, Guest, Host, Calendar): every
 * value is checked before a request is sent, so a typo fails the item with the field's name instead
 * of a vague 400 from Luma.
 */

/**
 * The email rule Luma's spec puts on `memberships/members/add`; zod's email check first, then
 * Luma's pattern, so what passes here is what Luma accepts.
 */
const LUMA_EMAIL = /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
const emailSchema = z.string().trim().email().regex(LUMA_EMAIL);

export const USER_ID = /^usr-[A-Za-z0-9_-]+$/;

/**
 * A list from a text field ("a, b" or one per line) or from an expression that returns an array.
 * Empty entries are dropped.
 */
export function readList(value: unknown): string[] {
	if (value === undefined || value === null) return [];
	const entries = Array.isArray(value) ? value : String(value).split(/[,\n]/);
	return entries.map((entry) => (typeof entry === 'string' ? entry : String(entry ?? '')).trim()).filter(Boolean);
}

export function isEmail(value: string): boolean {
	return emailSchema.safeParse(value).success;
}

/** A required, valid email address, trimmed. */
export function checkEmail(this: IExecuteFunctions, itemIndex: number, value: unknown, field: string): string {
	const text = typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value).trim();
	if (!text) throw new NodeOperationError(this.getNode(), `${field} is required`, { itemIndex });
	if (!isEmail(text)) {
		throw new NodeOperationError(this.getNode(), `${field} is not a valid email address: "${text.slice(0, 200)}"`, { itemIndex });
	}
	return text;
}

/** A required text value, trimmed. */
export function checkRequired(this: IExecuteFunctions, itemIndex: number, value: unknown, field: string): string {
	const text = typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value).trim();
	if (!text) throw new NodeOperationError(this.getNode(), `${field} is required`, { itemIndex });
	return text;
}

/**
 * Contacts given as emails or user IDs (usr-...), mixed: Luma's tag apply/unapply take both lists.
 * At least one is required.
 */
export function splitEmailsAndUserIds(
	this: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	field: string,
): { emails: string[]; user_ids: string[] } {
	const entries = readList(value);
	if (entries.length === 0) throw new NodeOperationError(this.getNode(), `${field} is required`, { itemIndex });
	const emails: string[] = [];
	const userIds: string[] = [];
	for (const entry of entries) {
		if (USER_ID.test(entry)) userIds.push(entry);
		else if (isEmail(entry)) emails.push(entry);
		else {
			throw new NodeOperationError(
				this.getNode(),
				`${field}: "${entry.slice(0, 200)}" is neither a valid email address nor a user ID (usr-...)`,
				{ itemIndex },
			);
		}
	}
	return { emails, user_ids: userIds };
}

/** One contact by email or by contact ID (what Luma's block/remove/restore routes accept). */
export function contactIdentifier(this: IExecuteFunctions, itemIndex: number, value: unknown, field: string): IDataObject {
	const text = checkRequired.call(this, itemIndex, value, field);
	if (text.includes('@')) return { email: checkEmail.call(this, itemIndex, text, field) };
	if (/\s/.test(text)) {
		throw new NodeOperationError(this.getNode(), `${field}: "${text.slice(0, 200)}" is neither an email address nor a contact ID`, {
			itemIndex,
		});
	}
	return { contact_id: text };
}
