import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { LumaContext } from '../../../shared/transport';
import { lumaApiRequest } from '../../../shared/transport';

/**
 * The Agents API's Generation (https://github.com/lumalabs/luma-agents-typescript
 * `src/resources/generations.ts`; `layer` from https://github.com/lumalabs/luma-agents-go
 * `generation.go`), passed on exactly as Luma returns it: every field optional here, extra fields
 * kept, unknown states treated as still running.
 */
export interface AgentsLayer extends IDataObject {
	/** Front to back; the last layer is the background. */
	index?: number;
	label?: string;
	description?: string;
	alpha_hint?: string;
	/** Where the cropped layer sits on a canvas_width × canvas_height canvas. */
	bounds?: IDataObject;
}

export interface AgentsOutput extends IDataObject {
	/** `image`, `video`, or another kind Luma adds (an HDR job's EXR). */
	type?: string;
	/** Presigned, valid one hour; every GET of the generation signs fresh ones. */
	url?: string;
	layer?: AgentsLayer | null;
}

export interface AgentsGeneration extends IDataObject {
	id: string;
	created_at?: string;
	model?: string;
	type?: string;
	state?: string;
	failure_code?: string | null;
	failure_reason?: string | null;
	output?: AgentsOutput[];
}

/** A create or get answer without an ID is a contract break: say so plainly. */
export function asAgentsGeneration(node: INode, body: unknown, itemIndex?: number): AgentsGeneration {
	const candidate = typeof body === 'object' && body !== null ? (body as AgentsGeneration) : undefined;
	if (!candidate || typeof candidate.id !== 'string' || !candidate.id) {
		throw new NodeOperationError(node, 'The Luma Agents API answered without a generation ID', {
			itemIndex,
			description: `Answer: ${JSON.stringify(body).slice(0, 300)}`,
		});
	}
	return candidate;
}

/** `GET /generations/{id}`: free, and it signs fresh one-hour output URLs every time. */
export async function getAgentsGeneration(ctx: LumaContext, id: string, itemIndex?: number): Promise<AgentsGeneration> {
	const body: unknown = await lumaApiRequest(ctx, 'agents', { method: 'GET', path: `/generations/${encodeURIComponent(id)}`, itemIndex, expectFields: ['id'] });
	return asAgentsGeneration(ctx.getNode(), body, itemIndex);
}

/** Whether Luma charged a failed generation (its error-handling guide and FAQ). */
export type Charge = 'refunded' | 'partial' | 'unknown';

interface FailureCode {
	hint: string;
	charge: Charge;
	/** Luma's guide: the same request may succeed when sent again. */
	retryable: boolean;
}

/** `failure_code` → what to do, per https://docs.agents.lumalabs.ai/guides/error-handling/. */
const FAILURE_CODES: Record<string, FailureCode> = {
	content_moderated: {
		hint: "Luma's moderation flagged the prompt, an input or the output. Change the prompt or the inputs: the same request fails the same way.",
		charge: 'refunded',
		retryable: false,
	},
	generation_failed: {
		hint: 'An internal model error at Luma. The same request usually works when sent again (Options → Retry Failed Generations does it for you).',
		charge: 'refunded',
		retryable: true,
	},
	budget_exhausted: {
		hint: 'The Luma account ran out of credits during the generation. Add credits at platform.lumalabs.ai, then run it again.',
		charge: 'partial',
		retryable: false,
	},
	output_not_found: {
		hint: 'Luma could not retrieve the output. The same request usually works when sent again (Options → Retry Failed Generations does it for you).',
		charge: 'refunded',
		retryable: true,
	},
	image_too_large: {
		hint: 'An input is larger than Luma accepts (images up to 50 MB). Use a smaller file.',
		charge: 'unknown',
		retryable: false,
	},
	unsupported_format: {
		hint: 'An input is in a format Luma does not read (images: JPEG, PNG, WebP, still GIF; videos: MP4, MOV, WebM). Convert it first.',
		charge: 'unknown',
		retryable: false,
	},
	corrupt_input: {
		hint: 'Luma could not decode an input file: it is damaged or not what its type says. Replace it.',
		charge: 'unknown',
		retryable: false,
	},
	invalid_request: {
		hint: 'Luma rejected the request while processing it. Check the fields and inputs.',
		charge: 'unknown',
		retryable: false,
	},
	rate_limited: {
		hint: "Luma's upstream capacity was throttled. Sending it again after a moment usually works (Options → Retry Failed Generations does it for you).",
		charge: 'unknown',
		retryable: true,
	},
};

const CHARGE_TEXT: Record<Charge, string> = {
	refunded: 'Not charged: Luma refunds failed generations with this code.',
	partial: 'Possibly charged in part: Luma may bill what was used before the funds ran out.',
	unknown: 'Luma does not say whether failures with this code are charged.',
};

function failureOf(generation: AgentsGeneration): FailureCode & { code: string } {
	const code = generation.failure_code ?? 'unknown';
	return {
		code,
		...(FAILURE_CODES[code] ?? { hint: 'Check the inputs and try again.', charge: 'unknown', retryable: false }),
	};
}

export function isRetryableFailure(generation: AgentsGeneration): boolean {
	return generation.state === 'failed' && failureOf(generation).retryable;
}

/** A failed generation as an error: Luma's code and reason, what to do, and whether it was charged. */
export function agentsFailureError(node: INode, generation: AgentsGeneration, itemIndex?: number) {
	const failure = failureOf(generation);
	const error = new NodeOperationError(
		node,
		`Luma generation ${generation.id} failed (${failure.code}): ${generation.failure_reason || 'no reason given'}`,
		{ itemIndex, description: `${failure.hint} ${CHARGE_TEXT[failure.charge]}` },
	);
	return { error, charge: failure.charge, hint: failure.hint };
}

export function agentsTimedOutError(node: INode, generation: AgentsGeneration, minutes: number, itemIndex?: number): NodeOperationError {
	return new NodeOperationError(node, `Luma generation ${generation.id} was still "${generation.state ?? 'unknown'}" after waiting ${minutes} minute(s)`, {
		itemIndex,
		description:
			'It keeps running at Luma. Raise "Max Wait (Minutes)" in the options, or pick it up later with Generation → Wait for Completion and this ID.',
	});
}
