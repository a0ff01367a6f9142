/**
 * Luma Agents API simulator (https://agents.lumalabs.ai/v1: Ray 3.2 video, UNI-1 images, layering, Files),
 * mounted by the simulator core at `/agents/v1`.
 *
 *   POST /generations, GET /generations/{id}          requests.ts validates, this file runs the jobs
 *   POST|GET /files, GET|DELETE /files/{id}, POST /files/{id}/complete              files.ts
 *   GET /assets/{generation}/{n}.{png|jpg|mp4|exr}?X-Amz-…   presigned output downloads (no auth, like S3)
 *   PUT /uploads/{file}?X-Amz-…                               presigned file uploads (no auth, like S3)
 *
 * Auth, suspension, balance (402), the per-client RPM and concurrency limits (limits.ts), lifecycles on
 * the scaled clock and failures chosen by markers in the prompt (FAILURE_MARKERS) behave as Luma
 * documents them. Polling only: the Agents API has no callbacks.
 */
import { createHash, randomUUID } from 'node:crypto';

import type { SimApiModule, SimClock, SimRequest, SimResponse } from '../types';
import { detail, readJsonObject } from './fields';
import { FileStore, isoSeconds, type FileCounters } from './files';
import { CreateLimiter, DEFAULT_LIMITS, type AgentsLimits } from './limits';
import { OUTPUT_BYTES, OUTPUT_CONTENT_TYPES, type MediaKind, type OutputExtension } from './media';
import { Presigner, s3Denied } from './presign';
import { parseCreate, type GenerationPlan, type OutputSpec, type ParseContext } from './requests';
import {
	AGENTS_API_VERSION,
	DETAIL,
	FAILURE_CODES,
	FAILURE_REASONS,
	GENERATION_TYPES,
	VIDEO_TYPES,
	type FailureCode,
	type Generation,
	type GenerationState,
	type GenerationType,
} from './wire';

export * from './wire';
export type { AgentsLimits } from './limits';
export { DEFAULT_LIMITS } from './limits';
export { FILE_FAILURE_MARKER } from './files';
export { URL_HOST_MARKERS } from './requests';
export { OUTPUT_BYTES, OUTPUT_CONTENT_TYPES } from './media';

export const AGENTS_MOUNT = '/agents/v1';

export interface PhaseTimings {
	/** Documented ms spent `queued`. */
	queuedMs?: number;
	/** Documented ms spent `processing` before completing or failing. */
	processingMs?: number;
}

/**
 * Documented durations: uni-1 takes 30–60 s (p50 ~30 s; Quickstart), a 5 s 720p Ray 3.2 clip
 * "usually under 2 minutes", edits and layering somewhat longer than a plain image (⚠ no figures).
 */
export const DEFAULT_TIMINGS: Record<GenerationType, Required<PhaseTimings>> = {
	image: { queuedMs: 2_000, processingMs: 28_000 },
	image_edit: { queuedMs: 2_000, processingMs: 33_000 },
	layering: { queuedMs: 2_000, processingMs: 43_000 },
	video: { queuedMs: 5_000, processingMs: 85_000 },
	video_edit: { queuedMs: 5_000, processingMs: 115_000 },
	video_reframe: { queuedMs: 5_000, processingMs: 85_000 },
};

export interface AgentsKey {
	/** The API client (account) the key belongs to. Default `'default'`. */
	client?: string;
	revoked?: boolean;
	/** ISO 8601; the key is refused from then on. */
	expiresAt?: string;
}

export interface AgentsClient {
	/** A suspended or deactivated client gets 403 on every endpoint. */
	status?: 'active' | 'suspended' | 'deactivated';
	/** Starting balance in USD (overrides `balanceUsd`). */
	balanceUsd?: number;
	limits?: Partial<AgentsLimits>;
	/** Whether `video.hdr` is enabled for the client (overrides `hdrAccess`). */
	hdrAccess?: boolean;
}

