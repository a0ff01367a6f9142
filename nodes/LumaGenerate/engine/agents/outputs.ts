import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../../../shared/errors';
import { downloadToBinary } from '../../../shared/generation/download';
import type { AgentsGeneration, AgentsOutput } from './generation';
import { agentsFailureError, agentsTimedOutError, getAgentsGeneration } from './generation';

/**
 * A final Agents generation as the operation's output, the same for Poll and Wait for Completion:
 * completed → the Generation as Luma returns it, plus its outputs as binary data right away (the
 * URLs live one hour); failed or timed out → an error, or with Continue On Fail the Generation with
 * `error`, `hint` and `charge`.
 */

export interface AgentsDownload {
	enabled: boolean;
	/** The main output's binary field; for layers the prefix of each layer's field (`layer_0`, `layer_1`...). */
	property: string;
}

const LAYER_PREFIX = 'layer_';

/** What Options → Download Result / Put Output File in Field say for one item (downloads are on unless turned off). */
export function readAgentsDownload(ctx: IExecuteFunctions, itemIndex: number, generationType: string | undefined): AgentsDownload {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const named = String(options.binaryPropertyName ?? '').trim();
	const fallback = generationType === 'layering' ? LAYER_PREFIX : generationType?.startsWith('video') ? 'video' : 'image';
	return { enabled: options.downloadResult !== false, property: named || fallback };
}

function slug(text: string): string {
	return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'layer';
}

interface Wanted {
	property: string;
	/** Position in `output`, to find the fresh URL after a refresh. */
	position: number;
	fileBase: string;
}

/**
 * Which output goes to which binary field. Layers: one field per layer, `<prefix><layer index>`.
 * Otherwise the main output (the video of a video job, the image of an image job) goes to the
 * field asked for, and any other output (an HDR job's EXR) to a field named after its type.
 */
function plan(generation: AgentsGeneration, download: AgentsDownload): Wanted[] {
	const outputs = generation.output ?? [];
	if (generation.type === 'layering') {
		return outputs.map((output, position) => {
			const index = typeof output.layer?.index === 'number' ? output.layer.index : position;
			const label = typeof output.layer?.label === 'string' ? output.layer.label : `layer ${index}`;
			return { property: `${download.property}${index}`, position, fileBase: `${generation.id}_${index}_${slug(label)}` };
		});
	}
	const mainType = generation.type?.startsWith('video') ? 'video' : 'image';
	const main = Math.max(0, outputs.findIndex((output) => output.type === mainType));
	const used = new Set<string>([download.property]);
	return outputs.map((output, position) => {
		if (position === main) return { property: download.property, position, fileBase: generation.id };
		let property = String(output.type ?? 'file');
		for (let n = 2; used.has(property); n++) property = `${output.type ?? 'file'}_${n}`;
		used.add(property);
		return { property, position, fileBase: `${generation.id}_${property}` };
	});
}

function isExpiredUrl(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '403';
}

/** Downloads every output; an expired URL (S3 answers 403) is fetched once more after a fresh GET of the generation. */
async function downloadOutputs(ctx: IExecuteFunctions, generation: AgentsGeneration, download: AgentsDownload, itemIndex: number): Promise<IBinaryKeyData> {
	let outputs: AgentsOutput[] = generation.output ?? [];
	if (outputs.length === 0) {
		throw new NodeOperationError(ctx.getNode(), `Luma generation ${generation.id} is completed but lists no output`, { itemIndex });
	}
	let refreshed = false;
	const binary: IBinaryKeyData = {};
	for (const wanted of plan(generation, download)) {
		for (;;) {
			const url = outputs[wanted.position]?.url;
			if (typeof url !== 'string' || !url) {
				throw new NodeOperationError(ctx.getNode(), `Luma generation ${generation.id} lists output ${wanted.position} without a URL`, { itemIndex });
			}
			try {
				binary[wanted.property] = await downloadToBinary.call(ctx, url, wanted.fileBase, itemIndex);
				break;
			} catch (error) {
				if (!isExpiredUrl(error) || refreshed) throw asNodeError(ctx.getNode(), error, itemIndex);
				// Output URLs expire after an hour; every GET of the generation signs new ones.
				refreshed = true;
				outputs = (await getAgentsGeneration(ctx, generation.id, itemIndex)).output ?? [];
			}
		}
	}
	return binary;
}

/** For Split Into Layers: each layer's binary field next to its label and box, in one list. */
function layerSummary(generation: AgentsGeneration, download: AgentsDownload): IDataObject[] {
	return plan(generation, download).map(({ property, position }) => ({
		...(download.enabled ? { binaryProperty: property } : {}),
		...(generation.output?.[position]?.layer ?? {}),
	}));
}

export interface AgentsFinalizeOptions {
	itemIndex: number;
	download: AgentsDownload;
	continueOnFail: boolean;
	maxWaitMinutes: number;
	timedOut: boolean;
}

export async function finalizeAgentsGeneration(ctx: IExecuteFunctions, generation: AgentsGeneration, options: AgentsFinalizeOptions): Promise<INodeExecutionData> {
	const node = ctx.getNode();
	const { itemIndex } = options;
	if (options.timedOut) {
		const error = agentsTimedOutError(node, generation, options.maxWaitMinutes, itemIndex);
		if (!options.continueOnFail) throw error;
		return { json: { ...generation, error: error.message, hint: error.description, timed_out: true } };
	}
	if (generation.state === 'failed') {
		const failure = agentsFailureError(node, generation, itemIndex);
		if (!options.continueOnFail) throw failure.error;
		return { json: { ...generation, error: failure.error.message, hint: failure.hint, charge: failure.charge } };
	}
	const json: IDataObject = generation.type === 'layering' ? { ...generation, layers: layerSummary(generation, options.download) } : generation;
	if (!options.download.enabled) return { json };
	try {
		return { json, binary: await downloadOutputs(ctx, generation, options.download, itemIndex) };
	} catch (error) {
		if (!options.continueOnFail) throw asNodeError(node, error, itemIndex);
		return { json: { ...json, error: (error as Error).message } };
	}
}
