/**
 * Schema checks the Agents API shares between its endpoints, on top of the Dream Machine module's
 * FastAPI/Pydantic-shaped FieldReader (both Luma APIs are FastAPI services answering 422 with
 * `{ detail: [{ type, loc, msg, input, ctx? }] }`).
 */
import { FieldReader, isObject, queryInteger, type JsonObject, type Loc, type ValidationIssue } from '../dream-machine/validation';
import type { SimRequest, SimResponse } from '../types';
import { MAX_USER_ID_LENGTH } from './wire';

export { FieldReader, objectAt, type JsonObject, type Loc, type ValidationIssue } from '../dream-machine/validation';

export const detail = (status: number, message: unknown, headers?: Record<string, string>): SimResponse => ({
	status,
	body: { detail: message },
	...(headers ? { headers } : {}),
});

/** `source`, `image_ref[2]`, `video.edit.keyframes[0]`: the prefix Luma puts before media errors. */
export function locPath(loc: Loc): string {
	return loc
		.slice(1)
		.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`))
		.join('');
}

/** `user_id` is an opaque tag of at most 256 characters on every endpoint that takes one. */
export function readUserId(reader: FieldReader): string | undefined {
	const value = reader.string('user_id');
	if (value !== undefined && value.length > MAX_USER_ID_LENGTH) {
		reader.issues.push({
			type: 'string_too_long',
			loc: [...reader.loc, 'user_id'],
			msg: `String should have at most ${MAX_USER_ID_LENGTH} characters`,
			input: value,
			ctx: { max_length: MAX_USER_ID_LENGTH },
		});
		return undefined;
	}
	return value;
}

/** Pydantic's `ge`/`le` answers for an integer already read. */
export function checkRange(issues: ValidationIssue[], loc: Loc, value: number, ge: number, le: number): boolean {
	if (value < ge) {
		issues.push({ type: 'greater_than_equal', loc, msg: `Input should be greater than or equal to ${ge}`, input: value, ctx: { ge } });
		return false;
	}
	if (value > le) {
		issues.push({ type: 'less_than_equal', loc, msg: `Input should be less than or equal to ${le}`, input: value, ctx: { le } });
		return false;
	}
	return true;
}

/** An integer query parameter within [ge, le]. */
export function queryIntegerInRange(
	issues: ValidationIssue[],
	query: URLSearchParams,
	key: string,
	fallback: number,
	ge: number,
	le: number,
): number {
	const before = issues.length;
	const value = queryInteger(issues, query, key, fallback);
	if (issues.length === before) checkRange(issues, ['query', key], value, ge, le);
	return value;
}

/** A query parameter that must be one of `values`. */
export function queryEnum<T extends string>(issues: ValidationIssue[], query: URLSearchParams, key: string, values: readonly T[]): T | undefined {
	const raw = query.get(key);
	if (raw === null || raw === '') return undefined;
	if (!(values as readonly string[]).includes(raw)) {
		const expected = values.map((value) => `'${value}'`).join(', ');
		issues.push({ type: 'enum', loc: ['query', key], msg: `Input should be ${expected}`, input: raw, ctx: { expected } });
		return undefined;
	}
	return raw as T;
}

export type BodyResult = { ok: true; value: JsonObject } | { ok: false; response: SimResponse };

/** FastAPI's answers for a missing, unparsable or non-object JSON body. */
export function readJsonObject(request: SimRequest): BodyResult {
	const issue = (type: string, loc: Loc, msg: string, input: unknown): BodyResult => ({
		ok: false,
		response: detail(422, [{ type, loc, msg, input }]),
	});
	if (request.rawBody.length === 0) return issue('missing', ['body'], 'Field required', null);
	if (request.body === undefined) return issue('json_invalid', ['body', 0], 'JSON decode error', {});
	if (!isObject(request.body)) {
		return issue('model_attributes_type', ['body'], 'Input should be a valid dictionary or object to extract fields from', request.body);
	}
	return { ok: true, value: request.body };
}