export interface AgentsOptions {
	/**
	 * Known API keys. Unset: every `luma-api-…` token is valid and belongs to client `'default'`.
	 * Set: only these are (others answer `Invalid API key`).
	 */
	keys?: Record<string, AgentsKey>;
	clients?: Record<string, AgentsClient>;
	/** Starting balance of every client in USD. Default 100,000. */
	balanceUsd?: number;
	/** Per-client limits. Default 30 creates per sliding minute, 10 jobs in flight, one-hour slot TTL. */
	limits?: Partial<AgentsLimits>;
	/** Flat values apply to every type; per-type entries override them. */
	timings?: PhaseTimings & Partial<Record<GenerationType, PhaseTimings>>;
	/** Documented lifetime of output URLs (default 3,600,000: one hour). */
	outputUrlTtlMs?: number;
	/** Documented lifetime of presigned upload URLs (default 900,000: 15 minutes, ⚠ undocumented). */
	uploadUrlTtlMs?: number;
	/** Documented ms a file spends in ingest before `ready`/`failed` (default 2,000, ⚠ undocumented). */
	fileIngestMs?: number;
	/** Input size limits in bytes. Defaults: images 50 MB, videos 200 MB, multipart uploads 20 MB (⚠ cap undocumented). */
	mediaLimits?: { imageBytes?: number; videoBytes?: number; inlineUploadBytes?: number };
	/** How many layers a layering job returns, background included. Default 3. */
	layerCount?: number;
	/** Default true. */
	hdrAccess?: boolean;
	/** Every URL input answers 503 `Image URL ingestion unavailable`. */
	urlIngestionDown?: boolean;
}

const DEFAULT_BALANCE_USD = 100_000;
const DEFAULT_OUTPUT_URL_TTL_MS = 3_600_000;
const DEFAULT_UPLOAD_URL_TTL_MS = 900_000;
const DEFAULT_FILE_INGEST_MS = 2_000;
const MB = 1024 * 1024;
const DEFAULT_MEDIA_LIMITS = { imageBytes: 50 * MB, videoBytes: 200 * MB, inlineUploadBytes: 20 * MB };
const DEFAULT_LAYER_COUNT = 3;
const DEFAULT_CLIENT = 'default';

type FailurePhase = 'queued' | 'processing';

/**
 * Prompt markers. `[fail:<code>]` fails the generation with that `failure_code` and its
 * `failure_reason`: input problems right after `queued`, the others after `processing`. Failed
 * generations are refunded except `budget_exhausted`. `[create-500]` accepts (and charges) the create
 * but answers 500: the ambiguous create a blind retry duplicates. Inputs decide first: inline data that
 * is not the media it should be fails `corrupt_input`, an unsupported media_type `unsupported_format`,
 * a file over the input size limit `image_too_large`.
 */
export const FAILURE_MARKERS: Record<string, { code: FailureCode; phase: FailurePhase }> = Object.fromEntries(
	FAILURE_CODES.map((code) => [
		`[fail:${code}]`,
		{
			code,
			phase: ['invalid_request', 'unsupported_format', 'corrupt_input', 'image_too_large', 'rate_limited'].includes(code)
				? 'queued'
				: 'processing',
		},
	]),
);
export const CREATE_500_MARKER = '[create-500]';

export type AgentsEndpoint =
	| 'POST /generations'
	| 'GET /generations/{id}'
	| 'POST /files'
	| 'GET /files'
	| 'GET /files/{id}'
	| 'DELETE /files/{id}'
	| 'POST /files/{id}/complete'
	| 'PUT upload'
	| 'GET asset'
	| 'other';

export interface AgentsStats {
	/** `POST /generations` answered 201 (or accepted then answered 500 by `[create-500]`). */
	createsAccepted: number;
	createsByType: Record<GenerationType, number>;
	/** 429 answers by limit. */
	sent429: { rpm: number; concurrent: number };
	/** Peak of jobs holding a concurrency slot, all clients together. */
	maxJobsInFlight: number;
	/** Jobs holding a slot now. */
	jobsInFlight: number;
	/** Accepted creates whose body (user_id included) the same client had already had accepted. */
	duplicateCreates: number;
	completed: number;
	failedByCode: Partial<Record<FailureCode, number>>;
	files: FileCounters;
	requests: Record<AgentsEndpoint, number>;
}

interface GenerationRecord {
	id: string;
	client: string;
	createdAtMs: number;
	plan: GenerationPlan;
	state: GenerationState;
	failureCode: FailureCode | null;
	plannedFailure?: { code: FailureCode; phase: FailurePhase };
	/** `http://host` of the create, for introspection. */
	origin: string;
	timer?: NodeJS.Timeout;
}

