/**
 * Luma Labs Dream Machine API simulator, mounted by the simulator core at `/dream-machine/v1`.
 *
 * Covers the 13 operations of the `lumaai` SDK v1.21 plus the legacy `POST /generations`, the
 * generation lifecycle on scaled timers, Build-tier limits, credits, callbacks, and failures
 * that tests trigger with markers in the prompt (see FAILURE_MARKERS). Asset URLs point back at
 * this module, which serves small real MP4/JPEG/PNG files without auth, like Luma's CDN.
 */
import { randomUUID } from 'node:crypto';

import type { SimApiModule, SimClock, SimRequest, SimResponse } from '../types';
import { CallbackDispatcher, DEFAULT_CALLBACK_POLICY, type CallbackPolicy } from './callbacks';
import {
	CONCEPT_KEYS,
	FAILURE_REASONS,
	lumaTimestamp,
	type Generation,
	type GenerationAssets,
	type GenerationListResponse,
	type GenerationState,
	type LimitGroup,
	type RequestType,
} from './generation';
import { BUILD_TIER_LIMITS, CreateLimiter, type GroupLimits } from './limits';
import { ASSET_BYTES, ASSET_CONTENT_TYPES, type AssetExtension } from './media';
import {
	parseAddAudio,
	parseImageCreate,
	parseReframe,
	parseUpscale,
	parseVideoCreate,
	parseVideoModify,
	type CreatePlan,
	type ParseContext,
	type ParseResult,
	type SourceGeneration,
} from './requests';
import { isObject, queryInteger, type JsonObject, type ValidationIssue } from './validation';

export type { Generation, GenerationListResponse, GenerationState, LimitGroup } from './generation';
export { CONCEPT_KEYS, FAILURE_REASONS } from './generation';
export type { GroupLimits } from './limits';
export { BUILD_TIER_LIMITS } from './limits';
export { ASSET_BYTES, ASSET_CONTENT_TYPES } from './media';
export type { CallbackPolicy } from './callbacks';
export { DEFAULT_CALLBACK_POLICY } from './callbacks';

export const DREAM_MACHINE_MOUNT = '/dream-machine/v1';

export interface PhaseTimings {
	/** Time spent `queued` before dreaming starts (documented ms, scaled by the clock). */
	queuedMs?: number;
	/** Time spent `dreaming` before completing or failing (documented ms, scaled by the clock). */
	dreamingMs?: number;
}

export interface DreamMachineOptions {
	/** Accepted API keys. Default: any non-empty Bearer token. */
	keys?: string[];
	/** Flat values apply to both groups; `video`/`image` override per group. */
	timings?: PhaseTimings & { video?: PhaseTimings; image?: PhaseTimings };
	/** Per-group create limits. Default: Build tier (video 10 concurrent / 20 per min, image 40 / 80). */
	limits?: { video?: Partial<GroupLimits>; image?: Partial<GroupLimits> };
	/** Send `Retry-After` (seconds) and `retry-after-ms` on 429. Default false: Luma documents none. */
	retryAfterHeader?: boolean;
	/** Credit balance in USD cents. Default 10,000,000 ($100,000). */
	credits?: number;
	/** Callback delivery policy in real (unscaled) ms. Default: 3 retries, 100 ms apart, 5 s timeout. */
	callbackPolicy?: Partial<CallbackPolicy>;
	/** Deliver every callback twice (Luma: "expected to be called multiple times for a status"). */
	duplicateCallbacks?: boolean;
	/** Answer `GET /generations` with a plain-text 500 when limit >= 100 (lumaai-python#153). */
	fail500OnLargeLimit?: boolean;
	/** Status for a create the balance cannot pay for. Undocumented by Luma; default 400. */
	insufficientCreditsStatus?: 400 | 402;
	/** Status for a missing/blank/non-Bearer Authorization header. Default 400. */
	missingKeyStatus?: 400 | 401 | 403;
	/** Accept any `model` string (future models) instead of the SDK's closed enums. Default false. */
	acceptUnknownModels?: boolean;
}

export interface DreamMachineHooks {
	onCallbackDelivery(outcome: 'success' | 'failure'): void;
}

