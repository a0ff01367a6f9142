import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { MediaSlot } from '../../../engine/agents/media';
import type { MediaPosition } from './media';
import { invalid } from './checks';
import { listEntries, readMedia, singleEntry } from './media';

/** Options → Allow Private Network URLs of one item. */
export function allowsPrivateUrls(ctx: IExecuteFunctions, itemIndex: number): boolean {
	return ctx.getNodeParameter('options.allowPrivateUrls', itemIndex, false) === true;
}

type Position = Omit<MediaPosition, 'allowPrivateUrls'>;

/** A single input (fixed collection `value`) as a slot at `path`, or undefined when it is not filled in. */
export async function readMediaSlot(
	ctx: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	path: Array<string | number>,
	position: Position,
): Promise<MediaSlot | undefined> {
	const entry = singleEntry(ctx.getNodeParameter(parameter, itemIndex, {}));
	if (!entry) return undefined;
	return await slotOf(ctx, itemIndex, entry, path, position);
}

/** Like readMediaSlot, for an input the generation type cannot do without. */
export async function readRequiredMediaSlot(
	ctx: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	path: Array<string | number>,
	position: Position,
): Promise<MediaSlot> {
	const slot = await readMediaSlot(ctx, itemIndex, parameter, path, position);
	if (!slot) throw invalid(ctx, itemIndex, `${position.label} is required`, `Add the ${position.label.toLowerCase()}: a URL, a previous generation, an uploaded file or a binary field.`);
	return slot;
}

async function slotOf(ctx: IExecuteFunctions, itemIndex: number, entry: IDataObject, path: Array<string | number>, position: Position): Promise<MediaSlot> {
	const input = await readMedia(ctx, itemIndex, entry, { ...position, allowPrivateUrls: allowsPrivateUrls(ctx, itemIndex) });
	return { path, input, label: position.label };
}

/** A list of inputs (fixed collection `values`): the entries and their slots, `path(n)` for the n-th. */
export async function readMediaList(
	ctx: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	path: (index: number) => Array<string | number>,
	position: (index: number) => Position,
): Promise<{ entries: IDataObject[]; slots: MediaSlot[] }> {
	const entries = listEntries(ctx.getNodeParameter(parameter, itemIndex, {}));
	const slots: MediaSlot[] = [];
	for (const [index, entry] of entries.entries()) slots.push(await slotOf(ctx, itemIndex, entry, path(index), position(index)));
	return { entries, slots };
}
