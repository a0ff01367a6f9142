import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { LostAnswer } from '../../../shared/errors';
import { recoverLostCreate } from '../../../shared/lostCreates';
import { cursorPages } from '../../../shared/transport';

/**
 * An Event → Create whose answer was lost (the connection failed after sending, a timeout, an
 * ambiguous 5xx, an answer without the event ID) may have created the event. Luma has no idempotency
 * key, but an event is named by its calendar, name and start: the node lists the calendar's events
 * starting around the sent start and takes the one with exactly the sent name and start, created
 * since just before the request (the look itself: nodes/shared/lostCreates.ts). No snapshot is
 * taken before the create: it would double the requests of every create against the calendar's
 * per-minute budget, for a loss that is rare.
 */

/** The listing window around the sent start (Luma's after/before filter the start time). */
const WINDOW_MS = 60_000;
/** Luma's clock and n8n's may differ by this much. */
const CLOCK_SKEW_MS = 120_000;

/** What to look for in Luma when the answer is lost and the node cannot tell (goes into the error). */
export function eventWhatToCheck(body: IDataObject): string {
	return `Check the calendar for an event named "${String(body.name)}" starting ${String(body.start_at)}`;
}

function isTheCreatedEvent(entry: IDataObject, body: IDataObject, sentAt: number): boolean {
	if (entry.name !== body.name || Date.parse(String(entry.start_at)) !== Date.parse(String(body.start_at))) return false;
	const created = Date.parse(String(entry.created_at ?? ''));
	return Number.isNaN(created) || created >= sentAt - CLOCK_SKEW_MS;
}

async function findCreated(ctx: IExecuteFunctions, body: IDataObject, sentAt: number, claimed: ReadonlySet<string>, itemIndex: number): Promise<string | undefined> {
	const start = Date.parse(String(body.start_at));
	const qs: IDataObject = {
		after: new Date(start - WINDOW_MS).toISOString(),
		before: new Date(start + WINDOW_MS).toISOString(),
		sort_column: 'start_at',
	};
	for await (const page of cursorPages(ctx, 'events', { method: 'GET', path: '/v1/calendars/events/list', qs, itemIndex })) {
		const match = page.find((entry) => typeof entry.id === 'string' && !claimed.has(entry.id) && isTheCreatedEvent(entry, body, sentAt));
		if (match) return String(match.id);
	}
	return undefined;
}

/**
 * After a lost answer to `POST /v1/events/create` with `body` (sent at `sentAt`): the ID of the event
 * it created, or an error that says what happened.
 */
export async function recoverLostEvent(ctx: IExecuteFunctions, lost: LostAnswer, body: IDataObject, sentAt: number, itemIndex: number): Promise<string> {
	return await recoverLostCreate(
		ctx,
		lost,
		{
			find: async (claimed) => await findCreated(ctx, body, sentAt, claimed, itemIndex),
			idOf: (id) => id,
			what: `an event named "${String(body.name)}" starting ${String(body.start_at)}`,
			whatToCheck: eventWhatToCheck(body),
		},
		itemIndex,
	);
}
