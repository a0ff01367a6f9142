/**
 * Request-body validation in the shape Luma's FastAPI/Pydantic backend answers with.
 *
 * Schema problems (missing field, wrong type, value outside an enum) come back as
 * 422 `{ detail: [{ type, loc, msg, input, ctx? }] }`, the array shape the Vercel provider parses.
 * Business rules (prompt length, loop combinations...) are 400 `{ detail: "<text>" }` and live
 * with the routes, not here.
 */

export type Loc = Array<string | number>;

export interface ValidationIssue {
	type: string;
	loc: Loc;
	msg: string;
	input: unknown;
	ctx?: Record<string, unknown>;
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Pydantic v2 renders choices as `'a', 'b' or 'c'`. */
function expectedList(values: readonly string[]): string {
	const quoted = values.map((v) => `'${v}'`);
	return quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

const UUID_PATTERN = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

interface FieldOptions {
	required?: boolean;
}

/**
 * Reads typed fields of one JSON object and records an issue per bad field. Absent and `null`
 * optional fields read as undefined (Pydantic's `Optional[...] = None`).
 */
export class FieldReader {
	constructor(
		readonly issues: ValidationIssue[],
		readonly source: JsonObject,
		readonly loc: Loc,
	) {}

	private present(key: string, options: FieldOptions): unknown {
		const value = this.source[key];
		if (value === undefined || (value === null && !options.required)) {
			if (options.required) {
				this.issues.push({ type: 'missing', loc: [...this.loc, key], msg: 'Field required', input: this.source });
			}
			return undefined;
		}
		return value;
	}

	private issue(key: string | number, type: string, msg: string, input: unknown, ctx?: Record<string, unknown>) {
		this.issues.push({ type, loc: [...this.loc, key], msg, input, ...(ctx ? { ctx } : {}) });
	}

	string(key: string, options: FieldOptions = {}): string | undefined {
		const value = this.present(key, options);
		if (value === undefined) return undefined;
		if (typeof value !== 'string') {
			this.issue(key, 'string_type', 'Input should be a valid string', value);
			return undefined;
		}
		return value;
	}

	enumOf<T extends string>(key: string, values: readonly T[], options: FieldOptions = {}): T | undefined {
		const value = this.present(key, options);
		if (value === undefined) return undefined;
		if (typeof value !== 'string' || !values.includes(value as T)) {
			const expected = expectedList(values);
			this.issue(key, 'enum', `Input should be ${expected}`, value, { expected });
			return undefined;
		}
		return value as T;
	}

	/** A `Literal[...]` discriminator such as `generation_type: "modify_video"`. */
	literal<T extends string>(key: string, expected: T, options: FieldOptions = {}): T | undefined {
		const value = this.present(key, options);
		if (value === undefined) return undefined;
		if (value !== expected) {
			this.issue(key, 'literal_error', `Input should be '${expected}'`, value, { expected: `'${expected}'` });
			return undefined;
		}
		return expected;
	}

	boolean(key: string, options: FieldOptions = {}): boolean | undefined {
		const value = this.present(key, options);
		if (value === undefined) return undefined;
		if (typeof value !== 'boolean') {
			this.issue(key, 'bool_type', 'Input should be a valid boolean', value);
			return undefined;
		}
		return value;
	}

	integer(key: string, options: FieldOptions = {}): number | undefined {
		const value = this.present(key, options);
		if (value === undefined) return undefined;
		if (typeof value !== 'number' || !Number.isInteger(value)) {
			this.issue(key, 'int_type', 'Input should be a valid integer', value);
			return undefined;
		}
		return value;
	}

	number(key: string, options: FieldOptions & { ge?: number; le?: number; gt?: number } = {}): number | undefined {
		const value = this.present(key, options);
		if (value === undefined) return undefined;
		if (typeof value !== 'number' || !Number.isFinite(value)) {
			this.issue(key, 'float_type', 'Input should be a valid number', value);
			return undefined;
		}
		if (options.gt !== undefined && !(value > options.gt)) {
			this.issue(key, 'greater_than', `Input should be greater than ${options.gt}`, value, { gt: options.gt });
			return undefined;
		}
		if (options.ge !== undefined && value < options.ge) {
			this.issue(key, 'greater_than_equal', `Input should be greater than or equal to ${options.ge}`, value, {
				ge: options.ge,
			});
			return undefined;
		}
		if (options.le !== undefined && value > options.le) {
			this.issue(key, 'less_than_equal', `Input should be less than or equal to ${options.le}`, value, {
				le: options.le,
			});
			return undefined;
		}
		return value;
	}

	/** `format: uri` fields. Luma fetches these itself, so only http(s) makes sense. */
	url(key: string, options: FieldOptions = {}): string | undefined {
		const value = this.present(key, options);
		if (value === undefined) return undefined;
		return checkUrl(value, (type, msg, ctx) => this.issue(key, type, msg, value, ctx));
	}

	uuid(key: string, options: FieldOptions = {}): string | undefined {
		const value = this.present(key, options);
		if (value === undefined) return undefined;
		if (typeof value !== 'string' || !UUID_PATTERN.test(value)) {
			this.issue(key, 'uuid_parsing', 'Input should be a valid UUID', value);
			return undefined;
		}
		return value;
	}

	/** A nested object, returned as a reader positioned at it. */
	object(key: string, options: FieldOptions = {}): FieldReader | undefined {
		const value = this.present(key, options);
		if (value === undefined) return undefined;
		if (!isObject(value)) {
			this.issue(key, 'model_attributes_type', 'Input should be a valid dictionary or object to extract fields from', value);
			return undefined;
		}
		return new FieldReader(this.issues, value, [...this.loc, key]);
	}

	/** An array; each element is handed to `item` with its own location. */
	array<T>(
		key: string,
		item: (element: unknown, loc: Loc) => T | undefined,
		options: FieldOptions & { maxItems?: number } = {},
	): T[] | undefined {
		const value = this.present(key, options);
		if (value === undefined) return undefined;
		if (!Array.isArray(value)) {
			this.issue(key, 'list_type', 'Input should be a valid list', value);
			return undefined;
		}
		if (options.maxItems !== undefined && value.length > options.maxItems) {
			this.issue(
				key,
				'too_long',
				`List should have at most ${options.maxItems} items after validation, not ${value.length}`,
				value,
				{ field_type: 'List', max_length: options.maxItems, actual_length: value.length },
			);
			return undefined;
		}
		const out: T[] = [];
		value.forEach((element, index) => {
			const parsed = item(element, [...this.loc, key, index]);
			if (parsed !== undefined) out.push(parsed);
		});
		return out;
	}
}

/** Validates a URL value, reporting through `report`; returns the URL or undefined. */
export function checkUrl(
	value: unknown,
	report: (type: string, msg: string, ctx?: Record<string, unknown>) => void,
): string | undefined {
	if (typeof value !== 'string') {
		report('url_type', 'URL input should be a string or URL');
		return undefined;
	}
	let parsed: URL;
	try {
		parsed = new URL(value);
	} catch {
		report('url_parsing', 'Input should be a valid URL, relative URL without a base', { error: 'relative URL without a base' });
		return undefined;
	}
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
		report('url_scheme', "URL scheme should be 'http' or 'https'", { expected_schemes: "'http' or 'https'" });
		return undefined;
	}
	return value;
}

/** Reader for an array element or other value that must be an object. */
export function objectAt(issues: ValidationIssue[], value: unknown, loc: Loc): FieldReader | undefined {
	if (!isObject(value)) {
		issues.push({
			type: 'model_attributes_type',
			loc,
			msg: 'Input should be a valid dictionary or object to extract fields from',
			input: value,
		});
		return undefined;
	}
	return new FieldReader(issues, value, loc);
}

/**
 * Parses an integer query parameter like FastAPI does (`?limit=abc` → 422 `int_parsing`).
 */
export function queryInteger(
	issues: ValidationIssue[],
	query: URLSearchParams,
	key: string,
	fallback: number,
): number {
	const raw = query.get(key);
	if (raw === null || raw === '') return fallback;
	if (!/^[+-]?\d+$/.test(raw.trim())) {
		issues.push({
			type: 'int_parsing',
			loc: ['query', key],
			msg: 'Input should be a valid integer, unable to parse string as an integer',
			input: raw,
		});
		return fallback;
	}
	return Number.parseInt(raw, 10);
}
