import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { GenerationGroup } from '../../../../shared/generation/generation';
import { invalid, modelNameProblem, openOptionProblem, requiredProblem, requireValid, textLengthProblem, urlProblem, uuidProblem } from '../../../../shared/validation/readers';
import { isEmpty, numberProblem, textProblem } from '../../../../shared/validation/values';
import { KNOWN_MODELS } from '../fields/model';
import { ALLOW_PRIVATE_URLS } from '../fields/options';

/**
 * Input checks that run before any create is sent, so a mistake never costs credits. The router's
 * item checker has already held every field to its description (types, ranges, closed lists,
 * required fields); these are the rules a description cannot say. Each names the field as the
 * user sees it; the item is in the error's context.
 */

export const PROMPT_MIN_LENGTH = 3;
export const PROMPT_MAX_LENGTH = 5000;

export { invalid };

/** `value`, trimmed, once a reader that only passes text found no problem with it. */
function checkedText(ctx: IExecuteFunctions, itemIndex: number, label: string, value: unknown, problem: string | undefined, description?: string): string {
	requireValid(ctx, itemIndex, label, problem, description);
	if (typeof value !== 'string') throw invalid(ctx, itemIndex, `${label} must be text`, description);
	return value.trim();
}

/**
 * The unresolved value at `path` in the node's parameters ("keyframes.frame0.url",
 * "imageReferences.values.1.url"): tells whether an empty value came from an expression.
 */
function rawParameter(ctx: IExecuteFunctions, path: string): unknown {
	let current: unknown = ctx.getNode().parameters;
	for (const key of path.split('.').filter(Boolean)) {
		if (typeof current !== 'object' || current === null) return undefined;
		// n8n may keep the only entry of a multi-value group as an object rather than a list.
		if (!Array.isArray(current) && /^\d+$/.test(key)) {
			if (key !== '0') return undefined;
			continue;
		}
		current = (current as IDataObject)[key];
	}
	return current;
}

export function requiredError(ctx: IExecuteFunctions, itemIndex: number, label: string, path: string, description?: string): NodeOperationError {
	return invalid(ctx, itemIndex, `${label} ${requiredProblem(rawParameter(ctx, path))}`, description);
}

/** A text field's value as text: the item checker let only text or a number through. */
function textOf(ctx: IExecuteFunctions, itemIndex: number, value: unknown, label: string): string {
	if (value === undefined || value === null) return '';
	requireValid(ctx, itemIndex, label, textProblem(value));
	return typeof value === 'string' ? value : String(value);
}

/**
 * Luma's prompt rules: 3–5000 characters; required where the route needs one (a video's need
 * depends on its keyframes: buildVideoCreate decides). Returns the prompt, or undefined when empty.
 */
export function readPrompt(
	ctx: IExecuteFunctions,
	itemIndex: number,
	{ required, name = 'prompt', label = 'Prompt' }: { required: boolean; name?: string; label?: string },
): string | undefined {
	const prompt = textOf(ctx, itemIndex, ctx.getNodeParameter(name, itemIndex, ''), label);
	if (prompt.trim() === '') {
		if (required) throw requiredError(ctx, itemIndex, label, name);
		return undefined;
	}
	requireValid(ctx, itemIndex, label, textLengthProblem(prompt, PROMPT_MIN_LENGTH, PROMPT_MAX_LENGTH));
	return prompt;
}

/**
 * A URL Luma fetches (an input) or calls (a callback): absolute http(s), and on the public internet
 * unless the item's Options → Allow Private Network URLs is on. `path` locates the field in the
 * node's parameters.
 */
export function checkUrl(ctx: IExecuteFunctions, itemIndex: number, value: unknown, label: string, path: string): string {
	if (isEmpty(value)) throw requiredError(ctx, itemIndex, label, path);
	const allowPrivate = ctx.getNodeParameter(`options.${ALLOW_PRIVATE_URLS}`, itemIndex, false) === true;
	const hint = 'Luma fetches inputs from the web: upload the file somewhere public and use its link.';
	return checkedText(ctx, itemIndex, label, value, urlProblem(value, 'fetchedByLuma', allowPrivate), hint);
}