interface Route {
	method: string;
	pattern: RegExp;
	endpoint: AgentsEndpoint;
	handle(request: SimRequest, client: string, params: string[]): Promise<SimResponse> | SimResponse;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ASSET_PATH = /^\/assets\/([0-9a-f-]{36})\/(\d+)\.(png|jpg|mp4|exr)$/;
const UPLOAD_PATH = /^\/uploads\/([0-9a-f-]{36})$/;
const ASSET_KINDS: Record<OutputExtension, MediaKind | undefined> = { png: 'image', jpg: 'image', mp4: 'video', exr: undefined };

const originOf = (request: SimRequest) => `http://${request.headers.host ?? '127.0.0.1'}`;
const usd = (micros: number) => micros / 1_000_000;
const micros = (dollars: number) => Math.round(dollars * 1_000_000);

function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

export class AgentsSimulator implements SimApiModule {
	private options: AgentsOptions;
	private readonly records = new Map<string, GenerationRecord>();
	private readonly presigner: Presigner;
	private readonly limiter: CreateLimiter;
	private readonly files: FileStore;
	/** Micro-dollars spent per client since its balance was last set. */
	private readonly spent = new Map<string, number>();
	/** Hashes of accepted create bodies per client. */
	private readonly seenBodies = new Map<string, Set<string>>();
	private counters = AgentsSimulator.emptyCounters();
	private closed = false;
	private readonly routes: Route[];

	constructor(
		options: AgentsOptions,
		private readonly clock: SimClock,
	) {
		this.options = { ...options };
		this.presigner = new Presigner(clock);
		this.limiter = new CreateLimiter(clock);
		this.files = new FileStore(
			clock,
			this.presigner,
			() => ({
				ingestMs: this.options.fileIngestMs ?? DEFAULT_FILE_INGEST_MS,
				uploadUrlTtlMs: this.options.uploadUrlTtlMs ?? DEFAULT_UPLOAD_URL_TTL_MS,
				inlineUploadBytes: this.mediaLimits.inlineUploadBytes,
			}),
			() => this.counters.files,
		);
		const id = '([^/]+)';
		const mountUrl = (request: SimRequest) => `${originOf(request)}${AGENTS_MOUNT}`;
		this.routes = [
			{ method: 'POST', pattern: /^\/generations$/, endpoint: 'POST /generations', handle: (req, client) => this.create(req, client) },
			{
				method: 'GET',
				pattern: new RegExp(`^/generations/${id}$`),
				endpoint: 'GET /generations/{id}',
				handle: (req, client, [genId]) => this.get(req, client, genId),
			},
			{ method: 'POST', pattern: /^\/files$/, endpoint: 'POST /files', handle: (req, client) => this.files.create(req, client, mountUrl(req)) },
			{ method: 'GET', pattern: /^\/files$/, endpoint: 'GET /files', handle: (req, client) => this.files.list(req, client) },
			{
				method: 'POST',
				pattern: new RegExp(`^/files/${id}/complete$`),
				endpoint: 'POST /files/{id}/complete',
				handle: (_req, client, [fileId]) => this.files.complete(client, fileId),
			},
			{
				method: 'GET',
				pattern: new RegExp(`^/files/${id}$`),
				endpoint: 'GET /files/{id}',
				handle: (_req, client, [fileId]) => this.files.get(client, fileId),
			},
			{
				method: 'DELETE',
				pattern: new RegExp(`^/files/${id}$`),
				endpoint: 'DELETE /files/{id}',
				handle: (_req, client, [fileId]) => this.files.delete(client, fileId),
			},
		];
	}

	// ---- SimApiModule ---------------------------------------------------------------------------

	async handle(request: SimRequest): Promise<SimResponse> {
		const asset = ASSET_PATH.exec(request.path);
		if (asset && (request.method === 'GET' || request.method === 'HEAD')) {
			this.counters.requests['GET asset']++;
			return this.serveAsset(request, asset[1], Number(asset[2]), asset[3] as OutputExtension);
		}
		const upload = UPLOAD_PATH.exec(request.path);
		if (upload && request.method === 'PUT') {
			this.counters.requests['PUT upload']++;
			return this.files.receiveUpload(request, upload[1]);
		}
		return withApiHeaders(request, await this.handleApi(request));
	}

	async close(): Promise<void> {
		this.closed = true;
		for (const record of this.records.values()) clearTimeout(record.timer);
		this.files.close();
	}

	// ---- control and introspection --------------------------------------------------------------

	/** Changes options at run time. A new balance (global or per client) resets what was spent. */
	configure(partial: Partial<AgentsOptions>): void {
		const current = this.options;
		this.options = {
			...current,
			...partial,
			limits: { ...current.limits, ...partial.limits },
			timings: { ...current.timings, ...partial.timings },
			mediaLimits: { ...current.mediaLimits, ...partial.mediaLimits },
			clients: partial.clients ? { ...current.clients, ...partial.clients } : current.clients,
		};
		if (partial.balanceUsd !== undefined) this.spent.clear();
		for (const [client, settings] of Object.entries(partial.clients ?? {})) {
			if (settings.balanceUsd !== undefined) this.spent.delete(client);
		}
	}

