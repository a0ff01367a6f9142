import { randomUUID } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { asNodeError, lostAnswerOf } from '../../shared/errors';
import type { DownloadSettings } from '../../shared/generation/download';
import type { Generation, GenerationGroup } from '../../shared/generation/generation';
import { asGeneration, failedGenerationError, getGeneration, isFinal, rejectionHint } from '../../shared/generation/generation';
import { errorItem, runItems } from '../../shared/itemRunner';
import { claimedInRun } from '../../shared/lostCreates';
import { lumaApiRequest } from '../../shared/transport';
import type { NodeRun } from '../../shared/types';
import type { WaitMode } from '../actions/dreamMachine/fields/waiting';
import type { CallbackWaitItem, CallbackWaitState } from './callback';
import { callbackUrlForRun, saveCallbackState } from './callback';
import { finalizeGeneration, readDownloadSettings, readMaxWaitMinutes } from './finalize';
import { acquireJobSlot, jobLimit } from './jobSlots';
import { recoverLostGeneration } from './lostCreates';
import { pollUntilFinal } from './waiting';

/** One create request, validated and ready to send. */
export interface CreateRequest {
	path: string;
	body: IDataObject;
}

/** What a create operation file provides; everything else (waiting, limits, downloads) lives here. */
export interface CreateSpec {
	/** Pacing bucket and job limit: Ray (video) or Photon (image). */
	group: GenerationGroup;
	/** The asset "Download Result" fetches. */
	asset: GenerationGroup;
	/** Reads and validates one item's fields (GETs allowed, no create): throws NodeOperationError. */
	build(this: IExecuteFunctions, itemIndex: number): Promise<CreateRequest>;
}

type Outcome =
	| { kind: 'output'; item: INodeExecutionData }
	| { kind: 'error'; error: Error }
	/** Callback mode: created; finished now or after the pause (see pauseOrFinish). */
	| { kind: 'created'; generation: Generation; download: DownloadSettings };

/**
 * Sends one create. The transport never repeats it (except after a 429 or a refused connection);
 * when its answer is lost, the generation it made is looked for (lostCreates.ts).
 */
async function sendCreate(
	this: IExecuteFunctions,
	spec: CreateSpec,
	request: CreateRequest,
	callbackUrl: string | undefined,
	itemIndex: number,
): Promise<Generation> {
	const body = callbackUrl ? { ...request.body, callback_url: callbackUrl } : request.body;
	const sentAt = Date.now();
	try {
		const response = await lumaApiRequest(this, 'dreamMachine', {
			method: 'POST',
			path: request.path,
			body,
			itemIndex,
			limitGroup: spec.group,
		});
		const generation = asGeneration(this.getNode(), response, itemIndex);
		// A later item's lost create must not take this generation for its own.
		claimedInRun(this).add(generation.id);
		return generation;
	} catch (error) {
		const lost = lostAnswerOf(error);
		if (lost) return await recoverLostGeneration(this, lost, body, sentAt, itemIndex);
		// Moderation and unreadable inputs are rejected at create time with the same texts as
		// failed generations: give the same hint.
		if (error instanceof NodeApiError) {
			const hint = rejectionHint(error.message);
			if (hint) error.description = hint;
		}
		throw asNodeError(this.getNode(), error, itemIndex);
	}
}

/**
 * The body of every create operation (video generate/extend/..., image generate/reframe), on the
 * shared item runner:
 * 1. every item is validated and its inputs resolved (`prepare`) before the first create, so one
 *    bad item never leaves others paid for (with Continue On Fail the bad items become error items);
 * 2. creates go through the transport's per-family create budget; when the node waits (Poll or
 *    Callback) each create first takes a job slot of the account (Max Concurrent Jobs / the plan),
 *    held until its generation is final, and the next create goes out as soon as a slot frees;
 * 3. the wait mode decides what happens after a create (see waiting.ts and callback.ts).
 */