export interface DreamMachineStats {
	/** Accepted creates (all create routes, upscale and audio included). */
	createsByGroup: Record<LimitGroup, number>;
	/** Peak of queued + dreaming generations. */
	maxConcurrentJobs: Record<LimitGroup, number>;
	/** Generations queued or dreaming right now. */
	currentJobs: Record<LimitGroup, number>;
	sent429: number;
	/** Attempts are HTTP requests; successes and failures count deliveries (after retries). */
	callbacks: { attempts: number; successes: number; failures: number };
}

/** Documented durations: images take 5–15 s and videos 15–60 s at Luma (Luma's MCP server README, GitHub lumalabs/luma-api-mcp). */
export const DEFAULT_TIMINGS: Record<LimitGroup, Required<PhaseTimings>> = {
	video: { queuedMs: 2_000, dreamingMs: 30_000 },
	image: { queuedMs: 1_000, dreamingMs: 6_000 },
};

const DEFAULT_CREDITS = 10_000_000;

type FailurePhase = 'queued' | 'dreaming';

/**
 * Prompt markers that make a create fail on purpose. `reject` answers the create with 400;
 * the others fail the generation after the given phase with Luma's verbatim `failure_reason`.
 * A keyframe/reference/media URL whose host contains `unreachable` fails with
 * "Failed to read user input frames".
 */
export const FAILURE_MARKERS = {
	'[moderation]': { reject: FAILURE_REASONS.promptModeration },
	'[fail-frame-moderation]': { reason: FAILURE_REASONS.frameModeration, phase: 'queued' },
	'[dispatch-fail]': { reason: FAILURE_REASONS.dispatch, phase: 'queued' },
	'[blacklisted]': { reason: FAILURE_REASONS.blacklistedWords, phase: 'queued' },
	'[prompt-fail]': { reason: FAILURE_REASONS.promptProcessing, phase: 'queued' },
	'[job-fail]': { reason: FAILURE_REASONS.jobFailed, phase: 'dreaming' },
	'[callback-error]': { reason: FAILURE_REASONS.callbackProcessing, phase: 'dreaming' },
	/** The create is accepted (and charged) but answered with a plain 500: the double-create trap. */
	'[create-500]': { serverError: true },
} as const satisfies Record<
	string,
	{ reject: string } | { reason: string; phase: FailurePhase } | { serverError: true }
>;

interface GenerationRecord {
	id: string;
	seq: number;
	createdAtMs: number;
	group: LimitGroup;
	requestType: RequestType;
	model: string;
	state: GenerationState;
	failureReason: string | null;
	request: Record<string, unknown>;
	/** `http://host` of the create request: asset URLs in callbacks and introspection use it. */
	origin: string;
	output: CreatePlan['output'];
	costCents: number;
	callbackUrl?: string;
	plannedFailure?: { reason: string; phase: FailurePhase };
	/** Expected real time of the terminal state (for a concurrency Retry-After). */
	finishesAt: number;
	timer?: NodeJS.Timeout;
	waiters: Set<() => void>;
	/** Callbacks of one generation go out in order. */
	callbackChain: Promise<void>;
}

interface Route {
	method: string;
	pattern: RegExp;
	handle(request: SimRequest, params: string[]): Promise<SimResponse> | SimResponse;
}

const json = (status: number, body: unknown, headers?: Record<string, string>): SimResponse => ({
	status,
	body,
	...(headers ? { headers } : {}),
});
const detail = (status: number, message: unknown): SimResponse => json(status, { detail: message });
const validationError = (issues: ValidationIssue[]): SimResponse => detail(422, issues);
/** Starlette's unhandled-exception answer is plain text, not JSON. */
const internalServerError = (): SimResponse => ({
	status: 500,
	raw: Buffer.from('Internal Server Error'),
	headers: { 'content-type': 'text/plain; charset=utf-8' },
});

const GENERATION_NOT_FOUND = 'Generation not found';
const ASSET_PATH = /^\/assets\/([0-9a-f-]{36})(_progress)?\.(mp4|jpg|png)$/;

