import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { uploadFile, waitUntilReady } from './files';
import { getAgentsGeneration } from './generation';

/**
 * An image or video input of a create, as the item gave it and the operation checked it (prepare),
 * and how it becomes Luma's ImageRef right before the create (exactly one of url / data /
 * generation_id / file_id, https://github.com/lumalabs/luma-agents-typescript
 * `src/resources/generations.ts` ImageRef):
 * - `url`: sent as is; video URLs carry their `media_type` (Luma routes video ingest by it);
 * - `generation`: `generation_id`, where Luma documents chaining: an image edit's source, a video
 *   edit's or reframe's source, a start/end frame that extends a video;
 * - `generationImage`: a previous image generation used anywhere else (a start frame, a reference, a
 *   keyframe): its output URL, fetched fresh at create time (output URLs live one hour);
 * - `file`: `file_id` of a file uploaded earlier (File → Upload);
 * - `binary`: a binary field of the input item, sent inline as base64 `data` when it is a small image,
 *   else uploaded through the Files API and referenced by `file_id` once Luma has ingested it.
 */
export type MediaInput =
	| { kind: 'url'; url: string; mediaType?: string }
	| { kind: 'generation'; id: string }
	| { kind: 'generationImage'; id: string }
	| { kind: 'file'; id: string }
	| { kind: 'binary'; property: string; mimeType: string; fileName: string; inline: boolean; purpose: 'input' | 'reference' };

/** Where an input goes in the create body ('source', 'image_ref.2', 'video.start_frame'...), and its field name for messages. */
export interface MediaSlot {
	path: Array<string | number>;
	input: MediaInput;
	label: string;
}

/** Images up to this size ride inline in the create (no upload, no file left at Luma); larger ones and every video are uploaded. */
export const INLINE_IMAGE_MAX_BYTES = 4 * 1024 * 1024;
/** How long an automatic upload may stay at Luma: long enough for retries and the two-step flow, then Luma deletes it. */
const UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

export interface ResolveContext {
	itemIndex: number;
	userId: string;
	/** When waiting for an upload's ingest gives up. */
	deadline: number;
	/** Uploads of this item so far (by binary field): a retry or a second use sends nothing again. */
	uploads: Map<string, IDataObject>;
}

async function binaryRef(ctx: IExecuteFunctions, input: Extract<MediaInput, { kind: 'binary' }>, label: string, resolve: ResolveContext): Promise<IDataObject> {
	const known = resolve.uploads.get(input.property);
	if (known) return known;
	const data = await ctx.helpers.getBinaryDataBuffer(resolve.itemIndex, input.property);
	let ref: IDataObject;
	if (input.inline) {
		ref = { data: data.toString('base64'), media_type: input.mimeType };
	} else {
		const uploaded = await uploadFile(
			ctx,
			{
				data,
				mimeType: input.mimeType,
				fileName: input.fileName,
				purpose: input.purpose,
				userId: resolve.userId,
				expiresAt: new Date(Date.now() + UPLOAD_TTL_MS).toISOString(),
			},
			resolve.itemIndex,
		);
		const ready = await waitUntilReady(ctx, uploaded, { deadline: resolve.deadline, itemIndex: resolve.itemIndex, label });
		ref = { file_id: ready.id };
	}
	resolve.uploads.set(input.property, ref);
	return ref;
}

async function generationImageRef(ctx: IExecuteFunctions, id: string, label: string, itemIndex: number): Promise<IDataObject> {
	const generation = await getAgentsGeneration(ctx, id, itemIndex);
	const image = (generation.output ?? []).find((output) => output.type === 'image' && typeof output.url === 'string');
	if (!image?.url) {
		throw new NodeOperationError(ctx.getNode(), `${label}: generation ${id} has no image output`, { itemIndex });
	}
	return { url: image.url };
}

/** The ImageRef for one input (uploads and look-ups happen here, just before the create). */
export async function imageRefFor(ctx: IExecuteFunctions, slot: MediaSlot, resolve: ResolveContext): Promise<IDataObject> {
	const { input } = slot;
	switch (input.kind) {
		case 'url':
			return input.mediaType ? { url: input.url, media_type: input.mediaType } : { url: input.url };
		case 'generation':
			return { generation_id: input.id };
		case 'generationImage':
			return await generationImageRef(ctx, input.id, slot.label, resolve.itemIndex);
		case 'file':
			return { file_id: input.id };
		case 'binary':
			return await binaryRef(ctx, input, slot.label, resolve);
	}
}

/** Puts `value` at `path` in `body`, making the objects and lists on the way. */
export function setAt(body: IDataObject, path: Array<string | number>, value: IDataObject): void {
	let node: IDataObject | IDataObject[] = body;
	for (let depth = 0; depth < path.length - 1; depth++) {
		const key = path[depth];
		const container = (node as Record<string | number, unknown>)[key];
		const next = typeof path[depth + 1] === 'number' ? [] : {};
		if (typeof container !== 'object' || container === null) (node as Record<string | number, unknown>)[key] = next;
		node = (node as Record<string | number, IDataObject | IDataObject[]>)[key];
	}
	(node as Record<string | number, unknown>)[path[path.length - 1]] = value;
}
