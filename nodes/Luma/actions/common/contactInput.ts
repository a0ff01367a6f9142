import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { idProblem, maxLengthProblem, requireValid } from '../../../shared/validation/readers';
import { describeValue } from '../../../shared/validation/values';
import { ID_FORMS, readText, requireText, splitList } from './inputs';

/**
 * Reading the ways users name people (emails, user IDs, contact IDs). Shared by every resource that
 * takes people (Contact, Contact Tag, Membership, Guest, Host, Calendar): every value is checked
 * before a request is sent, so a typo fails the item with the field's name instead of a vague 400
 * from Luma.
 */

/**
 * The email rule Luma's spec puts on `memberships/members/add`; zod's email check first, then
 * Luma's pattern, so what passes here is what Luma accepts.
 */
const LUMA_EMAIL = /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
const emailSchema = z.string().trim().email().regex(LUMA_EMAIL);
/** RFC 5321's limit for an address. */
const EMAIL_MAX_LENGTH = 254;

export function isEmail(value: string): boolean {
	return value.length <= EMAIL_MAX_LENGTH && emailSchema.safeParse(value).success;
}

/** A required, valid email address, trimmed. */
export function checkEmail(this: IExecuteFunctions, itemIndex: number, value: unknown, field: string): string {
	const text = requireText(this, itemIndex, value, field);
	requireValid(this, itemIndex, field, maxLengthProblem(text, EMAIL_MAX_LENGTH));
	if (!isEmail(text)) throw new NodeOperationError(this.getNode(), `${field} is not a valid email address: ${describeValue(text)}`, { itemIndex });
	return text;
}

function isUserId(text: string): boolean {
	return idProblem(text, ID_FORMS.user.prefixes, ID_FORMS.user.what) === undefined;
}

/** A person as Luma's membership routes take them: a user ID (usr-…) or an email address. */
export function checkUserIdOrEmail(this: IExecuteFunctions, itemIndex: number, value: unknown, field: string): string {
	const text = requireText(this, itemIndex, value, field);
	if (isUserId(text)) return text;
	if (!text.includes('@')) {
		throw new NodeOperationError(this.getNode(), `${field}: ${describeValue(text)} is neither an email address nor a user ID (usr-...)`, { itemIndex });
	}
	return checkEmail.call(this, itemIndex, text, field);
}

/**
 * Contacts given as emails or user IDs (usr-...), mixed, comma-separated: Luma's tag apply/unapply
 * take both lists. At least one is required.
 */
export function splitEmailsAndUserIds(
	this: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	field: string,
): { emails: string[]; user_ids: string[] } {
	const entries = splitList(readText(this, itemIndex, value, field));
	if (entries.length === 0) throw new NodeOperationError(this.getNode(), `${field} is required`, { itemIndex });
	const emails: string[] = [];
	const userIds: string[] = [];
	for (const entry of entries) {
		if (isUserId(entry)) userIds.push(entry);
		else if (isEmail(entry)) emails.push(entry);
		else {
			throw new NodeOperationError(this.getNode(), `${field}: ${describeValue(entry)} is neither a valid email address nor a user ID (usr-...)`, {
				itemIndex,
			});
		}
	}
	return { emails, user_ids: userIds };
}

/** One contact by email or by contact ID (what Luma's block/remove/restore routes accept). */
export function contactIdentifier(this: IExecuteFunctions, itemIndex: number, value: unknown, field: string): IDataObject {
	const text = requireText(this, itemIndex, value, field);
	if (text.includes('@')) return { email: checkEmail.call(this, itemIndex, text, field) };
	if (idProblem(text, ID_FORMS.contact.prefixes, ID_FORMS.contact.what)) {
		throw new NodeOperationError(this.getNode(), `${field}: ${describeValue(text)} is neither an email address nor a contact ID`, { itemIndex });
	}
	return { contact_id: text };
}