export class DreamMachineSimulator implements SimApiModule {
	private options: DreamMachineOptions;
	private readonly records = new Map<string, GenerationRecord>();
	private sequence = 0;
	private balanceCents: number;
	private counters = DreamMachineSimulator.emptyCounters();
	private readonly peakJobs: Record<LimitGroup, number> = { video: 0, image: 0 };
	private readonly limiter: CreateLimiter;
	private readonly callbacks: CallbackDispatcher;
	private closed = false;
	private readonly routes: Route[];

	constructor(
		options: DreamMachineOptions,
		private readonly clock: SimClock,
		private readonly hooks: DreamMachineHooks = { onCallbackDelivery: () => undefined },
	) {
		this.options = { ...options };
		this.balanceCents = options.credits ?? DEFAULT_CREDITS;
		this.limiter = new CreateLimiter(clock, () => this.resolvedLimits());
		this.callbacks = new CallbackDispatcher(
			() => ({ ...DEFAULT_CALLBACK_POLICY, ...this.options.callbackPolicy }),
			() => this.counters.callbacks,
			(outcome) => this.hooks.onCallbackDelivery(outcome),
		);
		const id = '([^/]+)';
		this.routes = [
			{ method: 'GET', pattern: /^\/ping$/, handle: () => json(200, { message: 'pong' }) },
			{ method: 'GET', pattern: /^\/credits$/, handle: () => json(200, { credit_balance: this.creditBalance }) },
			{ method: 'GET', pattern: /^\/generations\/concepts\/list$/, handle: () => json(200, [...CONCEPT_KEYS]) },
			{ method: 'GET', pattern: /^\/generations$/, handle: (req) => this.list(req) },
			// Luma's docs and MCP server still use the pre-2025-05 video path.
			{ method: 'POST', pattern: /^\/generations$/, handle: (req) => this.create(req, parseVideoCreate) },
			{ method: 'POST', pattern: /^\/generations\/video$/, handle: (req) => this.create(req, parseVideoCreate) },
			{ method: 'POST', pattern: /^\/generations\/video\/modify$/, handle: (req) => this.create(req, parseVideoModify) },
			{
				method: 'POST',
				pattern: /^\/generations\/video\/reframe$/,
				handle: (req) => this.create(req, (body, ctx) => parseReframe(body, ctx, 'video')),
			},
			{ method: 'POST', pattern: /^\/generations\/image$/, handle: (req) => this.create(req, parseImageCreate) },
			{
				method: 'POST',
				pattern: /^\/generations\/image\/reframe$/,
				handle: (req) => this.create(req, (body, ctx) => parseReframe(body, ctx, 'image')),
			},
			{
				method: 'POST',
				pattern: new RegExp(`^/generations/${id}/upscale$`),
				handle: (req, [sourceId]) => this.createFromSource(req, sourceId, parseUpscale),
			},
			{
				method: 'POST',
				pattern: new RegExp(`^/generations/${id}/audio$`),
				handle: (req, [sourceId]) => this.createFromSource(req, sourceId, parseAddAudio),
			},
			// After the static /generations/* routes, so `concepts` is never taken for an id.
			{ method: 'GET', pattern: new RegExp(`^/generations/${id}$`), handle: (req, [genId]) => this.get(req, genId) },
			{ method: 'DELETE', pattern: new RegExp(`^/generations/${id}$`), handle: (_req, [genId]) => this.delete(genId) },
		];
	}

	// ---- SimApiModule ---------------------------------------------------------------------------

	async handle(request: SimRequest): Promise<SimResponse | undefined> {
		const asset = ASSET_PATH.exec(request.path);
		if (asset && (request.method === 'GET' || request.method === 'HEAD')) {
			return this.serveAsset(asset[1], Boolean(asset[2]), asset[3] as AssetExtension);
		}
		const matching = this.routes
			.map((route) => ({ route, match: route.pattern.exec(request.path) }))
			.filter((candidate) => candidate.match !== null);
		if (matching.length === 0) return undefined;
		const chosen = matching.find((candidate) => candidate.route.method === request.method);
		if (!chosen) return detail(405, 'Method Not Allowed');
		const denied = this.authenticate(request);
		if (denied) return denied;
		let params: string[];
		try {
			params = chosen.match!.slice(1).map((part) => decodeURIComponent(part));
		} catch {
			return detail(404, GENERATION_NOT_FOUND); // malformed %-escape in an id
		}
		return chosen.route.handle(request, params);
	}

