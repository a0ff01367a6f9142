import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { LostAnswer } from '../../shared/errors';
import { lostAnswerError, notCreatedError } from '../../shared/errors';
import type { Generation } from '../../shared/generation/generation';
import { asGeneration } from '../../shared/generation/generation';
import { waitFor } from '../../shared/scheduler';
import { getTransportTiming, lumaApiRequest } from '../../shared/transport';

/**
 * A Dream Machine create whose answer was lost (the connection failed after sending, a timeout, an
 * ambiguous 5xx, a garbled body) may have started a paid generation. The API echoes each request in
 * the generation's `request`, and lists the newest generations first, so the node looks for one that
 * carries exactly what it sent, made since just before it sent it: found, the item goes on with it
 * (nothing is created twice); not found after a second look, it was not created.
 */

/** How many of the newest generations are searched: the lost one is among the last few created. */
const SEARCH_DEPTH = 50;
/** Luma's clock and n8n's may differ by this much. */
const CLOCK_SKEW_MS = 120_000;

function sameValue(sent: unknown, echoed: unknown): boolean {
	if (sent === echoed) return true;
	if (typeof sent !== 'object' || sent === null || typeof echoed !== 'object' || echoed === null) return false;
	if (Array.isArray(sent) !== Array.isArray(echoed)) return false;
	// Every key the node sent must be echoed with the same value (Luma adds defaults of its own).
	return Object.entries(sent).every(([key, value]) => sameValue(value, (echoed as IDataObject)[key]));
}

function createdSince(generation: Generation, sentAt: number): boolean {
	const created = Date.parse(generation.created_at ?? '');
	return Number.isNaN(created) || created >= sentAt - CLOCK_SKEW_MS;
}

async function findEchoed(ctx: IExecuteFunctions, body: IDataObject, sentAt: number, claimed: Set<string>, itemIndex: number) {
	const page = await lumaApiRequest(ctx, 'dreamMachine', { method: 'GET', path: '/generations', qs: { limit: SEARCH_DEPTH, offset: 0 }, itemIndex });
	const listed = Array.isArray(page.generations) ? (page.generations as unknown[]) : [];
	for (const entry of listed) {
		const generation = asGeneration(ctx.getNode(), entry, itemIndex);
		if (claimed.has(generation.id) || !createdSince(generation, sentAt)) continue;
		if (sameValue(body, generation.request ?? {})) return generation;
	}
	return undefined;
}

/**
 * After a lost answer: the generation the create made, or an error that says what happened.
 * `claimed` holds the generations other items of this run already own (identical items send
 * identical requests: each takes its own match).
 */
export async function recoverLostCreate(
	ctx: IExecuteFunctions,
	lost: LostAnswer,
	body: IDataObject,
	sentAt: number,
	claimed: Set<string>,
	itemIndex: number,
): Promise<Generation> {
	const whatToCheck = 'Check Generation → Get Many for a generation with this prompt';
	try {
		for (let look = 0; look < 2; look++) {
			// Luma may still be registering the request that reached it: look again after a moment.
			if (look > 0) await waitFor(getTransportTiming().backoffBaseMs * 2, ctx.getExecutionCancelSignal());
			const found = await findEchoed(ctx, body, sentAt, claimed, itemIndex);
			if (found) {
				claimed.add(found.id);
				ctx.addExecutionHints({
					message: `Item ${itemIndex}: Luma's answer to the create was lost; generation ${found.id} it created was found and used (nothing was created twice).`,
					type: 'info',
				});
				return found;
			}
		}
	} catch {
		// The search itself failed: nothing is known, so say the create may have happened.
		throw lostAnswerError(ctx.getNode(), lost, itemIndex, whatToCheck);
	}
	throw notCreatedError(ctx.getNode(), lost, 'a generation with this request', itemIndex);
}
