import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../../../shared/errors';
import type { LumaContext } from '../../../shared/transport';
import { lumaApiRequest, requestExternalUrl } from '../../../shared/transport';
import { getPollTiming, pollJob } from '../waiting';
import { multipartBody } from './multipart';

/**
 * The Agents Files API (https://github.com/lumalabs/luma-agents-typescript `src/resources/files.ts`):
 * an upload becomes a file Luma ingests and moderates once, then any generation can reference it by
 * `file_id` while it is `ready`. Two ways in, chosen by size:
 * - multipart `POST /files` with the bytes in the `file` part, for files up to MULTIPART_MAX_BYTES
 *   (Luma caps inline uploads without saying where; a 413 falls back to the second way);
 * - JSON `POST /files` for a presigned URL, a PUT of the raw bytes with exactly the headers Luma
 *   names, then `POST /files/{id}/complete`, for anything up to 5 GiB.
 * Either way Luma ingests the file asynchronously: `waitUntilReady` polls it.
 */

export interface AgentsFile extends IDataObject {
	id: string;
	state?: string;
	mime_type?: string;
	filename?: string | null;
	failure_reason?: string | null;
}

/** The node's choice for the inline way (Luma documents none); larger files take the presigned upload. */
export const MULTIPART_MAX_BYTES = 10 * 1024 * 1024;
/** Luma: `size_bytes` "up to 5 GiB (the S3 single-PUT ceiling)". */
export const FILE_MAX_BYTES = 5 * 1024 ** 3;

export interface FileUpload {
	data: Buffer;
	mimeType: string;
	fileName: string;
	purpose: 'input' | 'reference';
	userId?: string;
	/** ISO 8601; Luma may delete the file from then on. */
	expiresAt?: string;
}

export function asAgentsFile(node: INode, body: unknown, itemIndex?: number): AgentsFile {
	const record = typeof body === 'object' && body !== null ? (body as IDataObject) : {};
	// POST /files wraps the record (`{ id, state, file, upload }`); the other endpoints answer it as is.
	const file = typeof record.file === 'object' && record.file !== null ? (record.file as AgentsFile) : (record as AgentsFile);
	if (typeof file.id !== 'string' || !file.id) {
		throw new NodeOperationError(node, 'The Luma Agents API answered without a file ID', {
			itemIndex,
			description: `Answer: ${JSON.stringify(body).slice(0, 300)}`,
		});
	}
	return file;
}

function describeFields(upload: FileUpload): IDataObject {
	return {
		mime_type: upload.mimeType,
		size_bytes: upload.data.length,
		purpose: upload.purpose,
		filename: upload.fileName,
		user_id: upload.userId,
		expires_at: upload.expiresAt,
	};
}

function whatToCheck(upload: FileUpload) {
	return `Check File → Get Many for a file named "${upload.fileName}" (an unused upload costs nothing; it can be deleted)`;
}

async function multipartUpload(ctx: LumaContext, upload: FileUpload, itemIndex?: number): Promise<AgentsFile> {
	const fields = describeFields(upload);
	const { body, contentType } = multipartBody(
		Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, value === undefined ? undefined : String(value)])),
		{ data: upload.data, contentType: upload.mimeType, fileName: upload.fileName },
	);
	const answer: unknown = await lumaApiRequest(ctx, 'agents', {
		method: 'POST',
		path: '/files',
		body,
		headers: { 'content-type': contentType },
		itemIndex,
		whatToCheck: whatToCheck(upload),
	});
	return asAgentsFile(ctx.getNode(), answer, itemIndex);
}

