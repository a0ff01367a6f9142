/**
 * The Agents Files API (https://github.com/lumalabs/luma-agents-typescript `src/resources/files.ts`):
 * uploads in two modes chosen by Content-Type, ingest on a scaled timer, keyset-paginated listing and
 * soft deletes, all scoped to the API client.
 *
 *   multipart/form-data   the bytes ride in the `file` part (up to an inline cap); ingest starts at once
 *   application/json      answers a presigned PUT (`upload`) pointing at this simulator; the client PUTs
 *                         the raw bytes with exactly `upload.headers`, then POST /files/{id}/complete
 *
 * Ingest turns a file `ready`, or `failed` when the bytes do not match `size_bytes`, are not the image or
 * video `mime_type` claims, or the filename carries FILE_FAILURE_MARKER. Status codes Luma does not state
 * (⚠): POST /files answers 201 (it creates a resource, like POST /generations), complete answers 200
 * with the File and is idempotent, DELETE answers 204 (documented) and is idempotent too.
 */
import { createHash, randomUUID } from 'node:crypto';

import type { SimClock, SimRequest, SimResponse } from '../types';
import { checkRange, detail, FieldReader, queryEnum, queryIntegerInRange, readJsonObject, readUserId, type JsonObject, type ValidationIssue } from './fields';
import { isSupportedMimeType, kindOfMimeType, sniffKind } from './media';
import { Presigner, s3Denied, s3Error } from './presign';
import {
	DETAIL,
	FILE_PURPOSES,
	FILE_STATES,
	type AgentsFile,
	type CreateFileResponse,
	type FileList,
	type FilePurpose,
	type FileState,
} from './wire';

/** A filename containing this fails ingest as moderated. */
export const FILE_FAILURE_MARKER = '[fail:moderated]';

/** "Up to 5 GiB (the S3 single-PUT ceiling)". */
const MAX_SIZE_BYTES = 5 * 1024 ** 3;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface FileSettings {
	/** Documented ms from complete (or a multipart create) to `ready`/`failed`. */
	ingestMs: number;
	/** Documented lifetime of a presigned upload URL. */
	uploadUrlTtlMs: number;
	/** Largest `file` part a multipart create accepts. */
	inlineUploadBytes: number;
}

export interface FileCounters {
	created: number;
	ready: number;
	failed: number;
	deleted: number;
}

interface FileRecord {
	id: string;
	client: string;
	seq: number;
	createdAtMs: number;
	mimeType: string;
	purpose: FilePurpose;
	sizeBytes: number;
	state: FileState;
	deletedAtMs: number | null;
	expiresAtMs: number | null;
	failureReason: string | null;
	filename: string | null;
	userId: string | null;
	bytes?: Buffer;
	/** Ingest has started (multipart create, or complete after a PUT). */
	completed: boolean;
	timer?: NodeJS.Timeout;
}

/** Luma's timestamps in whole seconds. */
export const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const encodeCursor = (seq: number) => Buffer.from(`file:${seq}`).toString('base64url');
function decodeCursor(cursor: string): number | undefined {
	const match = /^file:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
	return match ? Number(match[1]) : undefined;
}

interface CreateFields {
	mimeType: string;
	sizeBytes: number;
	purpose: FilePurpose;
	filename?: string;
	userId?: string;
	expiresAtMs?: number;
}

export class FileStore {
	private readonly records = new Map<string, FileRecord>();
	private sequence = 0;
	private closed = false;

	constructor(
		private readonly clock: SimClock,
		private readonly presigner: Presigner,
		private readonly settings: () => FileSettings,
		private readonly counters: () => FileCounters,
	) {}

	/** `/uploads/<id>` below the module mount. */
	static uploadPath(id: string): string {
		return `/uploads/${id}`;
	}

	// ---- endpoints ------------------------------------------------------------------------------

	async create(request: SimRequest, client: string, mountUrl: string): Promise<SimResponse> {
		// The media type is case-insensitive; its boundary parameter is not (RFC 2046), so it stays as sent.
		const contentType = String(request.headers['content-type'] ?? '');
		const mediaType = contentType.split(';')[0].trim().toLowerCase();
		if (mediaType === 'multipart/form-data') return this.createInline(request, client, contentType);
		if (mediaType === 'application/json') return this.createPresigned(request, client, mountUrl);
		return detail(415, DETAIL.fileContentType);
	}

	list(request: SimRequest, client: string): SimResponse {
		const issues: ValidationIssue[] = [];
		const limit = queryIntegerInRange(issues, request.query, 'limit', 25, 1, 100);
		const purpose = queryEnum(issues, request.query, 'purpose', FILE_PURPOSES);
		const state = queryEnum(issues, request.query, 'state', FILE_STATES);
		if (issues.length > 0) return detail(422, issues);
		const cursor = request.query.get('cursor');
		const before = cursor ? decodeCursor(cursor) : Number.POSITIVE_INFINITY;
		if (before === undefined) return detail(400, DETAIL.invalidCursor);

		// Soft-deleted files only show when asked for with state=deleted (⚠ undocumented).
		const matching = [...this.records.values()]
			.map((record) => this.refresh(record))
			.filter(
				(record) =>
					record.client === client &&
					record.seq < before &&
					(purpose === undefined || record.purpose === purpose) &&
					(state === undefined ? record.state !== 'deleted' : record.state === state),
			)
			.sort((a, b) => b.seq - a.seq);
		const page = matching.slice(0, limit);
		const hasMore = matching.length > limit;
		const body: FileList = {
			data: page.map((record) => this.render(record)),
			has_more: hasMore,
			next_cursor: hasMore ? encodeCursor(page[page.length - 1].seq) : null,
		};
		return { status: 200, body };
	}