	async close(): Promise<void> {
		this.closed = true;
		for (const record of this.records.values()) {
			clearTimeout(record.timer);
			this.releaseWaiters(record);
		}
		await this.callbacks.close();
	}

	// ---- control and introspection --------------------------------------------------------------

	configure(partial: Partial<DreamMachineOptions>): void {
		const current = this.options;
		this.options = {
			...current,
			...partial,
			timings: partial.timings
				? {
						...current.timings,
						...partial.timings,
						video: { ...current.timings?.video, ...partial.timings.video },
						image: { ...current.timings?.image, ...partial.timings.image },
					}
				: current.timings,
			limits: partial.limits
				? {
						video: { ...current.limits?.video, ...partial.limits.video },
						image: { ...current.limits?.image, ...partial.limits.image },
					}
				: current.limits,
			callbackPolicy: { ...current.callbackPolicy, ...partial.callbackPolicy },
		};
		if (partial.credits !== undefined) this.balanceCents = partial.credits;
	}

	/** Every stored generation as the API would show it, with asset URLs for its creator's host. */
	get generations(): Map<string, Generation> {
		return new Map([...this.records.values()].map((record) => [record.id, this.render(record, record.origin)]));
	}

	get stats(): DreamMachineStats {
		return {
			createsByGroup: { ...this.counters.createsByGroup },
			maxConcurrentJobs: { ...this.peakJobs },
			currentJobs: { video: this.inFlight('video'), image: this.inFlight('image') },
			sent429: this.counters.sent429,
			callbacks: { ...this.counters.callbacks },
		};
	}

	resetStats(): void {
		this.counters = DreamMachineSimulator.emptyCounters();
		for (const group of ['video', 'image'] as const) this.peakJobs[group] = this.inFlight(group);
	}

	/** Balance in USD cents as `GET /credits` reports it. */
	get creditBalance(): number {
		return Math.round(this.balanceCents * 10_000) / 10_000;
	}

	private static emptyCounters() {
		return {
			createsByGroup: { video: 0, image: 0 } as Record<LimitGroup, number>,
			sent429: 0,
			callbacks: { attempts: 0, successes: 0, failures: 0 },
		};
	}

	// ---- auth -----------------------------------------------------------------------------------

	private authenticate(request: SimRequest): SimResponse | undefined {
		const header = request.headers.authorization;
		const match = typeof header === 'string' ? /^Bearer\s+(.+)$/i.exec(header.trim()) : null;
		const key = match?.[1].trim();
		// FastAPI's HTTPBearer wording for an absent or non-Bearer header.
		if (!key) return detail(this.options.missingKeyStatus ?? 400, 'Not authenticated');
		const keys = this.options.keys;
		if (keys && keys.length > 0 && !keys.includes(key)) return detail(401, 'Invalid API key is provided');
		return undefined;
	}

	// ---- reads ----------------------------------------------------------------------------------

	private get(request: SimRequest, id: string): SimResponse {
		const record = this.records.get(id.toLowerCase());
		return record ? json(200, this.render(record, originOf(request))) : detail(404, GENERATION_NOT_FOUND);
	}

	private list(request: SimRequest): SimResponse {
		const issues: ValidationIssue[] = [];
		const limit = queryInteger(issues, request.query, 'limit', 100);
		const offset = queryInteger(issues, request.query, 'offset', 0);
		for (const [key, value] of [
			['limit', limit],
			['offset', offset],
		] as const) {
			if (value < 0) {
				issues.push({
					type: 'greater_than_equal',
					loc: ['query', key],
					msg: 'Input should be greater than or equal to 0',
					input: String(value),
					ctx: { ge: 0 },
				});
			}
		}
		if (issues.length > 0) return validationError(issues);
		if (this.options.fail500OnLargeLimit && limit >= 100) return internalServerError();

		// Newest first: Luma does not document the order, but that is what its clients assume.
		const all = [...this.records.values()].sort((a, b) => b.seq - a.seq);
		const page = all.slice(offset, offset + limit);
		const origin = originOf(request);
		const body: GenerationListResponse = {
			generations: page.map((record) => this.render(record, origin)),
			count: page.length,
			has_more: offset + page.length < all.length,
			limit,
			offset,
		};
		return json(200, body);
	}

