/**
 * Luma's events OpenAPI document as the simulator's single source of truth: the route table, request
 * validation (query parameters and JSON bodies) and response validation all come from the file.
 * Only the routes Luma added after the document's snapshot (listed in README.md here, with their
 * public sources) carry small hand-written schemas.
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

import { loadOpenApiDocument } from './openapiDocument';

export type JsonSchema = Record<string, any>;

export interface ParameterSpec {
	name: string;
	required: boolean;
	schema: JsonSchema;
	validate: ValidateFunction;
}

export interface OperationSpec {
	method: 'GET' | 'POST';
	/** The path as the spec (or, for a later route, Luma's current API) names it. */
	path: string;
	parameters: ParameterSpec[];
	bodySchema?: JsonSchema;
	validateBody?: ValidateFunction;
	responseSchema: JsonSchema;
	validateResponse: ValidateFunction;
	/** true for the routes added after the snapshot (README.md here), not in the spec document. */
	later: boolean;
	/** Organization-key-only routes. */
	organization: boolean;
}


/** Routes Luma renamed after the snapshot (README.md here): old name → current name. Both answer. */
export const ROUTE_ALIASES: Record<string, string> = {
	'GET /v1/calendars/events/lookup': 'GET /v1/calendar/lookup-event',
	'POST /v1/calendars/events/add': 'POST /v1/calendar/add-event',
	'POST /v1/calendars/events/approve': 'POST /v1/calendar/approve-event',
	'POST /v1/calendars/events/reject': 'POST /v1/calendar/reject-event',
	'GET /v1/calendars/admins/list': 'GET /v1/calendar/admins/list',
	'GET /v1/entities/lookup': 'GET /v1/entity/lookup',
};

const str = { type: 'string' };
const nullableStr = { anyOf: [{ type: 'string' }, { type: 'null' }] };
const empty = { type: 'object', properties: {} };
const blast = {
	type: 'object',
	properties: {
		id: str,
		event_id: str,
		status: { type: 'string', enum: ['draft', 'scheduled', 'sent', 'canceled'] },
		subject: nullableStr,
		content_md: str,
		recipient_groups: { type: 'array', items: { type: 'object' } },
		scheduled_for: nullableStr,
		sent_at: nullableStr,
		created_at: str,
		recipient_count: { anyOf: [{ type: 'number' }, { type: 'null' }] },
		email_open_count: { anyOf: [{ type: 'number' }, { type: 'null' }] },
	},
	required: ['id', 'event_id', 'status', 'content_md', 'created_at'],
};
const recipientGroups = {
	type: 'array',
	items: {
		type: 'object',
		properties: {
			status: { type: 'string', enum: ['approved', 'checked_in', 'pending_approval', 'waitlist', 'invited'] },
			event_ticket_type_id: str,
		},
		required: ['status'],
		additionalProperties: false,
	},
};
const contactRef = {
	type: 'object',
	properties: { contact_id: str, email: str },
	anyOf: [{ required: ['contact_id'] }, { required: ['email'] }],
};
const dateTime = { type: 'string', format: 'date-time' };

/** Routes added after the snapshot (README.md here), shapes as third-party clients use them. */
const LATER_ROUTES: Array<{ method: 'GET' | 'POST'; path: string; query?: Array<[string, boolean, JsonSchema]>; body?: JsonSchema; response: JsonSchema }> = [
	{
		method: 'POST',
		path: '/v1/calendars/admins/add',
		body: { type: 'object', properties: { emails: { type: 'array', items: str, minItems: 1 } }, required: ['emails'] },
		response: { type: 'object', properties: { added_count: { type: 'number' }, skipped_count: { type: 'number' } }, required: ['added_count', 'skipped_count'] },
	},
	{
		method: 'GET',
		path: '/v1/places/search',
		query: [['query', true, str]],
		response: {
			type: 'object',
			properties: {
				entries: {
					type: 'array',
					items: {
						type: 'object',
						properties: { place_id: str, name: str, address: str, description: str },
						required: ['place_id', 'name', 'address'],
					},
				},
			},
			required: ['entries'],
		},
	},
	{
		method: 'GET',
		path: '/v1/images/search',
		query: [
			['query', true, str],
			['pagination_cursor', false, str],
			['pagination_limit', false, { type: 'number' }],
		],
		response: {
			type: 'object',
			properties: {
				entries: { type: 'array', items: { type: 'object', properties: { id: str, image_url: str, description: str }, required: ['id', 'image_url'] } },
				has_more: { type: 'boolean' },
				next_cursor: str,
			},
			required: ['entries', 'has_more'],
		},
	},
	{
		method: 'POST',
		path: '/v1/events/guests/update-tickets',
		body: {
			type: 'object',
			properties: {
				event_id: str,
				guest_id: str,
				tickets_to_add: { type: 'array', items: { type: 'object', properties: { event_ticket_type_id: str }, required: ['event_ticket_type_id'] } },
				ticket_ids_to_remove: { type: 'array', items: str },
				send_email: { type: 'boolean' },
				should_refund: { type: 'boolean' },
			},
			required: ['event_id', 'guest_id'],
		},
		response: empty,
	},
	{ method: 'GET', path: '/v1/events/blasts/list', query: [['event_id', true, str]], response: { type: 'object', properties: { entries: { type: 'array', items: blast } }, required: ['entries'] } },
	{ method: 'GET', path: '/v1/events/blasts/get', query: [['blast_id', true, str]], response: blast },
	{
		method: 'POST',
		path: '/v1/events/blasts/create',
		body: {
			type: 'object',
			properties: { event_id: str, content_md: { type: 'string', minLength: 1 }, subject: str, recipient_groups: recipientGroups, scheduled_for: dateTime },
			required: ['event_id', 'content_md'],
		},
		response: blast,
	},
	{
		method: 'POST',
		path: '/v1/events/blasts/update',
		body: {
			type: 'object',
			properties: { blast_id: str, content_md: { type: 'string', minLength: 1 }, subject: str, recipient_groups: recipientGroups, scheduled_for: dateTime },
			required: ['blast_id'],
		},
		response: blast,
	},
	{ method: 'POST', path: '/v1/events/blasts/delete', body: { type: 'object', properties: { blast_id: str }, required: ['blast_id'] }, response: empty },
	{ method: 'POST', path: '/v1/calendars/contacts/block', body: contactRef, response: empty },
	{ method: 'POST', path: '/v1/calendars/contacts/remove', body: contactRef, response: empty },
	{ method: 'POST', path: '/v1/calendars/contacts/restore', body: contactRef, response: empty },
];