	get(client: string, id: string): SimResponse {
		const record = this.find(client, id);
		return record ? { status: 200, body: this.render(record) } : detail(404, DETAIL.fileNotFound);
	}

	complete(client: string, id: string): SimResponse {
		const record = this.find(client, id);
		if (!record || record.state === 'deleted') return detail(404, DETAIL.fileNotFound);
		if (!record.completed) {
			if (!record.bytes) return detail(400, DETAIL.fileNotUploaded);
			this.startIngest(record);
		}
		return { status: 200, body: this.render(record) };
	}

	delete(client: string, id: string): SimResponse {
		const record = this.find(client, id);
		if (!record) return detail(404, DETAIL.fileNotFound);
		if (record.state !== 'deleted') {
			clearTimeout(record.timer);
			record.state = 'deleted';
			record.deletedAtMs = this.clock.now();
			record.bytes = undefined;
			this.counters().deleted++;
		}
		return { status: 204 };
	}

	/** The presigned PUT: S3 checks the signature (path and Content-Type) and its expiry, nothing else. */
	receiveUpload(request: SimRequest, id: string): SimResponse {
		const contentType = request.headers['content-type'];
		const check = this.presigner.check(FileStore.uploadPath(id), request.query, typeof contentType === 'string' ? contentType : undefined);
		if (check !== 'valid') return s3Denied(check);
		const record = this.records.get(id);
		if (!record) return s3Error(404, 'NoSuchUpload', 'The specified upload does not exist.');
		// Bytes PUT after complete (or after a delete) reach S3 but no longer reach the file.
		if (!record.completed && record.state === 'pending') record.bytes = request.rawBody;
		return {
			status: 200,
			headers: { etag: `"${createHash('md5').update(request.rawBody).digest('hex')}"`, 'x-amz-request-id': randomUUID() },
		};
	}

	/** The client's file as a generation reference sees it (deleted and expired ones included). */
	lookup(client: string, id: string): AgentsFile | undefined {
		const record = this.find(client, id);
		return record && this.render(record);
	}

	/** Every file of every client, as the API would show it. */
	all(): AgentsFile[] {
		return [...this.records.values()].map((record) => this.render(this.refresh(record)));
	}

	close(): void {
		this.closed = true;
		for (const record of this.records.values()) clearTimeout(record.timer);
	}

	// ---- creates --------------------------------------------------------------------------------

	private async createInline(request: SimRequest, client: string, contentType: string): Promise<SimResponse> {
		let form: FormData;
		try {
			form = await new Response(request.rawBody, { headers: { 'content-type': contentType } }).formData();
		} catch {
			return detail(400, DETAIL.multipartUnparsable);
		}
		const fields: JsonObject = {};
		let file: File | undefined;
		for (const [key, value] of form) {
			if (typeof value !== 'string') {
				if (key === 'file') file = value;
				continue;
			}
			// Form fields are text; Pydantic coerces a numeric string where an integer is expected.
			fields[key] = key === 'size_bytes' && /^\d+$/.test(value) ? Number(value) : value;
		}
		const issues: ValidationIssue[] = [];
		const parsed = this.readFields(fields, issues);
		if (!file) issues.push({ type: 'missing', loc: ['body', 'file'], msg: 'Field required', input: null });
		if (issues.length > 0 || !parsed || !file) return detail(422, issues);
		const rejected = this.fieldRules(parsed);
		if (rejected) return rejected;
		const cap = this.settings().inlineUploadBytes;
		if (file.size > cap) return detail(413, DETAIL.fileInlineTooLarge(cap));

		const record = this.store(client, { ...parsed, filename: parsed.filename ?? (file.name || undefined) });
		record.bytes = Buffer.from(await file.arrayBuffer());
		this.startIngest(record);
		const body: CreateFileResponse = { id: record.id, state: record.state, file: this.render(record), upload: null };
		return { status: 201, body };
	}

	private createPresigned(request: SimRequest, client: string, mountUrl: string): SimResponse {
		const json = readJsonObject(request);
		if (!json.ok) return json.response;
		const issues: ValidationIssue[] = [];
		const parsed = this.readFields(json.value, issues);
		if (issues.length > 0 || !parsed) return detail(422, issues);
		const rejected = this.fieldRules(parsed);
		if (rejected) return rejected;

		const record = this.store(client, parsed);
		const { query, expiresAt } = this.presigner.sign(FileStore.uploadPath(record.id), this.settings().uploadUrlTtlMs, record.mimeType);
		const body: CreateFileResponse = {
			id: record.id,
			state: record.state,
			file: this.render(record),
			upload: {
				url: `${mountUrl}${FileStore.uploadPath(record.id)}?${query}`,
				method: 'PUT',
				headers: { 'Content-Type': record.mimeType },
				expires_at: new Date(expiresAt).toISOString(),
			},
		};
		return { status: 201, body };
	}