	private delete(id: string): SimResponse {
		const record = this.records.get(id.toLowerCase());
		if (!record) return detail(404, GENERATION_NOT_FOUND);
		// Undocumented whether Luma cancels or refunds a running job; here it simply stops, unrefunded.
		clearTimeout(record.timer);
		this.records.delete(record.id);
		this.releaseWaiters(record);
		return { status: 204 };
	}

	private serveAsset(id: string, progress: boolean, extension: AssetExtension): SimResponse {
		const record = this.records.get(id);
		const fileName = `${id}${progress ? '_progress' : ''}.${extension}`;
		const available = record ? Object.values(this.assetPaths(record) ?? {}) : [];
		if (!available.some((path) => path?.endsWith(`/${fileName}`))) return detail(404, 'Not Found');
		const bytes = ASSET_BYTES[extension];
		return {
			status: 200,
			raw: bytes,
			headers: {
				'content-type': ASSET_CONTENT_TYPES[extension],
				'content-length': String(bytes.length),
				'cache-control': 'public, max-age=86400',
			},
		};
	}

	// ---- creates --------------------------------------------------------------------------------

	private parseContext(): ParseContext {
		return {
			acceptUnknownModels: this.options.acceptUnknownModels ?? false,
			findGeneration: (id) => {
				const record = this.records.get(id.toLowerCase());
				return record && { state: record.state, generation_type: record.group, model: record.model };
			},
		};
	}

	private create(request: SimRequest, parse: (body: JsonObject, context: ParseContext) => ParseResult) {
		const body = readJsonBody(request);
		if (!body.ok) return body.response;
		return this.submit(request, parse(body.value, this.parseContext()), 201);
	}

	/** Upscale and audio: 200 (not 201) and a new generation derived from a finished video. */
	private createFromSource(
		request: SimRequest,
		sourceId: string,
		parse: (body: JsonObject, source: SourceGeneration) => ParseResult,
	) {
		const source = this.parseContext().findGeneration(sourceId);
		if (!source) return detail(404, GENERATION_NOT_FOUND);
		const body = readJsonBody(request);
		if (!body.ok) return body.response;
		return this.submit(request, parse(body.value, source), 200);
	}

