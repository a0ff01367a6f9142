import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError } from '../../shared/errors';
import type { DownloadContext, DownloadSettings } from '../../shared/generation/download';
import { downloadGenerationAssets } from '../../shared/generation/download';
import type { Generation, GenerationGroup } from '../../shared/generation/generation';
import { failedGenerationError, timedOutError } from '../../shared/generation/generation';

export interface FinalizeOptions {
	itemIndex: number;
	asset: GenerationGroup;
	download: DownloadSettings;
	/** Failures become output items (the generation with `error`) instead of errors. */
	continueOnFail: boolean;
	maxWaitMinutes: number;
	timedOut?: boolean;
}

/** The generation plus what went wrong, so a Continue On Fail item still carries the ID and state. */
function failedItem(generation: Generation, error: { message: string; description?: string | null }): IDataObject {
	return { ...generation, error: error.message, ...(error.description ? { hint: error.description } : {}) };
}

/**
 * Turns a generation that stopped waiting into the operation's output, the same way for every wait
 * mode: completed → the Generation (plus binary data with "Download Result"); failed or timed out →
 * an error, or with Continue On Fail the Generation with `error` and `hint`.
 */
export async function finalizeGeneration(
	this: DownloadContext,
	generation: Generation,
	options: FinalizeOptions,
): Promise<INodeExecutionData> {
	const node = this.getNode();
	const { itemIndex } = options;
	if (options.timedOut) {
		const error = timedOutError(node, generation, options.maxWaitMinutes, itemIndex);
		if (!options.continueOnFail) throw error;
		return { json: { ...failedItem(generation, error), timed_out: true } };
	}
	if (generation.state === 'failed') {
		const error = failedGenerationError(node, generation, itemIndex);
		if (!options.continueOnFail) throw error;
		return { json: failedItem(generation, error) };
	}
	try {
		const binary = await downloadGenerationAssets.call(this, generation, options.asset, options.download, itemIndex);
		return binary ? { json: generation, binary } : { json: generation };
	} catch (error) {
		if (!options.continueOnFail) throw asNodeError(node, error, itemIndex);
		return { json: failedItem(generation, error as Error) };
	}
}

/** Reads "Max Wait (Minutes)" of one item. */
export function readMaxWaitMinutes(this: IExecuteFunctions, itemIndex: number): number {
	const value = Number(this.getNodeParameter('options.maxWaitMinutes', itemIndex, 30));
	return Number.isFinite(value) && value >= 0 ? value : 30;
}

/** Reads the download options of one item. */
export function readDownloadSettings(this: IExecuteFunctions, itemIndex: number, asset: GenerationGroup): DownloadSettings {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	if (options.downloadResult !== true) return { binaryProperty: '', thumbnailProperty: '' };
	const binaryProperty = String(options.binaryPropertyName ?? '').trim() || asset;
	const thumbnailProperty = asset === 'video' ? String(options.thumbnailPropertyName ?? '').trim() : '';
	return { binaryProperty, thumbnailProperty };
}
