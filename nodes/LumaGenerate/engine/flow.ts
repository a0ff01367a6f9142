import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { errorItem, runItems } from '../../shared/itemRunner';
import type { NodeRun } from '../../shared/types';
import type { JobGroup } from './jobSlots';
import { acquireJobSlot, jobLimit } from './jobSlots';
import type { JobState, PollSchedule } from './waiting';
import { pollJob } from './waiting';

/**
 * The one create flow of Luma Generate, for both Luma Labs APIs, on the shared item runner:
 * 1. every item is read and checked (`prepare`) before the first create, so one bad item never
 *    leaves others paid for (with Continue On Fail the bad items become error items);
 * 2. when the node waits, each create first takes a job slot of the account (jobSlots.ts), held
 *    until its generation is final; the next create goes out as soon as a slot frees;
 * 3. the create itself goes through the transport's per-account create budget;
 * 4. the node looks at the job until it is final (`schedule`), within Max Wait;
 * 5. the final generation becomes the item's output (`finalize`).
 * What differs between the APIs (what to send, how a job is read, where the outputs are) is the
 * `GenerationFlow` an API's engine part hands in: engine/create.ts (Dream Machine) and
 * engine/agents/create.ts (Agents API).
 */

export type WaitMode = 'none' | 'poll' | 'callback';

export interface GenerationFlow<P, G extends JobState> {
	/** Where the account's job slots are counted. */
	jobs: JobGroup;
	waitMode: WaitMode;
	/** Reads and checks one item (free GETs allowed, nothing with a side effect). */
	prepare(itemIndex: number): Promise<P>;
	/** Sends one create (and what must come just before it, such as uploads); resolves with the job. */
	create(prepared: P, itemIndex: number): Promise<G>;
	/** One look at a job. */
	look(id: string, itemIndex: number): Promise<G>;
	/** The waits between looks at this item's job. */
	schedule(prepared: P): PollSchedule;
	maxWaitMinutes(itemIndex: number): number;
	/**
	 * After a final state: whether to create the job again (the Agents API's opt-in retry of failures
	 * Luma calls retryable); `attempt` counts creates so far. The slot stays held meanwhile.
	 */
	createAgain?(generation: G, prepared: P, attempt: number, itemIndex: number): Promise<boolean>;
	/** The output of a final (or timed-out) job. */
	finalize(generation: G, prepared: P, itemIndex: number, timedOut: boolean): Promise<INodeExecutionData>;
}

export type Outcome<P, G> =
	| { kind: 'output'; item: INodeExecutionData }
	| { kind: 'error'; error: Error }
	/** Callback mode (or a stopped run): created, not finalized here. */
	| { kind: 'created'; generation: G; prepared: P };

/**
 * Runs the flow for every input item; one outcome per item, in input order. Callback mode (Dream
 * Machine) polls only to free job slots while other items still wait for one: once every create was
 * attempted, the waiting goes to n8n, and the created generations come back as `created`.
 */
export async function runGenerations<P, G extends JobState>(
	ctx: IExecuteFunctions,
	itemCount: number,
	{ settings, checkItem }: NodeRun,
	flow: GenerationFlow<P, G>,
): Promise<Array<Outcome<P, G>>> {
	const { waitMode } = flow;
	const callbackMode = waitMode === 'callback';
	const limit = waitMode === 'none' ? 0 : await jobLimit.call(ctx, flow.jobs);
	let attempted = 0;
	let resolveAllAttempted: () => void = () => undefined;
	const allAttempted = new Promise<void>((resolve) => (resolveAllAttempted = resolve));

	const outcomes = await runItems<P, Outcome<P, G>>(ctx, {
		itemCount,
		prepareConcurrency: settings.maxConcurrentRequests,
		// Waiting modes run up to one item per job slot (each holds its slot while it waits);
		// "Don't Wait" only creates, as fast as the request limits allow.
		concurrency: limit || settings.maxConcurrentRequests,
		checkItem,
		prepare: async (itemIndex) => await flow.prepare(itemIndex),
		acquireSlot: limit ? async (itemIndex) => await acquireJobSlot.call(ctx, flow.jobs, limit, itemIndex) : undefined,
		run: async ([{ itemIndex, prepared }], control) => {
			let generation: G;
			try {
				generation = await flow.create(prepared, itemIndex);
			} finally {
				if (++attempted === control.runs) resolveAllAttempted();
			}
			if (waitMode === 'none') return [{ kind: 'output', item: { json: generation } }];
			const deadline = Date.now() + flow.maxWaitMinutes(itemIndex) * 60_000;
			for (let attempt = 1; ; attempt++) {
				const result = await pollJob(ctx, generation.id, {
					look: async (id) => await flow.look(id, itemIndex),
					schedule: flow.schedule(prepared),
					deadline,
					itemIndex,
					known: generation,
					stopWhen: () => control.stopped() || (callbackMode && attempted === control.runs),
					wake: callbackMode ? Promise.race([allAttempted, control.whenStopped]) : control.whenStopped,
				});
				const again =
					result.outcome === 'final' && !control.stopped() && (await flow.createAgain?.(result.generation, prepared, attempt, itemIndex));
				if (again && !control.stopped()) {
					generation = await flow.create(prepared, itemIndex);
					continue;
				}
				control.releaseSlot();
				if (callbackMode || control.stopped()) return [{ kind: 'created', generation: result.generation, prepared }];
				const item = await flow.finalize(result.generation, prepared, itemIndex, result.outcome === 'timedOut');
				return [{ kind: 'output', item }];
			}
		},
	});
	return outcomes.map((outcome): Outcome<P, G> => (outcome.ok ? outcome.value : { kind: 'error', error: outcome.error }));
}

/** An outcome as the item n8n outputs, paired with its input item. */
export function outcomeItem<P, G extends JobState>(outcome: Outcome<P, G>, itemIndex: number): INodeExecutionData {
	if (outcome.kind === 'error') return errorItem(outcome.error, itemIndex);
	if (outcome.kind === 'created') return { json: outcome.generation, pairedItem: { item: itemIndex } };
	return { ...outcome.item, pairedItem: { item: itemIndex } };
}