/** Generation IDs are UUIDs: catches an expression that resolved to nothing or to the wrong field. */
export function checkGenerationId(ctx: IExecuteFunctions, itemIndex: number, value: unknown, label: string, path: string): string {
	const description = 'Generation IDs look like 123e4567-e89b-12d3-a456-426614174000; to chain nodes, use the expression {{ $json.id }}.';
	if (isEmpty(value)) throw requiredError(ctx, itemIndex, label, path, description);
	const text = textOf(ctx, itemIndex, value, label);
	requireValid(ctx, itemIndex, label, uuidProblem(text, 'a Luma generation ID'), description);
	return text.trim().toLowerCase();
}

/** A number the item checker has held to its field's range (numeric text included), as a number. */
export function readNumber(ctx: IExecuteFunctions, itemIndex: number, value: unknown, label: string, range: { minValue?: number; maxValue?: number; numberPrecision?: number }): number {
	requireValid(ctx, itemIndex, label, numberProblem(value, range));
	return Number(value);
}

/** A value of an option list Luma documents as open (resolution, duration). */
export function readOpenOption(ctx: IExecuteFunctions, itemIndex: number, name: string, label: string, known: Array<{ value: unknown }>): string {
	const value: unknown = ctx.getNodeParameter(name, itemIndex);
	if (isEmpty(value)) throw requiredError(ctx, itemIndex, label, name);
	return checkedText(ctx, itemIndex, label, value, openOptionProblem(value, known.map((option) => String(option.value))));
}

const FAMILY_NAMES: Record<GenerationGroup, string> = { video: 'a video (Ray)', image: 'an image (Photon)' };

/**
 * The model of one item: a model from the picker, any model name an expression gives, or the
 * "Custom Model" text when Model is "custom". A model Luma documents for the other family is refused
 * here (Luma would answer 422 only after the previous generations were looked up).
 */
export function readModel(ctx: IExecuteFunctions, itemIndex: number, family: GenerationGroup): string {
	const choice: unknown = ctx.getNodeParameter('model', itemIndex, '');
	if (isEmpty(choice)) throw requiredError(ctx, itemIndex, 'Model', 'model');
	let label = 'Model';
	let model = choice;
	if (choice === 'custom') {
		label = 'Custom Model';
		model = ctx.getNodeParameter('customModel', itemIndex, '');
		if (isEmpty(model)) throw requiredError(ctx, itemIndex, label, 'customModel', 'Model is "Custom Model": enter the model name Luma documents, e.g. ray-2.');
	}
	const name = checkedText(ctx, itemIndex, label, model, modelNameProblem(model));
	const other: GenerationGroup = family === 'video' ? 'image' : 'video';
	if (KNOWN_MODELS[other].some((known) => known.value === name)) {
		const mine = KNOWN_MODELS[family].map((known) => known.value).join(', ');
		throw invalid(ctx, itemIndex, `${label} "${name}" is ${FAMILY_NAMES[other]} model; this operation needs ${FAMILY_NAMES[family]} model such as ${mine}`);
	}
	return name;
}

/**
 * Adds the user's "Callback URL" (e.g. a Luma Generate Trigger) to a create body. With "Wait for
 * Luma's Callback" the node uses its own resume URL instead (Luma takes one callback URL).
 */
export function withCallbackUrl(ctx: IExecuteFunctions, itemIndex: number, body: IDataObject, additional: IDataObject): IDataObject {
	if (isEmpty(additional.callbackUrl) || ctx.getNodeParameter('waitForCompletion', 0, 'poll') === 'callback') return body;
	return { ...body, callback_url: checkUrl(ctx, itemIndex, additional.callbackUrl, 'Callback URL', 'additionalFields.callbackUrl') };
}