	/** Every generation as its owner would see it, with fresh output URLs. */
	get generations(): Map<string, Generation> {
		return new Map([...this.records.values()].map((record) => [record.id, this.render(record, record.origin)]));
	}

	/** Every uploaded file of every client. */
	get uploadedFiles() {
		return this.files.all();
	}

	balanceUsd(client = DEFAULT_CLIENT): number {
		return usd(this.startingBalance(client) - (this.spent.get(client) ?? 0));
	}

	get stats(): AgentsStats {
		return {
			...structuredClone(this.counters),
			jobsInFlight: this.jobsInFlight(),
		};
	}

	resetStats(): void {
		this.counters = AgentsSimulator.emptyCounters();
		this.counters.maxJobsInFlight = this.jobsInFlight();
		this.seenBodies.clear();
	}

	private static emptyCounters(): Omit<AgentsStats, 'jobsInFlight'> {
		return {
			createsAccepted: 0,
			createsByType: Object.fromEntries(GENERATION_TYPES.map((type) => [type, 0])) as Record<GenerationType, number>,
			sent429: { rpm: 0, concurrent: 0 },
			maxJobsInFlight: 0,
			duplicateCreates: 0,
			completed: 0,
			failedByCode: {},
			files: { created: 0, ready: 0, failed: 0, deleted: 0 },
			requests: {
				'POST /generations': 0,
				'GET /generations/{id}': 0,
				'POST /files': 0,
				'GET /files': 0,
				'GET /files/{id}': 0,
				'DELETE /files/{id}': 0,
				'POST /files/{id}/complete': 0,
				'PUT upload': 0,
				'GET asset': 0,
				other: 0,
			},
		};
	}

	// ---- API routes -----------------------------------------------------------------------------

	private async handleApi(request: SimRequest): Promise<SimResponse> {
		const matching = this.routes
			.map((route) => ({ route, match: route.pattern.exec(request.path) }))
			.filter((candidate) => candidate.match !== null);
		const chosen = matching.find((candidate) => candidate.route.method === request.method);
		this.counters.requests[chosen?.route.endpoint ?? 'other']++;
		if (matching.length === 0) return detail(404, 'Not Found');
		if (!chosen) return detail(405, 'Method Not Allowed');
		const auth = this.authenticate(request);
		if ('response' in auth) return auth.response;
		let params: string[];
		try {
			params = chosen.match!.slice(1).map((part) => decodeURIComponent(part));
		} catch {
			params = ['']; // a malformed %-escape is no id: the handlers answer their 404
		}
		return chosen.route.handle(request, auth.client, params);
	}

	/** Luma's four 401 texts, then the client's own standing (403). */
	private authenticate(request: SimRequest): { client: string } | { response: SimResponse } {
		const header = request.headers.authorization;
		// The scheme is case-sensitive: `bearer …` is refused like a missing header.
		const token = typeof header === 'string' ? /^Bearer +(\S+) *$/.exec(header)?.[1] : undefined;
		if (!token || !token.startsWith('luma-api-')) return { response: detail(401, DETAIL.missingKey) };
		let client = DEFAULT_CLIENT;
		const keys = this.options.keys;
		if (keys) {
			const key = Object.prototype.hasOwnProperty.call(keys, token) ? keys[token] : undefined;
			if (!key) return { response: detail(401, DETAIL.invalidKey) };
			if (key.revoked) return { response: detail(401, DETAIL.revokedKey) };
			if (key.expiresAt && Date.parse(key.expiresAt) <= Date.now()) return { response: detail(401, DETAIL.expiredKey) };
			client = key.client ?? DEFAULT_CLIENT;
		}
		const status = this.options.clients?.[client]?.status;
		if (status === 'suspended') return { response: detail(403, DETAIL.suspended) };
		if (status === 'deactivated') return { response: detail(403, DETAIL.deactivated) };
		return { client };
	}

	private get(request: SimRequest, client: string, id: string): SimResponse {
		const record = UUID.test(id) ? this.records.get(id.toLowerCase()) : undefined;
		// Malformed, unknown and other clients' ids answer alike, so ids cannot be probed.
		if (!record || record.client !== client) return detail(404, DETAIL.generationNotFound);
		return { status: 200, body: this.render(record, originOf(request)) };
	}

