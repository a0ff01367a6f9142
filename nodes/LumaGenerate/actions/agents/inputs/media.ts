import type { IBinaryData, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { asNodeError, isNotFound } from '../../../../shared/errors';
import { requireValid, urlProblem, uuidProblem } from '../../../../shared/validation/readers';
import { describeValue } from '../../../../shared/validation/values';
import { FILE_MAX_BYTES, getAgentsFile } from '../../../engine/agents/files';
import { getAgentsGeneration } from '../../../engine/agents/generation';
import type { MediaInput } from '../../../engine/agents/media';
import { INLINE_IMAGE_MAX_BYTES } from '../../../engine/agents/media';
import type { MediaKind } from '../fields/media';
import { invalid } from './checks';

/**
 * Reading one image or video input of an item (fields/media.ts) and checking everything that can be
 * checked before a credit is spent: the URL is one Luma's fetcher can reach, an ID is an ID, a
 * previous generation or uploaded file exists, is finished and is the right kind of media (free
 * GETs), a binary field exists, is a format Luma reads and is within its size limits.
 */

/** Formats Luma reads (Agents FAQ): JPEG, PNG, WebP, still GIF; Ray 3.2 sources as MP4, MOV, WebM. */
const MIME_BY_EXTENSION: Record<string, string> = {
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
	webp: 'image/webp',
	gif: 'image/gif',
	mp4: 'video/mp4',
	m4v: 'video/mp4',
	mov: 'video/quicktime',
	webm: 'video/webm',
};
const SUPPORTED: Record<MediaKind, string[]> = {
	image: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'],
	video: ['video/mp4', 'video/quicktime', 'video/webm'],
};
/** Luma: 50 MB per image (52,428,800 bytes), URL or inline. */
export const MAX_IMAGE_BYTES = 50 * 1024 * 1024;

/** Luma's generation and file IDs are UUIDs; anything else is an expression that picked the wrong field. */
export function readUuid(ctx: IExecuteFunctions, itemIndex: number, value: unknown, label: string, what: string): string {
	requireValid(ctx, itemIndex, label, uuidProblem(value, what), 'IDs look like 123e4567-e89b-12d3-a456-426614174000; to chain nodes, use the expression {{ $json.id }}.');
	return String(value).trim().toLowerCase();
}

function extensionOf(name: string | undefined): string | undefined {
	const match = /\.([a-z0-9]{2,5})$/i.exec(name ?? '');
	return match?.[1].toLowerCase();
}

function kindOfMime(mime: string): MediaKind | undefined {
	const family = mime.split('/')[0];
	return family === 'image' || family === 'video' ? family : undefined;
}

/** Where an input sits, which decides what it may be and how a previous generation is passed on. */
export interface MediaPosition {
	/** The field as the user sees it ("Source Image", "Image Reference 2"). */
	label: string;
	/** `frame`: an image, or a video generation to extend (start/end frames). */
	accepts: MediaKind | 'frame';
	/** A previous image generation: by ID where Luma documents chaining (an image edit's source), else by its output URL. */
	imageGenerationById?: boolean;
	purpose: 'input' | 'reference';
	allowPrivateUrls: boolean;
}

function fail(ctx: IExecuteFunctions, itemIndex: number, message: string, description?: string): never {
	throw invalid(ctx, itemIndex, message, description);
}

function readUrl(ctx: IExecuteFunctions, itemIndex: number, value: unknown, position: MediaPosition): MediaInput {
	const label = `${position.label} URL`;
	requireValid(ctx, itemIndex, label, urlProblem(value, 'fetchedByLuma', position.allowPrivateUrls));
	const url = String(value).trim();
	const parsed = new URL(url);
	if (parsed.protocol !== 'https:' && !position.allowPrivateUrls) {
		fail(ctx, itemIndex, `${label} must be an https:// URL: Luma fetches inputs over HTTPS only`, 'Use the https:// link of the file, or send the file itself (Source: Binary Field).');
	}
	const extension = extensionOf(parsed.pathname);
	const mime = extension ? MIME_BY_EXTENSION[extension] : undefined;
	const wanted: MediaKind = position.accepts === 'video' ? 'video' : 'image';
	if (mime && kindOfMime(mime) !== wanted) {
		fail(ctx, itemIndex, `${label} points at ${wanted === 'video' ? 'an image' : 'a video'} (.${extension}), but this input takes ${wanted === 'video' ? 'a video' : 'an image'}`);
	}
	// Luma routes a video source by its media_type before fetching it, so video URLs always carry one.
	if (wanted === 'video') return { kind: 'url', url, mediaType: mime ?? 'video/mp4' };
	return { kind: 'url', url };
}

/** A free look-up of what an input refers to; Luma's 404 becomes "no such … in this account", naming the field. */
async function lookUp<T>(ctx: IExecuteFunctions, itemIndex: number, label: string, what: string, find: () => Promise<T>): Promise<T> {
	try {
		return await find();
	} catch (error) {
		// Luma answers the same 404 for an unknown ID and for another account's (so IDs cannot be probed).
		if (isNotFound(error)) fail(ctx, itemIndex, `${label}: Luma knows no ${what} in this account`, 'Those of another Luma account (API client) cannot be used.');
		throw asNodeError(ctx.getNode(), error, itemIndex);
	}
}

async function readGeneration(ctx: IExecuteFunctions, itemIndex: number, value: unknown, position: MediaPosition): Promise<MediaInput> {
	const label = `${position.label} Generation ID`;
	const id = readUuid(ctx, itemIndex, value, label, 'a Luma generation ID');
	const generation = await lookUp(ctx, itemIndex, label, `generation ${id}`, async () => await getAgentsGeneration(ctx, id, itemIndex));
	if (generation.state !== 'completed') {
		fail(
			ctx,
			itemIndex,
			`${label}: generation ${id} is "${generation.state ?? 'unknown'}", not completed`,
			'Wait for it first: Wait for Completion "Poll" on the node that made it, or Generation → Wait for Completion.',
		);
	}
	const kind: MediaKind = String(generation.type ?? '').startsWith('video') ? 'video' : 'image';
	if (position.accepts === 'video' && kind !== 'video') {
		fail(ctx, itemIndex, `${label}: generation ${id} is an image, but this input takes a video`, 'Use a Ray 3.2 video generation, or animate the image with Video → Generate (Start Frame).');
	}
	if (position.accepts === 'image' && kind !== 'image') {
		fail(ctx, itemIndex, `${label}: generation ${id} is a video, but this input takes an image`);
	}
	// A video on a start/end frame extends it; a video source is edited or reframed by ID.
	if (kind === 'video' || position.imageGenerationById) return { kind: 'generation', id };
	return { kind: 'generationImage', id };
}

async function readFile(ctx: IExecuteFunctions, itemIndex: number, value: unknown, position: MediaPosition): Promise<MediaInput> {
	const label = `${position.label} File ID`;
	const id = readUuid(ctx, itemIndex, value, label, 'a Luma file ID');
	const file = await lookUp(ctx, itemIndex, label, `file ${id}`, async () => await getAgentsFile(ctx, id, itemIndex));
	if (file.state !== 'ready') {
		fail(ctx, itemIndex, `${label}: file ${id} is "${file.state ?? 'unknown'}", not ready`, file.failure_reason ? `Luma: ${file.failure_reason}` : 'Luma is still checking it, or it was deleted.');
	}
	const wanted: MediaKind = position.accepts === 'video' ? 'video' : 'image';
	if (kindOfMime(String(file.mime_type ?? '')) !== wanted) {
		fail(ctx, itemIndex, `${label}: file ${id} is ${describeValue(file.mime_type)}, but this input takes ${wanted === 'video' ? 'a video' : 'an image'}`);
	}
	return { kind: 'file', id };
}

function mimeTypeOf(binary: IBinaryData): string {
	const declared = String(binary.mimeType ?? '').split(';')[0].trim().toLowerCase();
	if (declared && declared !== 'application/octet-stream') return declared;
	// Read File sets the type from the extension; other nodes may not have.
	return MIME_BY_EXTENSION[binary.fileExtension?.toLowerCase() ?? extensionOf(binary.fileName) ?? ''] ?? declared;
}

export interface BinaryFile {
	property: string;
	mimeType: string;
	fileName: string;
	bytes: number;
	kind: MediaKind;
}

/**
 * A binary field of the input item that Luma can take: present, an image or video format Luma reads
 * (`accepts` narrows it to one kind), within Luma's size limits. `label` names the field in messages.
 */
export async function readBinaryFile(ctx: IExecuteFunctions, itemIndex: number, value: unknown, label: string, accepts: MediaKind | 'any'): Promise<BinaryFile> {
	requireValid(ctx, itemIndex, label, typeof value === 'string' && value.trim() ? undefined : `must name a binary field, got ${describeValue(value)}`);
	const property = String(value).trim();
	const binaries = ctx.getInputData()[itemIndex]?.binary ?? {};
	const binary = binaries[property];
	if (!binary) {
		const present = Object.keys(binaries);
		fail(
			ctx,
			itemIndex,
			`${label}: the input item has no binary field "${property}"`,
			present.length ? `Its binary fields: ${present.join(', ')}.` : 'The input item has no binary data: read the file first (e.g. Read/Write Files from Disk, HTTP Request).',
		);
	}
	const mimeType = mimeTypeOf(binary);
	const kind = kindOfMime(mimeType);
	const allowed = accepts === 'any' ? [...SUPPORTED.image, ...SUPPORTED.video] : SUPPORTED[accepts];
	if (!kind || !allowed.includes(mimeType)) {
		const wanted = accepts === 'image' ? 'an image (JPEG, PNG, WebP, GIF)' : accepts === 'video' ? 'a video (MP4, MOV, WebM)' : 'an image (JPEG, PNG, WebP, GIF) or a video (MP4, MOV, WebM)';
		fail(ctx, itemIndex, `${label}: "${property}" is ${mimeType ? `"${mimeType}"` : 'of unknown type'}, but Luma takes ${wanted} here`);
	}
	const bytes = await binarySize(ctx, binary);
	if (bytes === 0) fail(ctx, itemIndex, `${label}: "${property}" is empty`);
	const limit = kind === 'image' ? MAX_IMAGE_BYTES : FILE_MAX_BYTES;
	if (bytes > limit) {
		fail(ctx, itemIndex, `${label}: "${property}" is ${bytes} bytes; Luma takes ${kind === 'image' ? 'images up to 50 MB' : 'files up to 5 GiB'}`);
	}
	const extension = Object.entries(MIME_BY_EXTENSION).find(([, mime]) => mime === mimeType)?.[0] ?? 'bin';
	return { property, mimeType, fileName: binary.fileName || `${property}.${extension}`, bytes, kind };
}

/**
 * The size of a binary without loading it (it may be gigabytes): n8n's own count, else the stored
 * file's metadata, else the length the inline base64 decodes to. The upload reads it once, later.
 */
async function binarySize(ctx: IExecuteFunctions, binary: IBinaryData): Promise<number> {
	if (typeof binary.bytes === 'number') return binary.bytes;
	if (binary.id) return (await ctx.helpers.getBinaryMetadata(binary.id)).fileSize;
	return Buffer.byteLength(binary.data, 'base64');
}

async function readBinary(ctx: IExecuteFunctions, itemIndex: number, value: unknown, position: MediaPosition): Promise<MediaInput> {
	const wanted: MediaKind = position.accepts === 'video' ? 'video' : 'image';
	const file = await readBinaryFile(ctx, itemIndex, value, `${position.label} Input Binary Field`, wanted);
	return {
		kind: 'binary',
		property: file.property,
		mimeType: file.mimeType,
		fileName: file.fileName,
		inline: file.kind === 'image' && file.bytes <= INLINE_IMAGE_MAX_BYTES,
		purpose: position.purpose,
	};
}

/** One input entry (`{ source, url | generationId | fileId | binaryProperty }`) as a checked MediaInput. */
export async function readMedia(ctx: IExecuteFunctions, itemIndex: number, entry: IDataObject, position: MediaPosition): Promise<MediaInput> {
	switch (entry.source ?? 'url') {
		case 'url':
			return readUrl(ctx, itemIndex, entry.url, position);
		case 'generation':
			return await readGeneration(ctx, itemIndex, entry.generationId, position);
		case 'file':
			return await readFile(ctx, itemIndex, entry.fileId, position);
		case 'binary':
			return await readBinary(ctx, itemIndex, entry.binaryProperty ?? 'data', position);
		default:
			return fail(ctx, itemIndex, `${position.label} Source must be URL, Previous Generation, Uploaded File or Binary Field, got ${describeValue(entry.source)}`);
	}
}

/** The entry of a single-input fixed collection (`{ value: {...} }`), if filled in. */
export function singleEntry(collection: unknown): IDataObject | undefined {
	const entry = (collection as IDataObject | undefined)?.value;
	if (!entry || typeof entry !== 'object') return undefined;
	return (Array.isArray(entry) ? entry[0] : entry) as IDataObject | undefined;
}

/** The entries of a list fixed collection (`{ values: [...] }`). */
export function listEntries(collection: unknown): IDataObject[] {
	const entries = (collection as IDataObject | undefined)?.values;
	if (!entries) return [];
	return (Array.isArray(entries) ? entries : [entries]) as IDataObject[];
}