	/** Everything after schema validation: markers, credits, limits, then the new generation. */
	private async submit(request: SimRequest, parsed: ParseResult, successStatus: number): Promise<SimResponse> {
		if (!parsed.ok) return detail(parsed.status, parsed.detail);
		const plan = parsed.plan;
		const markers = findMarkers(plan.prompts);
		const rejection = markers.find((marker) => 'reject' in marker);
		if (rejection && 'reject' in rejection) return detail(400, rejection.reject);

		// Luma pre-charges and refunds failures (FAQ); a create the balance cannot cover is refused.
		if (this.balanceCents < plan.costCents) {
			return detail(this.options.insufficientCreditsStatus ?? 400, 'Insufficient credits');
		}

		const inFlight = this.inFlight(plan.group);
		const verdict = this.limiter.check(plan.group, inFlight, this.nextSlotInMs(plan.group));
		if (!verdict.allowed) {
			this.counters.sent429++;
			const waitMs = Math.max(0, Math.round(verdict.retryAfterMs));
			const headers = this.options.retryAfterHeader
				? { 'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))), 'retry-after-ms': String(waitMs) }
				: undefined;
			return json(429, { detail: verdict.detail }, headers);
		}

		this.limiter.record(plan.group);
		this.counters.createsByGroup[plan.group]++;
		this.peakJobs[plan.group] = Math.max(this.peakJobs[plan.group], inFlight + 1);
		this.balanceCents -= plan.costCents;
		const record = this.startGeneration(plan, originOf(request), plannedFailure(plan, markers));

		if (markers.some((marker) => 'serverError' in marker)) return internalServerError();
		if (plan.syncTimeoutSeconds !== undefined) {
			await this.waitForTerminal(record, this.clock.scaled(plan.syncTimeoutSeconds * 1000));
		}
		return json(successStatus, this.render(record, originOf(request)));
	}

	private startGeneration(
		plan: CreatePlan,
		origin: string,
		failure: GenerationRecord['plannedFailure'],
	): GenerationRecord {
		const timings = this.timingsFor(plan.group);
		const now = this.clock.now();
		const record: GenerationRecord = {
			id: randomUUID(),
			seq: ++this.sequence,
			createdAtMs: now,
			group: plan.group,
			requestType: plan.requestType,
			model: plan.model,
			state: 'queued',
			failureReason: null,
			request: plan.request,
			origin,
			output: plan.output,
			costCents: plan.costCents,
			callbackUrl: plan.callbackUrl,
			plannedFailure: failure,
			finishesAt: now + timings.queuedMs + timings.dreamingMs,
			waiters: new Set(),
			callbackChain: Promise.resolve(),
		};
		this.records.set(record.id, record);
		this.schedule(record, timings.queuedMs, () => {
			if (record.plannedFailure?.phase === 'queued') return this.finish(record, 'failed');
			this.transition(record, 'dreaming');
			this.schedule(record, timings.dreamingMs, () =>
				this.finish(record, record.plannedFailure ? 'failed' : 'completed'),
			);
		});
		return record;
	}

	private schedule(record: GenerationRecord, ms: number, next: () => void): void {
		if (this.closed) return;
		record.timer = setTimeout(() => {
			record.timer = undefined;
			if (this.records.get(record.id) === record) next();
		}, ms);
	}

	private finish(record: GenerationRecord, state: 'completed' | 'failed'): void {
		if (state === 'failed') {
			record.failureReason = record.plannedFailure?.reason ?? FAILURE_REASONS.jobFailed;
			this.balanceCents += record.costCents; // Luma refunds failed generations in full
		}
		this.transition(record, state);
		this.releaseWaiters(record);
	}

	/** Luma notifies `dreaming`, `completed` and `failed` (not `queued`). */
	private transition(record: GenerationRecord, state: GenerationState): void {
		record.state = state;
		const url = record.callbackUrl;
		if (!url || this.closed) return;
		const payload = JSON.stringify(this.render(record, record.origin));
		const copies = this.options.duplicateCallbacks ? 2 : 1;
		for (let copy = 0; copy < copies; copy++) {
			record.callbackChain = record.callbackChain.then(() => this.callbacks.deliver(url, payload));
		}
	}

	private waitForTerminal(record: GenerationRecord, timeoutMs: number): Promise<void> {
		if (record.state === 'completed' || record.state === 'failed' || this.closed) return Promise.resolve();
		return new Promise((resolve) => {
			const done = () => {
				clearTimeout(timer);
				record.waiters.delete(done);
				resolve();
			};
			const timer = setTimeout(done, timeoutMs);
			record.waiters.add(done);
		});
	}

	private releaseWaiters(record: GenerationRecord): void {
		for (const release of [...record.waiters]) release();
	}

	// ---- helpers --------------------------------------------------------------------------------

	private inFlight(group: LimitGroup): number {
		let count = 0;
		for (const record of this.records.values()) {
			if (record.group === group && (record.state === 'queued' || record.state === 'dreaming')) count++;
		}
		return count;
	}

	private nextSlotInMs(group: LimitGroup): number {
		const now = this.clock.now();
		let soonest = Number.POSITIVE_INFINITY;
		for (const record of this.records.values()) {
			if (record.group === group && (record.state === 'queued' || record.state === 'dreaming')) {
				soonest = Math.min(soonest, record.finishesAt - now);
			}
		}
		return Number.isFinite(soonest) ? Math.max(0, soonest) : 0;
	}

	private timingsFor(group: LimitGroup): Required<PhaseTimings> {
		const timings = this.options.timings;
		const queuedMs = timings?.[group]?.queuedMs ?? timings?.queuedMs ?? DEFAULT_TIMINGS[group].queuedMs;
		const dreamingMs = timings?.[group]?.dreamingMs ?? timings?.dreamingMs ?? DEFAULT_TIMINGS[group].dreamingMs;
		return { queuedMs: this.clock.scaled(queuedMs), dreamingMs: this.clock.scaled(dreamingMs) };
	}

	private resolvedLimits(): Record<LimitGroup, GroupLimits> {
		const limits = this.options.limits;
		return {
			video: { ...BUILD_TIER_LIMITS.video, ...limits?.video },
			image: { ...BUILD_TIER_LIMITS.image, ...limits?.image },
		};
	}

	/** Asset paths (below the mount) per state; `null` while nothing is downloadable. */
	private assetPaths(record: GenerationRecord): GenerationAssets | null {
		const base = `${DREAM_MACHINE_MOUNT}/assets/${record.id}`;
		if (record.output.kind === 'video') {
			if (record.state === 'dreaming') return { video: null, image: null, progress_video: `${base}_progress.mp4` };
			if (record.state === 'completed') {
				// Video jobs also carry a thumbnail in `assets.image` (Luma's MCP server waits for both).
				return { video: `${base}.mp4`, image: `${base}.jpg`, progress_video: `${base}_progress.mp4` };
			}
			return null;
		}
		return record.state === 'completed' ? { video: null, image: `${base}.${record.output.format}` } : null;
	}

	private render(record: GenerationRecord, origin: string): Generation {
		const paths = this.assetPaths(record);
		const assets =
			paths &&
			(Object.fromEntries(
				Object.entries(paths).map(([key, path]) => [key, path ? `${origin}${path}` : null]),
			) as GenerationAssets);
		return {
			id: record.id,
			generation_type: record.group,
			state: record.state,
			failure_reason: record.failureReason,
			created_at: lumaTimestamp(record.createdAtMs),
			assets,
			model: record.model,
			request: structuredClone(record.request),
		};
	}
}

// ---- module helpers -----------------------------------------------------------------------------

function originOf(request: SimRequest): string {
	return `http://${request.headers.host ?? '127.0.0.1'}`;
}

type BodyResult = { ok: true; value: JsonObject } | { ok: false; response: SimResponse };

/** FastAPI's answers for a missing, unparsable or non-object JSON body. */
function readJsonBody(request: SimRequest): BodyResult {
	if (request.rawBody.length === 0) {
		return { ok: false, response: validationError([{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }]) };
	}
	if (request.body === undefined) {
		return {
			ok: false,
			response: validationError([
				{ type: 'json_invalid', loc: ['body', 0], msg: 'JSON decode error', input: {}, ctx: { error: 'Expecting value' } },
			]),
		};
	}
	if (!isObject(request.body)) {
		return {
			ok: false,
			response: validationError([
				{
					type: 'model_attributes_type',
					loc: ['body'],
					msg: 'Input should be a valid dictionary or object to extract fields from',
					input: request.body,
				},
			]),
		};
	}
	return { ok: true, value: request.body };
}

type Marker = (typeof FAILURE_MARKERS)[keyof typeof FAILURE_MARKERS];

function findMarkers(prompts: string[]): Marker[] {
	const text = prompts.join('\n').toLowerCase();
	return Object.entries(FAILURE_MARKERS)
		.filter(([marker]) => text.includes(marker))
		.map(([, effect]) => effect);
}

/** An unreachable input wins over prompt markers: Luma reads the inputs before anything else. */
function plannedFailure(plan: CreatePlan, markers: Marker[]): GenerationRecord['plannedFailure'] {
	const unreachable = plan.inputUrls.some((url) => new URL(url).hostname.includes('unreachable'));
	if (unreachable) return { reason: FAILURE_REASONS.unreadableInput, phase: 'queued' };
	const failing = markers.find((marker) => 'reason' in marker);
	return failing && 'reason' in failing ? { reason: failing.reason, phase: failing.phase } : undefined;
}
