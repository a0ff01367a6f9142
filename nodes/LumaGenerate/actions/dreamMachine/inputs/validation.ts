import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Input checks that run before any create is sent, so a mistake never costs credits. Each names the
 * field (as the user sees it) and the item.
 */

export const PROMPT_MIN_LENGTH = 3;
export const PROMPT_MAX_LENGTH = 5000;

export function invalid(ctx: IExecuteFunctions, itemIndex: number, message: string, description?: string): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `${message} [item ${itemIndex}]`, { itemIndex, description });
}

/**
 * Luma's prompt rules: 3–5000 characters; required unless an image keyframe stands in for it (video)
 * or the route makes it optional (modify, reframe, audio). Returns the prompt, or undefined when empty.
 */
export function checkPrompt(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	{ required, field = 'Prompt', requiredBecause }: { required: boolean; field?: string; requiredBecause?: string },
): string | undefined {
	const prompt = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
	if (prompt.trim() === '') {
		if (required) throw invalid(ctx, itemIndex, `${field} is required`, requiredBecause);
		return undefined;
	}
	if (prompt.trim().length < PROMPT_MIN_LENGTH) {
		throw invalid(ctx, itemIndex, `${field} is too short: Luma needs at least ${PROMPT_MIN_LENGTH} characters`);
	}
	if (prompt.length > PROMPT_MAX_LENGTH) {
		throw invalid(ctx, itemIndex, `${field} is too long: ${prompt.length} characters, Luma allows ${PROMPT_MAX_LENGTH}`);
	}
	return prompt;
}

/** A well-formed absolute http(s) URL (Luma downloads inputs itself: nothing else can work). */
export function checkUrl(ctx: IExecuteFunctions, itemIndex: number, value: unknown, field: string): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (!text) throw invalid(ctx, itemIndex, `${field} is required`);
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw invalid(ctx, itemIndex, `${field} is not a valid URL: "${text.slice(0, 200)}"`);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw invalid(ctx, itemIndex, `${field} must be an http(s) URL, got "${url.protocol}"`, 'Luma fetches inputs from the web: upload the file somewhere public and use its link.');
	}
	return text;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Generation IDs are UUIDs: catches an expression that resolved to nothing or to the wrong field. */
export function checkGenerationId(ctx: IExecuteFunctions, itemIndex: number, value: unknown, field: string): string {
	const text = typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value).trim();
	if (!text) throw invalid(ctx, itemIndex, `${field} is required`, 'To chain nodes, use the expression {{ $json.id }}.');
	if (!UUID.test(text)) {
		throw invalid(ctx, itemIndex, `${field} is not a Luma generation ID: "${text.slice(0, 100)}"`, 'Generation IDs look like 123e4567-e89b-12d3-a456-426614174000.');
	}
	return text.toLowerCase();
}

/** Reference weights: 0 (barely) to 1 (closely). */
export function checkWeight(ctx: IExecuteFunctions, itemIndex: number, value: unknown, field: string): number {
	const weight = typeof value === 'number' ? value : Number(value);
	if (!Number.isFinite(weight) || weight < 0 || weight > 1) {
		throw invalid(ctx, itemIndex, `${field} must be a number from 0 to 1, got "${String(value)}"`);
	}
	return weight;
}

/** Optional non-negative integer (reframe geometry in pixels). */
export function checkPixels(ctx: IExecuteFunctions, itemIndex: number, value: unknown, field: string): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const n = typeof value === 'number' ? value : Number(value);
	if (!Number.isInteger(n) || n < 0) throw invalid(ctx, itemIndex, `${field} must be a whole number of pixels (0 or more), got "${String(value)}"`);
	return n;
}

/** A model from the picker, or the "Custom Model" text for models released after this node. */
export function readModel(ctx: IExecuteFunctions, itemIndex: number): string {
	const choice = String(ctx.getNodeParameter('model', itemIndex, '') ?? '');
	const model = choice === 'custom' ? String(ctx.getNodeParameter('customModel', itemIndex, '') ?? '').trim() : choice;
	if (!model) throw invalid(ctx, itemIndex, 'Custom Model is required', 'Enter the model name Luma documents, e.g. ray-2.');
	return model;
}

/**
 * Adds the user's "Callback URL" (e.g. a Luma Generate Trigger) to a create body. With "Wait for
 * Luma's Callback" the node uses its own resume URL instead (Luma takes one callback URL).
 */
export function withCallbackUrl(ctx: IExecuteFunctions, itemIndex: number, body: IDataObject, additional: IDataObject): IDataObject {
	const raw = typeof additional.callbackUrl === 'string' ? additional.callbackUrl.trim() : '';
	if (!raw || ctx.getNodeParameter('waitForCompletion', 0, 'poll') === 'callback') return body;
	return { ...body, callback_url: checkUrl(ctx, itemIndex, raw, 'Callback URL') };
}
