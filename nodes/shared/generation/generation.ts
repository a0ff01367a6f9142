import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { LumaContext } from '../transport';
import { lumaApiRequest } from '../transport';

/** Luma's model families: each has its own create pacing and concurrent-job limit. */
export type GenerationGroup = 'video' | 'image';

export type GenerationState = 'queued' | 'dreaming' | 'completed' | 'failed';

/**
 * The Generation object exactly as Luma returns it (`GET /generations/{id}`, create responses and
 * callbacks). Every field is optional in Luma's SDK types; extra fields (legacy `version`, `type`)
 * are passed through untouched.
 */
export interface Generation extends IDataObject {
	id: string;
	state?: GenerationState;
	failure_reason?: string | null;
	created_at?: string;
	generation_type?: string;
	model?: string;
	assets?: { video?: string | null; image?: string | null; progress_video?: string | null } | null;
	request?: IDataObject;
}

export async function getGeneration(this: LumaContext, id: string, itemIndex?: number): Promise<Generation> {
	const body: unknown = await lumaApiRequest(this, 'dreamMachine', {
		method: 'GET',
		path: `/generations/${encodeURIComponent(id)}`,
		itemIndex,
		// A Generation without its ID is a broken answer; a read may be repeated, so it is read again.
		expectFields: ['id'],
		observeGeneration: true,
	});
	return asGeneration(this.getNode(), body, itemIndex);
}

/** Both Luma Labs APIs end a job in `completed` or `failed`; any other state (even an unknown one) is still running. */
export function isFinal(generation: { state?: string | null }): boolean {
	return generation.state === 'completed' || generation.state === 'failed';
}

/** A create or get answer that is not a Generation (no id) is a Luma contract break: say so plainly. */
export function asGeneration(node: INode, body: unknown, itemIndex?: number): Generation {
	const candidate = body as Generation | undefined;
	if (!candidate || typeof candidate !== 'object' || typeof candidate.id !== 'string' || !candidate.id) {
		throw new NodeOperationError(node, 'Luma answered without a generation ID', {
			itemIndex,
			description: `Response: ${JSON.stringify(body).slice(0, 300)}`,
		});
	}
	return candidate;
}

/**
 * What to change when a generation failed, keyed on Luma's documented `failure_reason` texts (matched
 * loosely: variants such as "Advanced moderation failed" exist in the wild).
 */
const FAILURE_HINTS: Array<[RegExp, string]> = [
	[
		/read user input frames|failed to read/i,
		'Luma could not download an input image or video. Use a public URL that points directly to the file (no login, no redirect to an HTML page).',
	],
	[/frame moderation|moderate image/i, "Luma's image moderation rejected an input image. Use a different image."],
	[
		/moderation|blacklisted/i,
		"Luma's moderation rejected the prompt. Rephrase it (avoid real people, brands, violence or explicit content).",
	],
	[/prompt processing/i, 'Luma could not process the prompt. Try again, or simplify the prompt.'],
	[/dispatch|job failed/i, "The job failed on Luma's side. Running it again usually works; failed generations are refunded."],
	[/callback/i, 'Luma could not deliver its callback. Check that this n8n instance is reachable from the internet.'],
];

export function failureHint(reason: string | null | undefined): string {
	const text = reason ?? '';
	for (const [pattern, hint] of FAILURE_HINTS) if (pattern.test(text)) return hint;
	return 'Check the inputs and try again; Luma refunds failed generations.';
}

/** Luma's create rejections carry the same texts (e.g. 400 "Advanced prompt moderation failed"). */
export function rejectionHint(message: string): string | undefined {
	if (!/moderation|blacklisted|input frames|failed to read/i.test(message)) return undefined;
	return failureHint(message);
}

export function failedGenerationError(node: INode, generation: Generation, itemIndex?: number): NodeOperationError {
	const reason = generation.failure_reason || 'no reason given';
	return new NodeOperationError(node, `Luma generation ${generation.id} failed: ${reason}`, {
		itemIndex,
		description: failureHint(generation.failure_reason),
	});
}

export function timedOutError(node: INode, generation: Generation, minutes: number, itemIndex?: number): NodeOperationError {
	return new NodeOperationError(
		node,
		`Luma generation ${generation.id} is still "${generation.state ?? 'unknown'}" after ${minutes} minute(s)`,
		{
			itemIndex,
			description:
				'Raise "Max Wait (Minutes)" in the options, or continue later with Generation → Wait for Completion using this ID (the generation keeps running at Luma).',
		},
	);
}
