import { createHash, randomUUID } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { asNodeError } from '../../../shared/errors';
import { lumaApiRequest } from '../../../shared/transport';
import type { NodeRun } from '../../../shared/types';
import { maxLengthProblem, requireValid } from '../../../shared/validation/readers';
import { describeValue } from '../../../shared/validation/values';
import { readMaxWaitMinutes } from '../finalize';
import { outcomeItem, runGenerations } from '../flow';
import type { AgentsJobType } from '../waiting';
import { agentsSchedule, getPollTiming, pause } from '../waiting';
import { FILE_READY_TIMEOUT_MS } from './files';
import type { AgentsGeneration } from './generation';
import { asAgentsGeneration, getAgentsGeneration, isRetryableFailure } from './generation';
import type { MediaSlot } from './media';
import { imageRefFor, setAt } from './media';
import { finalizeAgentsGeneration, readAgentsDownload } from './outputs';

/**
 * The Agents API's part of the create flow (flow.ts): one endpoint for every generation type
 * (`POST /generations` with `type`), `GET /generations/{id}` to poll, one create budget and one
 * job-slot count for the whole account, no callbacks.
 *
 * Luma has no idempotency key and no list of generations (https://docs.agents.lumalabs.ai/guides/error-handling/),
 * so a create whose answer was lost cannot be looked for: the transport never sends it twice (it
 * resends only what Luma refused: 429, 502, 503), and the error names the two handles that let a
 * person trace it: the `user_id` it carried and its `X-Request-Id`.
 */

/** What an operation builds from one item: the create body without its media and user_id. */
export interface AgentsRequest {
	type: AgentsJobType;
	body: IDataObject;
	/** The inputs, resolved into ImageRefs just before the create (media.ts). */
	media: MediaSlot[];
}

export interface AgentsJob extends AgentsRequest {
	userId: string;
	/** Uploads made for this item, reused when it is sent again. */
	uploads: Map<string, IDataObject>;
}

export const MAX_USER_ID_LENGTH = 256;

/**
 * `user_id`, on every create: Options → User ID, else a stable tag of this node in this workflow and
 * the item's position, so a person can find in Luma's dashboard which item made a generation (no
 * personal data: a hash of the IDs).
 */
export function readUserId(ctx: IExecuteFunctions, itemIndex: number): string {
	const given: unknown = ctx.getNodeParameter('options.userId', itemIndex, '');
	const text = typeof given === 'string' ? given.trim() : typeof given === 'number' ? String(given) : '';
	requireValid(ctx, itemIndex, 'User ID', given !== undefined && given !== null && typeof given !== 'string' && typeof given !== 'number' ? `must be text, got ${describeValue(given)}` : undefined);
	requireValid(ctx, itemIndex, 'User ID', maxLengthProblem(text, MAX_USER_ID_LENGTH));
	if (text) return text;
	const workflow = ctx.getWorkflow();
	const tag = createHash('sha256').update(`${workflow.id ?? workflow.name ?? ''}\n${ctx.getNode().id ?? ctx.getNode().name}`).digest('hex').slice(0, 16);
	return `n8n-${tag}-item-${itemIndex}`;
}

/** The wait before the first look: sized to the job, longer for a 10 s, 1080p or HDR clip. */
function firstWaitMs(job: AgentsJob): number {
	const base = getPollTiming().agents.firstWaitMs[job.type];
	const video = (job.body.video ?? {}) as IDataObject;
	const long = video.duration === '10s' || video.resolution === '1080p' || video.hdr === true;
	return long ? base * 2 : base;
}

/** Luma prefixes input errors with the field's path (`image_ref[2]: failed to fetch URL`). */
function lumaPath(path: Array<string | number>): string {
	return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}

/** Names the input as the user sees it when Luma rejected one by its path. */
function nameRejectedInput(error: unknown, job: AgentsJob): void {
	if (!(error instanceof NodeApiError)) return;
	const slot = job.media.find((candidate) => error.message.includes(`${lumaPath(candidate.path)}:`));
	if (slot) error.description = `The input Luma names is "${slot.label}". ${error.description ?? ''}`.trim();
}

