import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** How one answer body or network failure is read, the same way for the API and for external URLs. */

/** The network error code (ECONNRESET, ETIMEDOUT...) of an error or of one of its causes. */
export function networkErrorCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; current && depth < 5; depth++) {
		const candidate = current as { code?: unknown; cause?: unknown };
		if (typeof candidate.code === 'string' && /^[A-Z_]+$/.test(candidate.code)) return candidate.code;
		current = candidate.cause;
	}
	return undefined;
}

export function isAbort(error: unknown, signal?: AbortSignal): boolean {
	if (signal?.aborted) return true;
	const code = networkErrorCode(error);
	return code === 'ERR_CANCELED' || code === 'ABORT_ERR';
}

/** JSON when it parses; the text otherwise; {} for an empty body. */
export function parseBody(body: unknown): unknown {
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body === 'string') {
		if (body.trim() === '') return {};
		try {
			return JSON.parse(body);
		} catch {
			return body;
		}
	}
	return body ?? {};
}

/** Query parameters as Luma wants them: undefined, null, '' and empty arrays are left out. */
export function cleanQuery(qs: IDataObject | undefined): IDataObject | undefined {
	if (!qs) return undefined;
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(qs)) {
		if (value === undefined || value === null || value === '') continue;
		if (Array.isArray(value) && value.length === 0) continue;
		out[key] = value;
	}
	return out;
}

export function cancelled(node: INode, itemIndex?: number) {
	return new NodeOperationError(node, 'The execution was cancelled', { itemIndex });
}
