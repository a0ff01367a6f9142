import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * Turning what Luma answered into errors a user can act on, never with the API key in them.
 * Luma's APIs report errors differently: events answers `{ message, code }`, Dream Machine and the
 * Agents API answer `{ detail }` where detail is a string or (validation) a list of `{ loc, msg }`.
 * A proxy or load balancer in between may answer an HTML page instead.
 */

const SUMMARY_LENGTH = 160;

function oneLine(text: string): string {
	const line = text.replace(/\s+/g, ' ').trim();
	return line.length > SUMMARY_LENGTH ? `${line.slice(0, SUMMARY_LENGTH)}…` : line;
}

/** An HTML error page (a gateway's, not Luma's API) in one line: its title, else its first heading. */
export function htmlSummary(text: string): string | undefined {
	if (!/^\s*(<!doctype html|<html|<head|<body|<\?xml|<h1|<title)/i.test(text)) return undefined;
	const pick = (tag: string) => new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'i').exec(text)?.[1];
	const inner = pick('title') ?? pick('h1') ?? '';
	const plain = oneLine(inner.replace(/<[^>]+>/g, ' '));
	return plain ? `an HTML page: "${plain}"` : 'an HTML page';
}

function tryParseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** Luma's own words from an error body; a one-line summary for HTML or other text. */
export function lumaErrorMessage(body: unknown): string | undefined {
	if (body === undefined || body === null || body === '') return undefined;
	if (typeof body === 'string') {
		const parsed = tryParseJson(body);
		if (parsed !== undefined && typeof parsed === 'object') return lumaErrorMessage(parsed);
		return htmlSummary(body) ?? oneLine(body);
	}
	if (Buffer.isBuffer(body)) return lumaErrorMessage(body.toString('utf8'));
	if (typeof body !== 'object') return String(body);
	const record = body as Record<string, unknown>;
	for (const key of ['message', 'detail', 'error', 'error_message']) {
		const value = record[key];
		if (typeof value === 'string' && value) return value;
		if (Array.isArray(value) && value.length) {
			return value
				.map((entry) => {
					if (typeof entry === 'string') return entry;
					const item = entry as { loc?: unknown[]; msg?: string; message?: string };
					const where = Array.isArray(item.loc) ? item.loc.filter((p) => p !== 'body').join('.') : '';
					const what = item.msg ?? item.message ?? JSON.stringify(entry);
					return where ? `${where}: ${what}` : what;
				})
				.join('; ');
		}
		if (value && typeof value === 'object') return lumaErrorMessage(value);
	}
	return undefined;
}

/**
 * A 404 for a route the server does not have (FastAPI's bare "Not Found", a router's "Cannot GET",
 * an HTML page), as opposed to a 404 for an ID it does not know ("Event not found.", "Generation
 * not found"). Both arrive with the same status.
 */
export function isUnknownRoute(body: unknown): boolean {
	if (typeof body === 'string' && !tryParseJson(body)) return true;
	const message = lumaErrorMessage(body) ?? '';
	return /^(not found\.?|cannot (get|post|put|delete) .*|no route .*|an html page.*)$/i.test(message.trim());
}

const HINTS: Record<number, string> = {
	400: 'Luma rejected the request: check the field named in the message.',
	401: 'The API key was not accepted: check the credential.',
	402: 'The Luma Labs account has no credits left.',
	403: 'The API key has no access to this resource (organization routes need an organization key).',
	404: 'Luma does not know this ID: check that it exists and belongs to this calendar/account.',
	409: 'The request conflicts with the current state in Luma.',
	413: 'An input file is larger than Luma accepts.',
	422: 'Luma rejected the request: check the field named in the message.',
	429: 'Luma kept answering "too many requests".',
};

const UNKNOWN_ROUTE_KEY = 'lumaUnknownRoute';

const UNKNOWN_ROUTE_HINT =
	'This endpoint is not available at this base URL or for this account (the route itself is unknown, not an ID): check the base URL in the credential, and whether the operation needs another key type or plan.';

/** A NodeApiError carrying Luma's own message, the HTTP status and the item index. Never the key. */
export function lumaApiError(
	node: INode,
	status: number,
	body: unknown,
	itemIndex?: number,
	extraDescription?: string,
): NodeApiError {
	const lumaMessage = lumaErrorMessage(body) ?? `HTTP ${status}`;
	const code =
		body && typeof body === 'object' && typeof (body as JsonObject).code === 'string'
			? ` (${(body as JsonObject).code as string})`
			: '';
	const unknownRoute = status === 404 && isUnknownRoute(body);
	const hint = unknownRoute ? UNKNOWN_ROUTE_HINT : HINTS[status];
	const description = [hint ?? (status >= 500 ? 'Luma had a server error; try again later.' : ''), extraDescription]
		.filter(Boolean)
		.join(' ');
	const errorBody: JsonObject =
		body && typeof body === 'object' && !Buffer.isBuffer(body) ? (body as JsonObject) : { message: lumaMessage };
	const htmlOrText = typeof body === 'string';
	const error = new NodeApiError(node, errorBody, {
		message: htmlOrText ? `Luma: HTTP ${status}, ${lumaMessage}` : `Luma: ${lumaMessage}${code}`,
		description,
		httpCode: String(status),
		itemIndex,
	});
	if (unknownRoute) error.context[UNKNOWN_ROUTE_KEY] = true;
	return error;
}

