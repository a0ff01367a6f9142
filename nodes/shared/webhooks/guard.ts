import { createHash, timingSafeEqual } from 'crypto';
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

/**
 * What both Luma triggers need before they emit anything: a constant-time secret compare, a way to
 * answer a refused request themselves, and a delivery log that lets a repeated delivery through once.
 */

/** Constant-time equality of two strings of any length (both sides are hashed to 32 bytes first). */
export function secretsEqual(received: string, expected: string): boolean {
	if (!expected) return false;
	const a = createHash('sha256').update(received, 'utf8').digest();
	const b = createHash('sha256').update(expected, 'utf8').digest();
	return timingSafeEqual(a, b);
}

/** The `token` query parameter of the request ('' when absent or repeated). */
export function queryToken(ctx: IWebhookFunctions): string {
	const query = (ctx.getQueryData() ?? {}) as IDataObject;
	return typeof query.token === 'string' ? query.token : '';
}

interface PlainResponse {
	headersSent?: boolean;
	writeHead(status: number, headers: Record<string, string>): unknown;
	end(body?: string): unknown;
}

/**
 * Answers the request directly (401, 404, 400...) and tells n8n not to answer again: nothing is
 * emitted and no execution starts. Node's plain response API, so it works with n8n's Express
 * response and with a bare http.ServerResponse alike.
 */
export function respond(ctx: IWebhookFunctions, status: number, body: IDataObject): IWebhookResponseData {
	const response: PlainResponse = ctx.getResponseObject();
	if (!response.headersSent) {
		response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
		response.end(JSON.stringify(body));
	}
	return { noWebhookResponse: true };
}

/**
 * Runs a webhook handler so that an unexpected error answers 500 instead of being thrown: n8n turns
 * an error thrown by webhook() into a failed execution, and a delivery that was refused or could
 * not be processed must not start one.
 */
export async function handleSafely(
	ctx: IWebhookFunctions,
	handler: (this: IWebhookFunctions) => Promise<IWebhookResponseData>,
): Promise<IWebhookResponseData> {
	try {
		return await handler.call(ctx);
	} catch (error) {
		ctx.logger.error(`${ctx.getNode().name}: could not process a webhook call: ${(error as Error).message}`);
		return respond(ctx, 500, { error: 'The trigger could not process this call; nothing was started' });
	}
}

/** A 200 that acknowledges a delivery the node deliberately does not emit (filtered, duplicate). */
export function acknowledge(body: IDataObject): IWebhookResponseData {
	return { webhookResponse: { received: true, emitted: false, ...body } };
}

export const DELIVERY_LOG_SIZE = 500;
const MAX_SCOPES = 200;

interface MemoryLog {
	inFlight: Set<string>;
	/** Insertion-ordered: the oldest key is evicted first. */
	seen: Set<string>;
}

/**
 * Per-process half of the delivery log. n8n loads static data per request and saves it after the
 * response, so two copies of one delivery arriving together would both miss each other in static
 * data; a synchronous claim here closes that gap. Static data covers restarts.
 */
const memoryLogs = new Map<string, MemoryLog>();

function memoryLog(scope: string): MemoryLog {
	let log = memoryLogs.get(scope);
	if (log) {
		memoryLogs.delete(scope);
	} else {
		log = { inFlight: new Set(), seen: new Set() };
	}
	memoryLogs.set(scope, log);
	while (memoryLogs.size > MAX_SCOPES) {
		const oldest = memoryLogs.keys().next().value as string;
		memoryLogs.delete(oldest);
	}
	return log;
}

export function deliveryKey(...parts: Array<string | Buffer>): string {
	const hash = createHash('sha256');
	for (const part of parts) hash.update(part).update('\n');
	return hash.digest('hex').slice(0, 32);
}

/**
 * Bounded log of emitted deliveries (a key per delivery, most recent last), kept in the node's
 * static data under `seenDeliveries` and mirrored in memory. Use: claim() before the slow part,
 * then commit() once emitted or release() when the sender should retry.
 */
export class DeliveryLog {
	private readonly memory: MemoryLog;

	constructor(
		private readonly staticData: IDataObject,
		scope: string,
		private readonly capacity = DELIVERY_LOG_SIZE,
	) {
		this.memory = memoryLog(scope);
	}

	private persisted(): string[] {
		const stored = this.staticData.seenDeliveries;
		return Array.isArray(stored) ? (stored as string[]) : [];
	}

	/** False when the key was already emitted or another copy is being processed right now. */
	claim(key: string): boolean {
		if (this.memory.inFlight.has(key) || this.memory.seen.has(key) || this.persisted().includes(key)) return false;
		this.memory.inFlight.add(key);
		return true;
	}

	commit(key: string): void {
		this.memory.inFlight.delete(key);
		this.memory.seen.delete(key);
		this.memory.seen.add(key);
		while (this.memory.seen.size > this.capacity) {
			this.memory.seen.delete(this.memory.seen.values().next().value as string);
		}
		// A new array, so n8n's observable static data notices the change and saves it.
		this.staticData.seenDeliveries = [...this.persisted().filter((entry) => entry !== key), key].slice(-this.capacity);
	}

	release(key: string): void {
		this.memory.inFlight.delete(key);
	}
}