	private async create(request: SimRequest, client: string): Promise<SimResponse> {
		const json = readJsonObject(request);
		if (!json.ok) return json.response;
		const parsed = parseCreate(json.value, this.parseContext(client));
		if (!parsed.ok) return parsed.response;
		const plan = parsed.plan;

		// Luma reserves the maximum charge at submit; nothing is queued when the balance is short.
		if (this.balanceMicros(client) < plan.costMicros) return detail(402, DETAIL.insufficientCredits);

		const limits = this.limitsOf(client);
		const verdict = this.limiter.check(client, limits);
		if (!verdict.allowed) {
			this.counters.sent429[verdict.kind]++;
			return detail(429, verdict.detail, verdict.headers);
		}

		const record = this.startGeneration(client, plan, originOf(request));
		const rateHeaders = this.limiter.accept(client, record.id, limits);
		this.countAccepted(client, record, json.value);
		this.spent.set(client, (this.spent.get(client) ?? 0) + plan.costMicros);

		if (plan.prompt.toLowerCase().includes(CREATE_500_MARKER)) {
			// Starlette's unhandled-exception answer is plain text.
			return { status: 500, raw: Buffer.from('Internal Server Error'), headers: { 'content-type': 'text/plain; charset=utf-8' } };
		}
		return { status: 201, body: this.render(record, originOf(request)), headers: rateHeaders };
	}

	private countAccepted(client: string, record: GenerationRecord, body: unknown): void {
		this.counters.createsAccepted++;
		this.counters.createsByType[record.plan.type]++;
		this.counters.maxJobsInFlight = Math.max(this.counters.maxJobsInFlight, this.jobsInFlight());
		const seen = this.seenBodies.get(client) ?? new Set<string>();
		this.seenBodies.set(client, seen);
		const hash = createHash('sha256').update(canonicalJson(body)).digest('hex');
		if (seen.has(hash)) this.counters.duplicateCreates++;
		seen.add(hash);
	}

	private parseContext(client: string): ParseContext {
		const limits = this.mediaLimits;
		return {
			findGeneration: (id) => {
				const record = this.records.get(id.toLowerCase());
				if (!record || record.client !== client) return undefined;
				return { state: record.state, kind: VIDEO_TYPES.includes(record.plan.type) ? 'video' : 'image' };
			},
			findFile: (id) => {
				const file = this.files.lookup(client, id);
				return file && { state: file.state, mimeType: file.mime_type, sizeBytes: file.size_bytes };
			},
			ownAsset: (url) => {
				if (!url.pathname.startsWith(`${AGENTS_MOUNT}/`)) return undefined;
				const path = url.pathname.slice(AGENTS_MOUNT.length);
				const asset = ASSET_PATH.exec(path);
				if (!asset) return undefined;
				return { check: this.presigner.check(path, url.searchParams), kind: ASSET_KINDS[asset[3] as OutputExtension] };
			},
			imageBytes: limits.imageBytes,
			videoBytes: limits.videoBytes,
			hdrAccess: this.options.clients?.[client]?.hdrAccess ?? this.options.hdrAccess ?? true,
			urlIngestionDown: this.options.urlIngestionDown ?? false,
			layerCount: Math.max(1, this.options.layerCount ?? DEFAULT_LAYER_COUNT),
		};
	}

	// ---- lifecycle ------------------------------------------------------------------------------

	private startGeneration(client: string, plan: GenerationPlan, origin: string): GenerationRecord {
		const record: GenerationRecord = {
			id: randomUUID(),
			client,
			createdAtMs: this.clock.now(),
			plan,
			state: 'queued',
			failureCode: null,
			plannedFailure: plannedFailure(plan),
			origin,
		};
		this.records.set(record.id, record);
		const timings = this.timingsOf(plan.type);
		this.schedule(record, timings.queuedMs, () => {
			if (record.plannedFailure?.phase === 'queued') return this.finish(record);
			record.state = 'processing';
			this.schedule(record, timings.processingMs, () => this.finish(record));
		});
		return record;
	}

	private schedule(record: GenerationRecord, ms: number, next: () => void): void {
		if (this.closed) return;
		record.timer = setTimeout(() => {
			record.timer = undefined;
			next();
		}, ms);
	}

