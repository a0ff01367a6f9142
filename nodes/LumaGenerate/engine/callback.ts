import type { IDataObject, IExecuteFunctions, INodeExecutionData, IWebhookDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { DownloadContext, DownloadSettings } from '../../shared/generation/download';
import type { Generation, GenerationGroup } from '../../shared/generation/generation';
import { getGeneration, isFinal } from '../../shared/generation/generation';
import { finalizeGeneration } from './finalize';

/*
 * "Wait for Luma's callback": how one execution waits for MANY generations with n8n's own waiting
 * mechanism (n8n 2.40, verified against n8n-core's WorkflowExecute/WebhookContext and the CLI's
 * WaitingWebhooks).
 *
 * 1. execute() creates every generation with `callback_url` = this execution's resume URL
 *    (`$execution.resumeUrl`, which in n8n 2.x carries `?signature=<resume token>`; n8n rejects a
 *    call without the token) plus `lumaRun=<random id of this node run>`, then calls
 *    `putExecutionToWait(deadline)` like the Wait node. The execution is saved as "waiting".
 * 2. Which generations belong to this run is kept in the node's execution context
 *    (`getContext('node')`). n8n stores that context inside the execution's run data, so it is
 *    saved with the waiting execution, survives restarts and is there on every callback (each
 *    callback loads the execution afresh from the database). webhook() reads it back with the
 *    documented expression `$node["<this node>"].context[...]` (IWebhookFunctions has no
 *    getContext). The alternatives are worse: the node's own output is removed from the run data
 *    before webhook() runs; custom execution data holds 10 values of 512 characters; workflow static
 *    data is shared by every execution; listing recent generations by callback URL depends on
 *    Luma's undocumented list order and costs a scan per callback.
 * 3. Every callback, duplicates and out-of-order states included, runs webhook(): the posted body
 *    is not trusted (Luma signs nothing). Its ID must be one of this run's generations; then Luma is
 *    asked (`GET /generations/{id}` with the credential) for that one and, only if it is final, for
 *    the others (newest first, stopping at the first that is still running). While anything is
 *    still queued/dreaming the answer is 200 and the execution keeps waiting; when all are final,
 *    webhook() returns the output items and n8n resumes. Two last callbacks at once are safe: n8n
 *    resumes a waiting execution only once (it atomically moves it from "waiting" to "running").
 * 4. When n8n resumes a waiting execution (callback or time limit) it does not run the node again:
 *    it marks the node disabled and passes the stack entry's data through. For the time limit
 *    ("Max Wait") that data is the node's input, so before pausing the node replaces its stack
 *    entry's data (`getExecuteData().data`) with one item per input item: the generation as last
 *    seen, with `error` and `timed_out: true` if it was not final. A callback resume overwrites
 *    that data with webhook()'s items.
 *
 * What n8n's mechanism cannot do, and what the node does instead:
 * - No node code runs at the time limit, so a timeout cannot raise an error: the items above carry
 *   `error` (route them with an If node). A generation that finished but whose callbacks never
 *   reached n8n also shows as timed out.
 * - webhook() must not throw to fail the node: n8n would resume the workflow with an empty item and
 *   its run data cleared. A generation that failed therefore resumes as an item with state
 *   "failed", `error` and `hint` even without Continue On Fail.
 * - Job slots (Max Concurrent Jobs) are held only while execute() runs: with more items than free
 *   slots the node polls the running generations just enough to start the rest, then releases its
 *   slots when it pauses (a later 429 from Luma is retried by the transport).
 * - Callbacks that arrive while the execution is still running (before it is saved as waiting) are
 *   refused by n8n; only the last one to finish matters, and the node checks every generation once
 *   more just before pausing, finishing at once if all are already final.
 * - Luma must reach n8n: WEBHOOK_URL must be a public URL.
 */

export const CALLBACK_STATE_KEY = 'lumaGenerateCallbackWait';
export const CALLBACK_RUN_PARAM = 'lumaRun';

/**
 * The resume endpoint. `restartWebhook` endpoints belong to n8n's waiting executions (no remote
 * registration, so no webhookMethods lifecycle); path '' matches `$execution.resumeUrl`.
 */
export const callbackWebhooks: IWebhookDescription[] = [
	{
		name: 'default',
		httpMethod: 'POST',
		responseMode: 'onReceived',
		path: '',
		restartWebhook: true,
		isFullPath: true,
	},
];

export interface CallbackWaitItem extends IDataObject {
	itemIndex: number;
	/** The generation this item created (absent when its create failed under Continue On Fail). */
	generationId?: string;
	/** The Continue On Fail output of an item whose create failed. */
	errorJson?: IDataObject;
	download?: DownloadSettings;
}

export interface CallbackWaitState extends IDataObject {
	version: 1;
	runId: string;
	asset: GenerationGroup;
	maxWaitMinutes: number;
	items: CallbackWaitItem[];
}

/** The callback URL of one node run: the execution's resume URL (token kept) plus the run id. */
export function callbackUrlForRun(this: IExecuteFunctions, runId: string): string {
	const resumeUrl = String(this.evaluateExpression('{{ $execution.resumeUrl }}', 0) ?? '');
	let url: URL;
	try {
		url = new URL(resumeUrl);
	} catch {
		throw new NodeOperationError(this.getNode(), `n8n gave no usable resume URL for this execution ("${resumeUrl}")`);
	}
	url.searchParams.set(CALLBACK_RUN_PARAM, runId);
	return url.toString();
}

/** Stores the run's generations where webhook() can read them (see 2. above). */
export function saveCallbackState(this: IExecuteFunctions, state: CallbackWaitState) {
	this.getContext('node')[CALLBACK_STATE_KEY] = state;
}

function isCallbackWaitState(value: unknown): value is CallbackWaitState {
	if (typeof value !== 'object' || value === null || !('version' in value) || !('items' in value)) return false;
	return value.version === 1 && Array.isArray(value.items);
}

function readCallbackState(this: IWebhookFunctions): CallbackWaitState | undefined {
	const expression = `{{ $node[${JSON.stringify(this.getNode().name)}].context[${JSON.stringify(CALLBACK_STATE_KEY)}] }}`;
	const state: unknown = this.evaluateExpression(expression);
	return isCallbackWaitState(state) ? state : undefined;
}

export type CallbackMatch =
	| { action: 'ignore'; reason: string }
	| { action: 'check'; generationId: string };

/** Step one, no request: is this callback for a generation of the run this execution waits for? */
export function matchCallback(state: CallbackWaitState | undefined, runParam: unknown, body: unknown): CallbackMatch {
	if (!state) return { action: 'ignore', reason: 'this execution is not waiting for Luma generations' };
	if (runParam !== state.runId) return { action: 'ignore', reason: 'callback for an earlier run of this node' };
	const id = typeof (body as IDataObject | undefined)?.id === 'string' ? String((body as IDataObject).id).toLowerCase() : '';
	if (!id || !state.items.some((item) => item.generationId === id)) {
		return { action: 'ignore', reason: 'not a generation of this run' };
	}
	return { action: 'check', generationId: id };
}

/**
 * Step two: confirm with Luma. The called-back generation first; if it is final, the others,
 * newest first (the last created is the likeliest to still run), stopping at the first that is not.
 */
export async function confirmRun(
	state: CallbackWaitState,
	calledBack: string,
	lookup: (id: string) => Promise<Generation>,
): Promise<{ allFinal: boolean; generations: Map<string, Generation> }> {
	const generations = new Map<string, Generation>();
	const ids = state.items.flatMap((item) => (item.generationId ? [item.generationId] : [])).reverse();
	for (const id of [calledBack, ...ids.filter((other) => other !== calledBack)]) {
		const generation = await lookup(id);
		generations.set(id, generation);
		if (!isFinal(generation)) return { allFinal: false, generations };
	}
	return { allFinal: true, generations };
}

/** The output items of a finished run, in input order (failures never throw here: see above). */
export async function resumeItems(
	this: DownloadContext,
	state: CallbackWaitState,
	generations: Map<string, Generation>,
): Promise<INodeExecutionData[]> {
	const items: INodeExecutionData[] = [];
	for (const entry of state.items) {
		const paired = { pairedItem: { item: entry.itemIndex } };
		const generation = entry.generationId ? generations.get(entry.generationId) : undefined;
		if (!generation) {
			items.push({ json: entry.errorJson ?? { error: 'The generation could not be created' }, ...paired });
			continue;
		}
		const item = await finalizeGeneration.call(this, generation, {
			itemIndex: entry.itemIndex,
			asset: state.asset,
			download: entry.download ?? { binaryProperty: '', thumbnailProperty: '' },
			continueOnFail: true,
			maxWaitMinutes: state.maxWaitMinutes,
		});
		items.push({ ...item, ...paired });
	}
	return items;
}

/** The node's webhook(): one Luma callback to the resume URL. */
export async function receiveGenerationCallback(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const state = readCallbackState.call(this);
	const match = matchCallback(state, (this.getQueryData() as IDataObject)[CALLBACK_RUN_PARAM], this.getBodyData());
	if (!state || match.action === 'ignore') {
		const reason = match.action === 'ignore' ? match.reason : 'no run';
		return { webhookResponse: { received: true, resumed: false, reason } };
	}

	let confirmed: Awaited<ReturnType<typeof confirmRun>>;
	try {
		confirmed = await confirmRun(state, match.generationId, async (id) => await getGeneration.call(this, id));
	} catch (error) {
		// Not a reason to fail the execution (and webhook() must not throw, see above): answer non-200
		// so Luma retries this delivery; later callbacks or the time limit still end the wait.
		this.getResponseObject()
			.status(503)
			.json({ received: false, reason: `could not confirm the generation with Luma: ${(error as Error).message}` });
		return { noWebhookResponse: true };
	}
	if (!confirmed.allFinal) {
		return { webhookResponse: { received: true, resumed: false, reason: 'generations still running' } };
	}
	return {
		workflowData: [await resumeItems.call(this, state, confirmed.generations)],
		webhookResponse: { received: true, resumed: true },
	};
}
