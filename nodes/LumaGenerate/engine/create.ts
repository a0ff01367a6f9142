import { randomUUID } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { asNodeError, lostAnswerOf } from '../../shared/errors';
import type { Generation, GenerationGroup } from '../../shared/generation/generation';
import { asGeneration, failedGenerationError, getGeneration, isFinal, rejectionHint } from '../../shared/generation/generation';
import { claimedInRun } from '../../shared/lostCreates';
import { lumaApiRequest } from '../../shared/transport';
import type { NodeRun } from '../../shared/types';
import type { CallbackWaitItem, CallbackWaitState } from './callback';
import { callbackUrlForRun, saveCallbackState } from './callback';
import { finalizeGeneration, readDownloadSettings, readMaxWaitMinutes } from './finalize';
import type { Outcome, WaitMode } from './flow';
import { outcomeItem, runGenerations } from './flow';
import { noteExistingGenerations, recoverLostGeneration } from './lostCreates';
import { dreamMachineSchedule } from './waiting';

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

type DreamMachineOutcome = Outcome<CreateRequest, Generation>;

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
	await noteExistingGenerations(this, itemIndex);
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
 * The body of every Dream Machine create operation (video generate/extend/..., image
 * generate/reframe): the shared create flow (flow.ts) with Dream Machine's part: the request the
 * operation built, `GET /generations/{id}` with the family's poll intervals, the family's job slots
 * and create budget, and the wait mode's ending (waiting.ts and callback.ts).
 */
export function createOperation(spec: CreateSpec) {
	return async function executeBatch(this: IExecuteFunctions, items: INodeExecutionData[], run: NodeRun): Promise<INodeExecutionData[]> {
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
		const outcomes = await runGenerations<CreateRequest, Generation>(this, items.length, run, {
			jobs: { api: 'dreamMachine', group: spec.group },
			waitMode,
			prepare: async (itemIndex) => await spec.build.call(this, itemIndex),
			create: async (request, itemIndex) => await sendCreate.call(this, spec, request, callbackUrl, itemIndex),
			look: async (id, itemIndex) => await getGeneration.call(this, id, itemIndex),
			schedule: () => dreamMachineSchedule(spec.group),
			maxWaitMinutes: (itemIndex) => readMaxWaitMinutes.call(this, itemIndex),
			finalize: async (generation, _request, itemIndex, timedOut) =>
				await finalizeGeneration.call(this, generation, {
					itemIndex,
					asset: spec.asset,
					download: readDownloadSettings.call(this, itemIndex, spec.asset),
					continueOnFail,
					maxWaitMinutes: readMaxWaitMinutes.call(this, itemIndex),
					timedOut,
				}),
		});
		if (callbackMode) return await pauseOrFinish.call(this, spec, outcomes, runId, continueOnFail);
		return outcomes.map((outcome, itemIndex) => outcomeItem(outcome, itemIndex));
	};
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
	outcomes: DreamMachineOutcome[],
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
				finished.push(outcomeItem(outcome, itemIndex));
				continue;
			}
			const item = await finalizeGeneration.call(this, outcome.generation, {
				itemIndex,
				asset: spec.asset,
				download: readDownloadSettings.call(this, itemIndex, spec.asset),
				continueOnFail,
				maxWaitMinutes,
			});
			finished.push({ ...item, pairedItem: { item: itemIndex } });
		}
		return finished;
	}

	const items: CallbackWaitItem[] = outcomes.map((outcome, itemIndex) =>
		outcome.kind === 'created'
			? { itemIndex, generationId: outcome.generation.id.toLowerCase(), download: readDownloadSettings.call(this, itemIndex, spec.asset) }
			: { itemIndex, errorJson: outcomeItem(outcome, itemIndex).json },
	);
	const state: CallbackWaitState = { version: 1, runId, asset: spec.asset, maxWaitMinutes, items };
	saveCallbackState.call(this, state);

	// What n8n passes on if "Max Wait" ends the wait (callback.ts, point 4).
	const timeoutItems = outcomes.map((outcome, itemIndex): INodeExecutionData => {
		if (outcome.kind !== 'created') return outcomeItem(outcome, itemIndex);
		if (outcome.generation.state === 'failed') {
			const error = failedGenerationError(this.getNode(), outcome.generation, itemIndex);
			return { json: { ...outcome.generation, error: error.message, hint: error.description }, pairedItem: { item: itemIndex } };
		}
		if (isFinal(outcome.generation)) return outcomeItem(outcome, itemIndex);
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
	return outcomes.map((outcome, itemIndex) => outcomeItem(outcome, itemIndex));
}
