import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * Luma's two APIs report errors differently: events answers `{ message, code }`, Dream Machine
 * answers `{ detail }` where detail is a string or (validation) a list of `{ loc, msg }`.
 * Read every known shape; fall back to the raw text.
 */
export function lumaErrorMessage(body: unknown): string | undefined {
	if (body === undefined || body === null || body === '') return undefined;
	if (typeof body === 'string') {
		const parsed = tryParseJson(body);
		if (parsed !== undefined && typeof parsed === 'object') return lumaErrorMessage(parsed);
		return body.slice(0, 500);
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

function tryParseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

const HINTS: Record<number, string> = {
	400: 'Luma rejected the request: check the field named in the message.',
	401: 'The API key was not accepted: check the credential.',
	402: 'The Luma Labs account has no credits left.',
	403: 'The API key has no access to this resource (organization routes need an organization key).',
	404: 'Luma does not know this ID: check that it exists and belongs to this calendar/account.',
	409: 'The request conflicts with the current state in Luma.',
	422: 'Luma rejected the request: check the field named in the message.',
	429: 'Luma kept answering "too many requests".',
};

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
	const description = [HINTS[status] ?? (status >= 500 ? 'Luma had a server error; try again later.' : ''), extraDescription]
		.filter(Boolean)
		.join(' ');
	const errorBody: JsonObject =
		body && typeof body === 'object' && !Buffer.isBuffer(body) ? (body as JsonObject) : { message: lumaMessage };
	return new NodeApiError(node, errorBody, {
		message: `Luma: ${lumaMessage}${code}`,
		description,
		httpCode: String(status),
		itemIndex,
	});
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

/** For catch blocks: n8n errors pass through unchanged, anything else becomes a NodeOperationError. */
export function asNodeError(node: INode, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error instanceof Error ? error : String(error), { itemIndex });
}

/** Luma answered 404 (an ID it does not know). */
export function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '404';
}