/** Network failure (no HTTP response). Built from scratch so the request config (and its key) is not attached. */
export function lumaNetworkError(node: INode, code: string, itemIndex?: number): NodeApiError {
	// NodeApiError words the message itself for well-known codes (ECONNREFUSED...); keep the code visible.
	const description = `Network error ${code}. Check the base URL in the credential and the network connection.`;
	return new NodeApiError(node, { message: 'Could not reach Luma', errorCode: code }, {
		message: 'Could not reach Luma',
		description,
		itemIndex,
	});
}

/**
 * Why the outcome of a request that reached Luma (or may have) is unknown: the connection failed
 * after sending, the answer is not the JSON it should be, or a server error that does not say
 * whether the work was done.
 */
export type LostAnswer =
	| { kind: 'network'; code: string }
	| { kind: 'garbled'; status: number; summary: string }
	| { kind: 'serverError'; status: number; summary: string };

const LOST_ANSWER_KEY = 'lumaLostAnswer';

// No network error code in a message: NodeApiError replaces a message that contains one with its
// generic "you can retry the request immediately" text, the opposite of what a lost create needs.
function lostAnswerText(lost: LostAnswer): string {
	if (lost.kind === 'network') return 'the connection failed after the request may have reached Luma';
	if (lost.kind === 'serverError') return `Luma had a server error (HTTP ${lost.status}: ${lost.summary}) that does not say whether it was done`;
	return `Luma answered HTTP ${lost.status} with a body that is not the JSON this operation expects (${lost.summary})`;
}

function lostAnswerDetail(lost: LostAnswer): string {
	return lost.kind === 'network' ? `Network error ${lost.code}. ` : '';
}

/**
 * A request with a side effect whose answer was lost: it may have happened. Operations that can find
 * out (reconcile) catch this with `lostAnswerOf`; the others let it through as is, so the user is
 * told to check before running again instead of getting a plain network error.
 */
export function lostAnswerError(node: INode, lost: LostAnswer, itemIndex?: number, whatToCheck?: string): NodeApiError {
	const error = new NodeApiError(node, { message: 'The answer from Luma was lost' }, {
		message: `Luma may have done this already: ${lostAnswerText(lost)}`,
		description: `${lostAnswerDetail(lost)}${whatToCheck ?? 'Check in Luma whether it happened'} before running the node again: the request is not sent twice automatically, to avoid doing it twice.`,
		httpCode: lost.kind === 'network' ? undefined : String(lost.status),
		itemIndex,
	});
	error.context[LOST_ANSWER_KEY] = lost;
	return error;
}

function isLostAnswer(value: unknown): value is LostAnswer {
	if (typeof value !== 'object' || value === null || !('kind' in value)) return false;
	return value.kind === 'network' || value.kind === 'garbled' || value.kind === 'serverError';
}

export function lostAnswerOf(error: unknown): LostAnswer | undefined {
	if (!(error instanceof NodeApiError)) return undefined;
	const lost: unknown = error.context[LOST_ANSWER_KEY];
	return isLostAnswer(lost) ? lost : undefined;
}

/** For a create that found out what happened: the same error kind, with the outcome named. */
export function notCreatedError(node: INode, lost: LostAnswer, whatWasSearched: string, itemIndex?: number): NodeApiError {
	return new NodeApiError(node, { message: 'The answer from Luma was lost' }, {
		message: `Luma's answer was lost and ${whatWasSearched} was not found: it was most likely not created`,
		description: `${lostAnswerDetail(lost)}${lostAnswerText(lost)}. Nothing matching was found afterwards; run the node again to create it (check first if you must be certain: Luma may show it with a delay).`,
		itemIndex,
	});
}

/** For catch blocks: n8n errors pass through unchanged, anything else becomes a NodeOperationError. */
export function asNodeError(node: INode, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error instanceof Error ? error : String(error), { itemIndex });
}

/** Luma answered 404 for an ID it does not know (not for a route it does not have). */
export function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '404' && error.context[UNKNOWN_ROUTE_KEY] !== true;
}