async function presignedUpload(ctx: LumaContext, upload: FileUpload, itemIndex?: number): Promise<AgentsFile> {
	const created = await lumaApiRequest(ctx, 'agents', {
		method: 'POST',
		path: '/files',
		body: describeFields(upload),
		itemIndex,
		whatToCheck: whatToCheck(upload),
	});
	const file = asAgentsFile(ctx.getNode(), created, itemIndex);
	const target = created.upload as { url?: unknown; headers?: unknown } | null | undefined;
	if (!target || typeof target.url !== 'string') {
		throw new NodeOperationError(ctx.getNode(), `Luma gave no upload URL for file ${file.id}`, {
			itemIndex,
			description: `Answer: ${JSON.stringify(created).slice(0, 300)}`,
		});
	}
	const headers = typeof target.headers === 'object' && target.headers !== null ? (target.headers as IDataObject) : {};
	// The URL is signed for exactly these headers (Content-Type included); no API key goes to S3.
	await requestExternalUrl(ctx, { method: 'PUT', url: target.url, body: upload.data, headers }, itemIndex);
	// Completing the same file twice cannot make a second one: safe to repeat after a lost answer.
	const completed = await lumaApiRequest(ctx, 'agents', {
		method: 'POST',
		path: `/files/${encodeURIComponent(file.id)}/complete`,
		itemIndex,
		idempotent: true,
	});
	return asAgentsFile(ctx.getNode(), completed, itemIndex);
}

/** Uploads bytes to the Files API the way their size calls for; the file is then being ingested. */
export async function uploadFile(ctx: LumaContext, upload: FileUpload, itemIndex?: number): Promise<AgentsFile> {
	if (upload.data.length > MULTIPART_MAX_BYTES) return await presignedUpload(ctx, upload, itemIndex);
	try {
		return await multipartUpload(ctx, upload, itemIndex);
	} catch (error) {
		// 413: over Luma's (undocumented) inline cap; refused before anything was stored.
		if (error instanceof NodeApiError && error.httpCode === '413') return await presignedUpload(ctx, upload, itemIndex);
		throw asNodeError(ctx.getNode(), error, itemIndex);
	}
}

export async function getAgentsFile(ctx: LumaContext, id: string, itemIndex?: number): Promise<AgentsFile> {
	const body: unknown = await lumaApiRequest(ctx, 'agents', { method: 'GET', path: `/files/${encodeURIComponent(id)}`, itemIndex, expectFields: ['id'] });
	return asAgentsFile(ctx.getNode(), body, itemIndex);
}

/** Luma ingests an upload in seconds; this bounds a wait that has gone wrong. */
export const FILE_READY_TIMEOUT_MS = 10 * 60_000;

/**
 * Polls a file until Luma has ingested it. `ready` resolves; `failed` (moderation, bytes that are not
 * what the type says), `deleted` or the deadline throw, naming the input (`label`).
 */
export async function waitUntilReady(
	ctx: IExecuteFunctions,
	file: AgentsFile,
	{ deadline, itemIndex, label }: { deadline: number; itemIndex: number; label: string },
): Promise<AgentsFile> {
	const { generation: current } = await pollJob<AgentsFile>(ctx, file.id, {
		known: file,
		look: async (id) => await getAgentsFile(ctx, id, itemIndex),
		schedule: { next: () => getPollTiming().agents.fileIntervalMs },
		deadline,
		itemIndex,
		isDone: (polled) => polled.state === 'ready' || polled.state === 'failed' || polled.state === 'deleted',
	});
	if (current.state === 'ready') return current;
	const name = current.filename ? `"${current.filename}" (${current.id})` : current.id;
	if (current.state === 'failed' || current.state === 'deleted') {
		throw new NodeOperationError(ctx.getNode(), `${label}: Luma did not accept the uploaded file ${name}: ${current.failure_reason || current.state}`, {
			itemIndex,
			description: 'Luma checks every upload (format, content moderation) before a generation may use it. Use another file.',
		});
	}
	throw new NodeOperationError(ctx.getNode(), `${label}: the uploaded file ${name} was still "${current.state ?? 'unknown'}" at Luma when the wait ended`, {
		itemIndex,
		description: 'Raise "Max Wait (Minutes)" in the options, or upload it with File → Upload and use its ID.',
	});
}