export interface LoadedSpec {
	document: JsonSchema;
	operations: Map<string, OperationSpec>;
	/** Webhook payload validators by event type (spec `webhooks` section). */
	webhookValidators: Map<string, ValidateFunction>;
	/** Webhook payload schemas (`{ type, data }`) by event type. */
	webhookSchemas: Map<string, JsonSchema>;
	ajv: Ajv2020;
}

let cached: LoadedSpec | undefined;

function makeAjv(): Ajv2020 {
	const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
	addFormats(ajv);
	return ajv;
}

export function loadSpec(): LoadedSpec {
	if (cached) return cached;
	const document = loadOpenApiDocument() as JsonSchema;
	const ajv = makeAjv();
	const operations = new Map<string, OperationSpec>();
	const strip = (schema: JsonSchema) => {
		const { $schema: _ignored, ...rest } = schema;
		return rest;
	};

	for (const [routePath, methods] of Object.entries(document.paths as Record<string, Record<string, JsonSchema>>)) {
		for (const [method, operation] of Object.entries(methods)) {
			const parameters: ParameterSpec[] = (operation.parameters ?? []).map((parameter: JsonSchema) => ({
				name: parameter.name,
				required: Boolean(parameter.required),
				schema: parameter.schema,
				validate: ajv.compile(strip(parameter.schema)),
			}));
			const bodySchema = operation.requestBody?.content?.['application/json']?.schema as JsonSchema | undefined;
			const responseSchema = operation.responses['200'].content['application/json'].schema as JsonSchema;
			const upper = method.toUpperCase() as 'GET' | 'POST';
			operations.set(`${upper} ${routePath}`, {
				method: upper,
				path: routePath,
				parameters,
				bodySchema,
				validateBody: bodySchema ? ajv.compile(strip(bodySchema)) : undefined,
				responseSchema,
				validateResponse: ajv.compile(strip(responseSchema)),
				later: false,
				organization: /^\/v\d\/organizations\//.test(routePath),
			});
		}
	}
	for (const route of LATER_ROUTES) {
		operations.set(`${route.method} ${route.path}`, {
			method: route.method,
			path: route.path,
			parameters: (route.query ?? []).map(([name, required, schema]) => ({ name, required, schema, validate: ajv.compile(schema) })),
			bodySchema: route.body,
			validateBody: route.body ? ajv.compile(route.body) : undefined,
			responseSchema: route.response,
			validateResponse: ajv.compile(route.response),
			later: true,
			organization: false,
		});
	}

	const webhookValidators = new Map<string, ValidateFunction>();
	const webhookSchemas = new Map<string, JsonSchema>();
	for (const [type, item] of Object.entries((document.webhooks ?? {}) as Record<string, JsonSchema>)) {
		const schema = item.post?.requestBody?.content?.['application/json']?.schema as JsonSchema | undefined;
		if (!schema) continue;
		webhookSchemas.set(type, schema);
		webhookValidators.set(type, ajv.compile(strip(schema)));
	}
	cached = { document, operations, webhookValidators, webhookSchemas, ajv };
	return cached;
}

