import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { LostAnswer } from '../../shared/errors';
import type { Generation } from '../../shared/generation/generation';
import { asGeneration } from '../../shared/generation/generation';
import { claimedInRun, recoverLostCreate } from '../../shared/lostCreates';
import { lumaApiRequest } from '../../shared/transport';

/**
 * A Dream Machine create whose answer was lost (the connection failed after sending, a timeout, an
 * ambiguous 5xx, a garbled body) may have started a paid generation. The API echoes each request in
 * the generation's `request`, and lists the newest generations first, so the node looks for one that
 * carries exactly what it sent, made since just before it sent it (the look itself:
 * nodes/shared/lostCreates.ts). An identical request made just before (by another run, or an
 * upscale of another video: its request does not name the source) must not be taken for it, so
 * before a node run's first create the node notes the newest generations once (a free GET) and
 * never takes one of those.
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

function listedGenerations(ctx: IExecuteFunctions, page: IDataObject, itemIndex?: number): Generation[] {
	const listed = Array.isArray(page.generations) ? (page.generations as unknown[]) : [];
	return listed.map((entry) => asGeneration(ctx.getNode(), entry, itemIndex));
}

async function newestGenerations(ctx: IExecuteFunctions, itemIndex?: number): Promise<Generation[]> {
	const page = await lumaApiRequest(ctx, 'dreamMachine', { method: 'GET', path: '/generations', qs: { limit: SEARCH_DEPTH, offset: 0 }, itemIndex });
	return listedGenerations(ctx, page, itemIndex);
}

/** One look per node run, shared by its items. */
const existingByRun = new WeakMap<IExecuteFunctions, Promise<void>>();

/**
 * Notes the generations that exist before this run creates anything (they are claimed for nobody).
 * Best effort: if the look fails, the create goes ahead, and a lost answer is matched by time alone.
 */
export async function noteExistingGenerations(ctx: IExecuteFunctions, itemIndex: number): Promise<void> {
	let look = existingByRun.get(ctx);
	if (!look) {
		look = newestGenerations(ctx, itemIndex).then(
			(generations) => {
				for (const generation of generations) claimedInRun(ctx).add(generation.id);
			},
			() => undefined,
		);
		existingByRun.set(ctx, look);
	}
	await look;
}

async function findEchoed(ctx: IExecuteFunctions, body: IDataObject, sentAt: number, claimed: ReadonlySet<string>, itemIndex: number) {
	for (const generation of await newestGenerations(ctx, itemIndex)) {
		if (claimed.has(generation.id) || !createdSince(generation, sentAt)) continue;
		if (sameValue(body, generation.request ?? {})) return generation;
	}
	return undefined;
}

/**
 * After a lost answer: the generation the create made, or an error that says what happened
 * (nodes/shared/lostCreates.ts). The run's other generations (created or found) are never taken.
 */
export async function recoverLostGeneration(ctx: IExecuteFunctions, lost: LostAnswer, body: IDataObject, sentAt: number, itemIndex: number): Promise<Generation> {
	return await recoverLostCreate(
		ctx,
		lost,
		{
			find: async (claimed) => await findEchoed(ctx, body, sentAt, claimed, itemIndex),
			idOf: (generation) => generation.id,
			what: 'a generation with this request',
			whatToCheck: 'Check Generation → Get Many for a generation with this prompt',
		},
		itemIndex,
	);
}