export function createOperation(spec: CreateSpec) {
	return async function executeBatch(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
		{ settings, checkItem }: NodeRun,
	): Promise<INodeExecutionData[]> {
		const waitMode = this.getNodeParameter('waitForCompletion', 0, 'poll') as WaitMode;
		const continueOnFail = this.continueOnFail();
		const callbackMode = waitMode === 'callback';
		if (callbackMode && this.getNode().type.endsWith('Tool')) {
			// An AI agent needs the tool's answer in the same run: pausing the execution cannot give it one.
			throw new NodeOperationError(this.getNode(), "Wait for Luma's Callback is not available when an AI agent uses this node", {
				description: 'Set Wait for Completion to Poll for tool use.',
			});
		}
		const runId = randomUUID();
		const callbackUrl = callbackMode ? callbackUrlForRun.call(this, runId) : undefined;
		const limit = waitMode === 'none' ? 0 : await jobLimit.call(this, spec.group);

		// Callback mode polls only to free job slots while other items still wait for one: once every
		// create was attempted, the waiting goes to n8n (pauseOrFinish).
		let attempted = 0;
		let resolveAllAttempted: () => void = () => undefined;
		const allAttempted = new Promise<void>((resolve) => (resolveAllAttempted = resolve));

		const outcomes = await runItems<CreateRequest, Outcome>(this, {
			itemCount: items.length,
			prepareConcurrency: settings.maxConcurrentRequests,
			// Waiting modes run up to one item per job slot (each holds its slot while it waits);
			// "Don't Wait" only creates, as fast as the request limits allow.
			concurrency: limit || settings.maxConcurrentRequests,
			continueOnFail,
			prepare: async (itemIndex) => {
				checkItem(itemIndex);
				return await spec.build.call(this, itemIndex);
			},
			acquireSlot: limit ? async (itemIndex) => await acquireJobSlot.call(this, spec.group, limit, itemIndex) : undefined,
			run: async ([{ itemIndex, prepared: request }], control) => {
				let generation: Generation;
				try {
					generation = await sendCreate.call(this, spec, request, callbackUrl, itemIndex);
				} finally {
					if (++attempted === control.runs) resolveAllAttempted();
				}
				if (waitMode === 'none') return [{ kind: 'output', item: { json: generation } }];
				const download = readDownloadSettings.call(this, itemIndex, spec.asset);
				const maxWaitMinutes = readMaxWaitMinutes.call(this, itemIndex);
				const result = await pollUntilFinal.call(this, generation.id, {
					group: spec.group,
					deadline: Date.now() + maxWaitMinutes * 60_000,
					itemIndex,
					known: generation,
					stopWhen: () => control.stopped() || (callbackMode && attempted === control.runs),
					wake: callbackMode ? Promise.race([allAttempted, control.whenStopped]) : control.whenStopped,
				});
				control.releaseSlot();
				if (callbackMode || control.stopped()) return [{ kind: 'created', generation: result.generation, download }];
				const item = await finalizeGeneration.call(this, result.generation, {
					itemIndex,
					asset: spec.asset,
					download,
					continueOnFail,
					maxWaitMinutes,
					timedOut: result.outcome === 'timedOut',
				});
				return [{ kind: 'output', item }];
			},
		});
		const results = outcomes.map((outcome): Outcome => (outcome.ok ? outcome.value : { kind: 'error', error: outcome.error }));
		if (callbackMode) return await pauseOrFinish.call(this, spec, results, runId, continueOnFail);
		return results.map((outcome, itemIndex) => toItem(outcome, itemIndex));
	};
}

function toItem(outcome: Outcome, itemIndex: number): INodeExecutionData {
	if (outcome.kind === 'error') return errorItem(outcome.error, itemIndex);
	if (outcome.kind === 'created') return { json: outcome.generation, pairedItem: { item: itemIndex } };
	return { ...outcome.item, pairedItem: { item: itemIndex } };
}

/**
 * Callback mode after the creates: one last look at the generations that were not final (their
 * callbacks may have come while this execution was still running, when n8n refuses them); if all
 * are final the node finishes now, else it pauses the execution until webhook() sees all of them
 * final (callback.ts).
 */
async function pauseOrFinish(
	this: IExecuteFunctions,
	spec: CreateSpec,
	outcomes: Outcome[],
	runId: string,
	continueOnFail: boolean,
): Promise<INodeExecutionData[]> {
	for (let itemIndex = 0; itemIndex < outcomes.length; itemIndex++) {
		const outcome = outcomes[itemIndex];
		if (outcome.kind === 'created' && !isFinal(outcome.generation)) {
			outcome.generation = await getGeneration.call(this, outcome.generation.id, itemIndex);
		}
	}
	const maxWaitMinutes = readMaxWaitMinutes.call(this, 0);
	if (outcomes.every((outcome) => outcome.kind !== 'created' || isFinal(outcome.generation))) {
		const finished: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < outcomes.length; itemIndex++) {
			const outcome = outcomes[itemIndex];
			if (outcome.kind !== 'created') {
				finished.push(toItem(outcome, itemIndex));
				continue;
			}
			const item = await finalizeGeneration.call(this, outcome.generation, {
				itemIndex,
				asset: spec.asset,
				download: outcome.download,
				continueOnFail,
				maxWaitMinutes,
			});
			finished.push({ ...item, pairedItem: { item: itemIndex } });
		}
		return finished;
	}

	const items: CallbackWaitItem[] = outcomes.map((outcome, itemIndex) =>
		outcome.kind === 'created'
			? { itemIndex, generationId: outcome.generation.id.toLowerCase(), download: outcome.download }
			: { itemIndex, errorJson: toItem(outcome, itemIndex).json },
	);
	const state: CallbackWaitState = { version: 1, runId, asset: spec.asset, maxWaitMinutes, items };
	saveCallbackState.call(this, state);

	// What n8n passes on if "Max Wait" ends the wait (callback.ts, point 4).
	const timeoutItems = outcomes.map((outcome, itemIndex): INodeExecutionData => {
		if (outcome.kind !== 'created') return toItem(outcome, itemIndex);
		if (outcome.generation.state === 'failed') {
			const error = failedGenerationError(this.getNode(), outcome.generation, itemIndex);
			return { json: { ...outcome.generation, error: error.message, hint: error.description }, pairedItem: { item: itemIndex } };
		}
		if (isFinal(outcome.generation)) return toItem(outcome, itemIndex);
		return {
			json: {
				...outcome.generation,
				error: `No final callback from Luma within ${maxWaitMinutes} minute(s): the generation was "${outcome.generation.state}" when the wait began`,
				hint: 'Check it with Generation → Get or Wait for Completion. Luma must be able to reach n8n (public WEBHOOK_URL).',
				timed_out: true,
			},
			pairedItem: { item: itemIndex },
		};
	});
	this.getExecuteData().data = { main: [timeoutItems] };

	await this.putExecutionToWait(new Date(Date.now() + maxWaitMinutes * 60_000));
	// Shown while the execution waits; replaced by webhook()'s items when it resumes.
	return outcomes.map((outcome, itemIndex) => toItem(outcome, itemIndex));
}