async function sendAgentsCreate(ctx: IExecuteFunctions, job: AgentsJob, itemIndex: number): Promise<AgentsGeneration> {
	const body = structuredClone(job.body);
	const resolve = { itemIndex, userId: job.userId, deadline: Date.now() + FILE_READY_TIMEOUT_MS, uploads: job.uploads };
	for (const slot of job.media) setAt(body, slot.path, await imageRefFor(ctx, slot, resolve));
	body.user_id = job.userId;
	// Sent with the request and logged, so the request can be traced at Luma whatever happens to the answer.
	const requestId = `n8n-${randomUUID()}`;
	ctx.logger.info(`Luma Agents create (${job.type}) for item ${itemIndex}: X-Request-Id ${requestId}, user_id ${job.userId}`);
	let answer: unknown;
	try {
		answer = await lumaApiRequest(ctx, 'agents', {
			method: 'POST',
			path: '/generations',
			body,
			headers: { 'X-Request-Id': requestId },
			itemIndex,
			limitGroup: 'generation',
			whatToCheck: `The Agents API cannot list generations, so the node cannot look for it. Check the usage in Luma's dashboard (platform.lumalabs.ai) for a generation with user_id "${job.userId}"; Luma support can trace the request by its X-Request-Id "${requestId}". Do so`,
		});
	} catch (error) {
		nameRejectedInput(error, job);
		throw asNodeError(ctx.getNode(), error, itemIndex);
	}
	const generation = asAgentsGeneration(ctx.getNode(), answer, itemIndex);
	ctx.logger.info(`Luma Agents create for item ${itemIndex} (X-Request-Id ${requestId}) made generation ${generation.id}`);
	return generation;
}

/** Options → Retry Failed Generations: off unless turned on (a retry is a new, paid generation). */
function readRetries(ctx: IExecuteFunctions, itemIndex: number): number {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	if (options.retryFailedGenerations !== true) return 0;
	const retries = Number(options.maxRetries ?? 2);
	return Number.isFinite(retries) && retries >= 1 ? Math.floor(retries) : 0;
}

/**
 * The body of every Agents create operation (Image → Generate / Edit / Split Into Layers, Video →
 * Generate / Edit / Reframe): `build` reads and checks one item; the rest is the shared flow.
 */
export function agentsCreateOperation(build: (this: IExecuteFunctions, itemIndex: number) => Promise<AgentsRequest>) {
	return async function executeBatch(this: IExecuteFunctions, items: INodeExecutionData[], run: NodeRun): Promise<INodeExecutionData[]> {
		const waitMode = this.getNodeParameter('waitForCompletion', 0, 'poll') === 'none' ? 'none' : 'poll';
		const continueOnFail = this.continueOnFail();
		const outcomes = await runGenerations<AgentsJob, AgentsGeneration>(this, items.length, run, {
			jobs: { api: 'agents', group: 'generation' },
			waitMode,
			prepare: async (itemIndex) => ({ ...(await build.call(this, itemIndex)), userId: readUserId(this, itemIndex), uploads: new Map() }),
			create: async (job, itemIndex) => await sendAgentsCreate(this, job, itemIndex),
			look: async (id, itemIndex) => await getAgentsGeneration(this, id, itemIndex),
			schedule: (job) => agentsSchedule(firstWaitMs(job)),
			maxWaitMinutes: (itemIndex) => readMaxWaitMinutes.call(this, itemIndex),
			createAgain: async (generation, _job, attempt, itemIndex) => {
				const retries = readRetries(this, itemIndex);
				if (attempt > retries || !isRetryableFailure(generation)) return false;
				this.addExecutionHints({
					message: `Item ${itemIndex}: generation ${generation.id} failed (${generation.failure_code}), which Luma says may work when sent again; sending it again (retry ${attempt} of ${retries}).`,
					type: 'info',
				});
				await pause(this, getPollTiming().agents.retryDelayMs * attempt, itemIndex);
				return true;
			},
			finalize: async (generation, job, itemIndex, timedOut) =>
				await finalizeAgentsGeneration(this, generation, {
					itemIndex,
					download: readAgentsDownload(this, itemIndex, generation.type ?? job.type),
					continueOnFail,
					maxWaitMinutes: readMaxWaitMinutes.call(this, itemIndex),
					timedOut,
				}),
		});
		return outcomes.map((outcome, itemIndex) => outcomeItem(outcome, itemIndex));
	};
}