	private readFields(source: JsonObject, issues: ValidationIssue[]): CreateFields | undefined {
		const reader = new FieldReader(issues, source, ['body']);
		const mimeType = reader.string('mime_type', { required: true });
		const sizeBytes = reader.integer('size_bytes', { required: true });
		if (sizeBytes !== undefined) checkRange(issues, ['body', 'size_bytes'], sizeBytes, 1, MAX_SIZE_BYTES);
		const purpose = reader.enumOf('purpose', FILE_PURPOSES) ?? 'input';
		const filename = reader.string('filename');
		const userId = readUserId(reader);
		const expiresAt = reader.string('expires_at');
		const expiresAtMs = expiresAt === undefined ? undefined : Date.parse(expiresAt);
		if (expiresAtMs !== undefined && Number.isNaN(expiresAtMs)) {
			issues.push({ type: 'datetime_parsing', loc: ['body', 'expires_at'], msg: 'Input should be a valid datetime', input: expiresAt });
		}
		if (mimeType === undefined || sizeBytes === undefined) return undefined;
		return { mimeType, sizeBytes, purpose, filename, userId, expiresAtMs };
	}

	private fieldRules(fields: CreateFields): SimResponse | undefined {
		if (!isSupportedMimeType(fields.mimeType)) return detail(400, DETAIL.fileMimeType(fields.mimeType));
		return undefined;
	}

	private store(client: string, fields: CreateFields): FileRecord {
		const record: FileRecord = {
			id: randomUUID(),
			client,
			seq: ++this.sequence,
			createdAtMs: this.clock.now(),
			mimeType: fields.mimeType,
			purpose: fields.purpose,
			sizeBytes: fields.sizeBytes,
			state: 'pending',
			deletedAtMs: null,
			expiresAtMs: fields.expiresAtMs ?? null,
			failureReason: null,
			filename: fields.filename ?? null,
			userId: fields.userId ?? null,
			completed: false,
		};
		this.records.set(record.id, record);
		this.counters().created++;
		return record;
	}

	// ---- ingest ---------------------------------------------------------------------------------

	private startIngest(record: FileRecord): void {
		record.completed = true;
		if (this.closed) return;
		record.timer = setTimeout(() => {
			record.timer = undefined;
			if (record.state !== 'pending') return;
			record.failureReason = ingestFailure(record);
			record.state = record.failureReason ? 'failed' : 'ready';
			this.counters()[record.state === 'ready' ? 'ready' : 'failed']++;
		}, this.clock.scaled(this.settings().ingestMs));
	}

	// ---- helpers --------------------------------------------------------------------------------

	/** Malformed ids, unknown ids and other clients' files are all "not found". */
	private find(client: string, id: string): FileRecord | undefined {
		const record = UUID.test(id) ? this.records.get(id.toLowerCase()) : undefined;
		return record && record.client === client ? this.refresh(record) : undefined;
	}

	/** A file past its `expires_at` is gone, as if Luma had purged it. */
	private refresh(record: FileRecord): FileRecord {
		if (record.expiresAtMs !== null && record.state !== 'deleted' && this.clock.now() >= record.expiresAtMs) {
			clearTimeout(record.timer);
			record.state = 'deleted';
			record.deletedAtMs = record.expiresAtMs;
			record.bytes = undefined;
		}
		return record;
	}

	private render(record: FileRecord): AgentsFile {
		return {
			id: record.id,
			created_at: isoSeconds(record.createdAtMs),
			mime_type: record.mimeType,
			purpose: record.purpose,
			size_bytes: record.sizeBytes,
			state: record.state,
			deleted_at: record.deletedAtMs === null ? null : isoSeconds(record.deletedAtMs),
			expires_at: record.expiresAtMs === null ? null : isoSeconds(record.expiresAtMs),
			failure_reason: record.failureReason,
			filename: record.filename,
			user_id: record.userId,
		};
	}
}

/** Why ingest rejects the bytes, if it does (⚠ Luma publishes no file failure texts). */
function ingestFailure(record: FileRecord): string | null {
	const bytes = record.bytes ?? Buffer.alloc(0);
	if (bytes.length !== record.sizeBytes) return `Uploaded ${bytes.length} bytes, but size_bytes is ${record.sizeBytes}`;
	if (record.filename?.toLowerCase().includes(FILE_FAILURE_MARKER)) return 'File was flagged by our content moderation system.';
	const claimed = kindOfMimeType(record.mimeType);
	if (sniffKind(bytes) !== claimed) return `File content is not a valid ${claimed ?? 'media'} file`;
	return null;
}
