import type { IExecuteFunctions } from 'n8n-workflow';

import type { LostAnswer } from './errors';
import { lostAnswerError, notCreatedError } from './errors';
import { waitFor } from './scheduler';
import { getTransportTiming } from './transport';

/**
 * What both action nodes do after a create whose answer was lost (errors.ts, `lostAnswerOf`): look
 * for what it made, twice (Luma may still be storing it), never taking what another item of the
 * same node run already took; found, the item goes on with it and an execution hint says so; not
 * found, "most likely not created"; the search itself failing, "may have done this already".
 * Each API says how to look (`find`): an event by calendar, name and start; a Dream Machine
 * generation by the request it echoes.
 */

/** What items of one node run already own (identical items send identical creates: each takes its own). */
const claimedByRun = new WeakMap<IExecuteFunctions, Set<string>>();

export function claimedInRun(ctx: IExecuteFunctions): Set<string> {
	let claimed = claimedByRun.get(ctx);
	if (!claimed) claimedByRun.set(ctx, (claimed = new Set()));
	return claimed;
}

export interface LostCreateSearch<T> {
	/** What the create made, if it can be told apart; `claimed` IDs must be skipped. */
	find(claimed: ReadonlySet<string>): Promise<T | undefined>;
	idOf(found: T): string;
	/** "an event named "Breakfast" starting …": for the hint and the not-created error. */
	what: string;
	/** What the user should check when the search fails (goes into the error). */
	whatToCheck: string;
}

export async function recoverLostCreate<T>(
	ctx: IExecuteFunctions,
	lost: LostAnswer,
	search: LostCreateSearch<T>,
	itemIndex: number,
): Promise<T> {
	const claimed = claimedInRun(ctx);
	try {
		for (let look = 0; look < 2; look++) {
			if (look > 0) await waitFor(getTransportTiming().backoffBaseMs * 2, ctx.getExecutionCancelSignal());
			const found = await search.find(claimed);
			if (found !== undefined) {
				const id = search.idOf(found);
				claimed.add(id);
				ctx.addExecutionHints({
					message: `Item ${itemIndex}: Luma's answer to the create was lost; it had made ${search.what} (${id}), which was found and used (reconciled, nothing was created twice).`,
					type: 'info',
				});
				return found;
			}
		}
	} catch {
		// The search itself failed: nothing is known, so say the create may have happened.
		throw lostAnswerError(ctx.getNode(), lost, itemIndex, search.whatToCheck);
	}
	throw notCreatedError(ctx.getNode(), lost, search.what, itemIndex);
}