/** `METHOD path` → the operation, following renames. */
export function findOperation(method: string, routePath: string): OperationSpec | undefined {
	const { operations } = loadSpec();
	const key = `${method} ${routePath}`;
	return operations.get(key) ?? operations.get(ROUTE_ALIASES[key] ?? '');
}

/** Luma-style field name from an ajv error: `guests[0].email`, `event_id`. */
export function errorField(error: ErrorObject, prefix = ''): string {
	const pointer = error.instancePath
		.split('/')
		.filter(Boolean)
		.map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
		.join('')
		.replace(/^\./, '');
	const missing = error.keyword === 'required' ? (error.params as { missingProperty: string }).missingProperty : undefined;
	const field = [prefix, pointer, missing].filter(Boolean).join('.').replace(/\.\[/g, '[');
	return field || prefix || 'body';
}

export function describeError(error: ErrorObject, prefix = ''): string {
	const field = errorField(error, prefix);
	if (error.keyword === 'required') return `Missing required field: ${field}`;
	if (error.keyword === 'additionalProperties') {
		return `Unknown field: ${[field, (error.params as { additionalProperty: string }).additionalProperty].join('.')}`;
	}
	if (error.keyword === 'enum') {
		return `Invalid value for ${field}: must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
	}
	return `Invalid value for ${field}: ${error.message ?? 'invalid'}`;
}

/** Coerce one query value (strings from the URL) to what the parameter's schema wants. */
export function coerceQuery(schema: JsonSchema, values: string[]): unknown {
	const variants: JsonSchema[] = schema.anyOf ?? schema.oneOf ?? [schema];
	const wantsArray = variants.some((variant) => variant.type === 'array');
	const scalar = variants.find((variant) => variant.type && variant.type !== 'array' && variant.type !== 'null');
	const arrayItems = variants.find((variant) => variant.type === 'array')?.items as JsonSchema | undefined;
	const convert = (value: string, target?: JsonSchema): unknown => {
		const type = target?.type;
		if ((type === 'number' || type === 'integer') && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
		if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
		return value;
	};
	if (wantsArray && (values.length > 1 || !scalar)) return values.map((value) => convert(value, arrayItems));
	return convert(values[values.length - 1], scalar);
}

/**
 * Shapes a stored record as the response schema documents it: documented keys only, required ones
 * defaulted (null where nullable). Records keep internal fields (relations) the API never shows.
 */
export function fillFromSchema(schema: JsonSchema | undefined, value: unknown): unknown {
	if (!schema) return value;
	if (schema.allOf) {
		// Every part describes the same object: apply each and merge.
		const parts = (schema.allOf as JsonSchema[]).map((part) => fillFromSchema(part, value));
		return parts.every((part) => part && typeof part === 'object' && !Array.isArray(part)) ? Object.assign({}, ...parts) : parts[0];
	}
	const flatten = (candidate: JsonSchema): JsonSchema[] =>
		candidate.anyOf || candidate.oneOf ? (candidate.anyOf ?? candidate.oneOf).flatMap(flatten) : [candidate];
	const variants: JsonSchema[] = flatten(schema);
	if (value === undefined) {
		if (variants.some((variant) => variant.type === 'null')) return null;
		const first = variants[0];
		if (first.const !== undefined) return first.const;
		if (first.enum) return first.enum[0];
		switch (first.type) {
			case 'string':
				return first.format === 'date-time' ? '1970-01-01T00:00:00.000Z' : '';
			case 'number':
			case 'integer':
				return 0;
			case 'boolean':
				return false;
			case 'array':
				return [];
			case 'object':
				return fillFromSchema(first, {});
			default:
				return null;
		}
	}
	if (value === null) return null;
	if (Array.isArray(value)) {
		const arraySchema = variants.find((variant) => variant.type === 'array');
		return arraySchema ? value.map((entry) => fillFromSchema(arraySchema.items, entry)) : value;
	}
	if (typeof value === 'object') {
		const objectSchemas = variants.filter((variant) => variant.type === 'object' || variant.properties);
		// Pick the variant whose const/required discriminators fit best (e.g. platform luma vs external).
		const objectSchema =
			objectSchemas.find((variant) =>
				Object.entries(variant.properties ?? {}).every(
					([key, property]: [string, any]) => property.const === undefined || (value as Record<string, unknown>)[key] === property.const,
				),
			) ?? objectSchemas[0];
		if (!objectSchema?.properties) return value;
		const result: Record<string, unknown> = {};
		const required: string[] = objectSchema.required ?? [];
		for (const [key, property] of Object.entries(objectSchema.properties as Record<string, JsonSchema>)) {
			const current = (value as Record<string, unknown>)[key];
			if (current !== undefined) result[key] = fillFromSchema(property, current);
			else if (required.includes(key)) result[key] = fillFromSchema(property, undefined);
		}
		return result;
	}
	return value;
}