	private finish(record: GenerationRecord): void {
		const failure = record.plannedFailure;
		if (failure) {
			record.state = 'failed';
			record.failureCode = failure.code;
			this.counters.failedByCode[failure.code] = (this.counters.failedByCode[failure.code] ?? 0) + 1;
			// Refunded in full, except a job that ran out of funds mid-generation.
			if (failure.code !== 'budget_exhausted') {
				this.spent.set(record.client, (this.spent.get(record.client) ?? 0) - record.plan.costMicros);
			}
		} else {
			record.state = 'completed';
			this.counters.completed++;
		}
		this.limiter.release(record.client, record.id);
	}

	// ---- rendering and assets -------------------------------------------------------------------

	/** Each render signs fresh output URLs, as every GET does at Luma. */
	private render(record: GenerationRecord, origin: string): Generation {
		const completed = record.state === 'completed';
		return {
			id: record.id,
			created_at: isoSeconds(record.createdAtMs),
			model: record.plan.model,
			type: record.plan.type,
			state: record.state,
			failure_code: record.failureCode,
			failure_reason: record.failureCode ? FAILURE_REASONS[record.failureCode] : null,
			output: completed ? record.plan.outputs.map((output, index) => this.renderOutput(record, output, index, origin)) : [],
		};
	}

	private renderOutput(record: GenerationRecord, output: OutputSpec, index: number, origin: string) {
		const path = `/assets/${record.id}/${index}.${output.extension}`;
		const { query } = this.presigner.sign(path, this.options.outputUrlTtlMs ?? DEFAULT_OUTPUT_URL_TTL_MS);
		const url = `${origin}${AGENTS_MOUNT}${path}?${query}`;
		return output.layer ? { type: output.type, url, layer: structuredClone(output.layer) } : { type: output.type, url };
	}

	private serveAsset(request: SimRequest, id: string, index: number, extension: OutputExtension): SimResponse {
		const check = this.presigner.check(`/assets/${id}/${index}.${extension}`, request.query);
		if (check !== 'valid') return s3Denied(check);
		const bytes = OUTPUT_BYTES[extension];
		return {
			status: 200,
			raw: bytes,
			headers: {
				'content-type': OUTPUT_CONTENT_TYPES[extension],
				'content-length': String(bytes.length),
				etag: `"${createHash('md5').update(bytes).digest('hex')}"`,
				'x-amz-request-id': randomUUID(),
			},
		};
	}

	// ---- settings -------------------------------------------------------------------------------

	private get mediaLimits(): Required<NonNullable<AgentsOptions['mediaLimits']>> {
		return { ...DEFAULT_MEDIA_LIMITS, ...this.options.mediaLimits };
	}

	private limitsOf(client: string): AgentsLimits {
		return { ...DEFAULT_LIMITS, ...this.options.limits, ...this.options.clients?.[client]?.limits };
	}

	private timingsOf(type: GenerationType): Required<PhaseTimings> {
		const timings = this.options.timings;
		const pick = (key: keyof PhaseTimings) => timings?.[type]?.[key] ?? timings?.[key] ?? DEFAULT_TIMINGS[type][key];
		return { queuedMs: this.clock.scaled(pick('queuedMs')), processingMs: this.clock.scaled(pick('processingMs')) };
	}

	private startingBalance(client: string): number {
		return micros(this.options.clients?.[client]?.balanceUsd ?? this.options.balanceUsd ?? DEFAULT_BALANCE_USD);
	}

	private balanceMicros(client: string): number {
		return this.startingBalance(client) - (this.spent.get(client) ?? 0);
	}

	private jobsInFlight(): number {
		return this.limiter.clients().reduce((total, client) => total + this.limiter.jobsInFlight(client, this.limitsOf(client)), 0);
	}
}

/** `X-Request-Id` (the caller's, or a new UUID) and `X-API-Version` on every API answer. */
function withApiHeaders(request: SimRequest, response: SimResponse): SimResponse {
	const sent = request.headers['x-request-id'];
	const requestId = typeof sent === 'string' && sent !== '' ? sent : randomUUID();
	return { ...response, headers: { ...response.headers, 'x-request-id': requestId, 'x-api-version': AGENTS_API_VERSION } };
}

/** Problems with the inputs win over prompt markers: Luma reads the inputs first. */
function plannedFailure(plan: GenerationPlan): GenerationRecord['plannedFailure'] {
	if (plan.inputFailure) return { code: plan.inputFailure, phase: 'queued' };
	const prompt = plan.prompt.toLowerCase();
	const marker = Object.keys(FAILURE_MARKERS).find((key) => prompt.includes(key));
	return marker ? FAILURE_MARKERS[marker] : undefined;
}
