import { randomUUID } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { readConcurrencyOptions } from '../../../shared/concurrency';
import { asNodeError } from '../../../shared/errors';
import { errorItem, withItemIndex } from '../../../shared/execution';
import { lumaApiRequest } from '../../../shared/transport';
import type { CallbackWaitItem, CallbackWaitState } from './callback';
import { callbackUrlForRun, saveCallbackState } from './callback';
import type { DownloadSettings } from './download';
import { readDownloadSettings } from './download';
import type { WaitMode } from './fields';
import { finalizeGeneration, readMaxWaitMinutes } from './finalize';
import type { Generation, GenerationGroup } from './generation';
import { asGeneration, failedGenerationError, isFinal, rejectionHint } from './generation';
import type { ReleaseJobSlot } from './jobSlots';
import { acquireJobSlot, jobLimit } from './jobSlots';
import { getGeneration, pollUntilFinal } from './waiting';

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

/** Runs `task` for indexes 0..count-1, `concurrency` at a time. */
async function forEachLimited(count: number, concurrency: number, task: (index: number) => Promise<void>) {
	let next = 0;
	const worker = async () => {
		while (next < count) await task(next++);
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
}

/** Sends one create. Never retried by the transport except on 429 / connection refused. */
async function sendCreate(
	this: IExecuteFunctions,
	spec: CreateSpec,
	request: CreateRequest,
	callbackUrl: string | undefined,
	itemIndex: number,
): Promise<Generation> {
	const body = callbackUrl ? { ...request.body, callback_url: callbackUrl } : request.body;
	try {
		const response = await lumaApiRequest.call(this, 'dreamMachine', {
			method: 'POST',
			path: request.path,
			body,
			itemIndex,
			limitGroup: spec.group,
		});
		return asGeneration(this.getNode(), response, itemIndex);
	} catch (error) {
		// Moderation and unreadable inputs are rejected at create time with the same texts as
		// failed generations: give the same hint.
		if (error instanceof NodeApiError) {
			const hint = rejectionHint(error.message);
			if (hint) error.description = hint;
			// The transport does not repeat a create after a 5xx or a lost connection: Luma may have
			// started it anyway.
			const maybeCreated =
				'The generation may have been created anyway: check Generation → Get Many before running the node again, to avoid paying twice.';
			if (Number(error.httpCode) >= 500) error.description = `Luma had a server error. ${maybeCreated}`;
			else if (!error.httpCode) error.description = [error.description, maybeCreated].filter(Boolean).join(' ');
		}
		throw asNodeError(this.getNode(), error, itemIndex);
	}
}

/**
 * The body of every create operation (video generate/extend/..., image generate/reframe):
 * 1. every item is validated and its inputs resolved before the first create, so one bad item never
 *    leaves others paid for (with Continue On Fail the bad items become error items);
 * 2. creates go through the transport's per-family create budget; when the node waits (Poll or
 *    Callback) each create first takes a job slot of the account (Max Concurrent Jobs / the plan),
 *    held until its generation is final, and the next create goes out as soon as a slot frees;
 * 3. the wait mode decides what happens after a create (see waiting.ts and callback.ts).
 */
export function createOperation(spec: CreateSpec) {
	return async function executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
		const count = items.length;
		const waitMode = this.getNodeParameter('waitForCompletion', 0, 'poll') as WaitMode;
		const continueOnFail = this.continueOnFail();
		const { maxConcurrentRequests } = readConcurrencyOptions(this);

		const built: Array<CreateRequest | Error> = new Array(count);
		await forEachLimited(count, maxConcurrentRequests, async (itemIndex) => {
			try {
				built[itemIndex] = await spec.build.call(this, itemIndex);
			} catch (error) {
				built[itemIndex] = withItemIndex.call(this, error, itemIndex);
			}
		});
		if (!continueOnFail) {
			const invalidItem = built.find((entry): entry is Error => entry instanceof Error);
			if (invalidItem) throw invalidItem;
		}

		if (waitMode === 'callback' && this.getNode().type.endsWith('Tool')) {
			// An AI agent needs the tool's answer in the same run: pausing the execution cannot give it one.
			throw new NodeOperationError(this.getNode(), "Wait for Luma's Callback is not available when an AI agent uses this node", {
				description: 'Set Wait for Completion to Poll for tool use.',
			});
		}
		const runId = randomUUID();
		const callbackUrl = waitMode === 'callback' ? callbackUrlForRun.call(this, runId) : undefined;
		const limit = waitMode === 'none' ? 0 : await jobLimit.call(this, spec.group);
		const toCreate = built.filter((entry) => !(entry instanceof Error)).length;

		const outcomes: Outcome[] = new Array(count);
		let attempted = 0;
		let resolveAllAttempted: () => void = () => undefined;
		const allAttempted = new Promise<void>((resolve) => (resolveAllAttempted = resolve));
		if (toCreate === 0) resolveAllAttempted();
		// Without Continue On Fail the first failure ends the node: stop starting and waiting.
		let failed: { index: number; error: Error } | undefined;
		let resolveFailed: () => void = () => undefined;
		const failedSignal = new Promise<void>((resolve) => (resolveFailed = resolve));

		const runItem = async (itemIndex: number) => {
			const request = built[itemIndex];
			if (request instanceof Error) {
				outcomes[itemIndex] = { kind: 'error', error: request };
				return;
			}
			let release: ReleaseJobSlot | undefined;
			let counted = false;
			const countAttempt = () => {
				if (counted) return;
				counted = true;
				if (++attempted === toCreate) resolveAllAttempted();
			};
			try {
				if (failed) return;
				if (limit) release = await acquireJobSlot.call(this, spec.group, limit, itemIndex);
				if (failed) return;
				let generation: Generation;
				try {
					generation = await sendCreate.call(this, spec, request, callbackUrl, itemIndex);
				} finally {
					countAttempt();
				}
				if (waitMode === 'none') {
					outcomes[itemIndex] = { kind: 'output', item: { json: generation } };
					return;
				}
				const download = readDownloadSettings.call(this, itemIndex, spec.asset);
				const maxWaitMinutes = readMaxWaitMinutes.call(this, itemIndex);
				const callbackMode = waitMode === 'callback';
				// Callback mode polls only to free job slots while other items still wait for one.
				const result = await pollUntilFinal.call(this, generation.id, {
					group: spec.group,
					deadline: Date.now() + maxWaitMinutes * 60_000,
					itemIndex,
					known: generation,
					stopWhen: () => failed !== undefined || (callbackMode && attempted === toCreate),
					wake: callbackMode ? Promise.race([allAttempted, failedSignal]) : failedSignal,
				});
				release?.();
				release = undefined;
				if (failed) return;
				if (callbackMode) {
					outcomes[itemIndex] = { kind: 'created', generation: result.generation, download };
					return;
				}
				const item = await finalizeGeneration.call(this, result.generation, {
					itemIndex,
					asset: spec.asset,
					download,
					continueOnFail,
					maxWaitMinutes,
					timedOut: result.outcome === 'timedOut',
				});
				outcomes[itemIndex] = { kind: 'output', item };
			} catch (error) {
				const withIndex = withItemIndex.call(this, error, itemIndex);
				if (continueOnFail) {
					outcomes[itemIndex] = { kind: 'error', error: withIndex };
				} else if (!failed || itemIndex < failed.index) {
					failed = { index: itemIndex, error: withIndex };
					resolveFailed();
				}
			} finally {
				countAttempt();
				release?.();
			}
		};

		// Waiting modes run up to one item per job slot (each holds its slot while it waits);
		// "Don't Wait" only creates, as fast as the request limits allow.
		await forEachLimited(count, limit || maxConcurrentRequests, runItem);
		if (failed) throw failed.error;

		if (waitMode === 'callback') return await pauseOrFinish.call(this, spec, outcomes, runId, continueOnFail);
		return outcomes.map((outcome, itemIndex) => toItem(outcome, itemIndex));
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
