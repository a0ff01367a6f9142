/**
 * The simulator as the trigger suites use it: URLs for the credentials, a Dream Machine client,
 * and waits for asynchronous callback deliveries.
 */
import type { DreamMachineOptions } from '../simulator/dream-machine';
import { startSimulator } from '../simulator';
import { client, waitForTerminal } from '../simulator/dream-machine/testServer';

export interface TestSimulator {
	eventsUrl: string;
	eventsKey: string;
	/** Every webhook registration, through GET /v1/webhooks/list (all pages). */
	listWebhooks(): Promise<any[]>;
	createWebhook(url: string, eventTypes: string[]): Promise<any>;
	updateWebhook(id: string, changes: { event_types?: string[]; status?: 'active' | 'paused' }): Promise<any>;
	deleteWebhook(id: string): Promise<void>;
	getGuest(eventId: string, guestId: string): Promise<any>;
	/** Luma sends an event of this type to every subscribed registration (signed); resolves when answered. */
	emitWebhookEvent(type: string): Promise<void>;
	/** A valid `{ type, data }` payload of this type about seeded objects. */
	samplePayload(type: string, options?: { otherEvent?: boolean }): { type: string; data: Record<string, unknown> };
	dreamMachineUrl: string;
	dreamMachine: ReturnType<typeof client>;
	configureDreamMachine(options: Partial<DreamMachineOptions>): void;
	/** Polls GET /generations/{id} until completed or failed; returns the generation. */
	waitForTerminal(id: string): Promise<any>;
	/** Resolves when every callback the simulator started has succeeded or been given up. */
	callbacksSettled(): Promise<void>;
	close(): Promise<void>;
}

const FAST = { queuedMs: undefined, dreamingMs: undefined };

async function eventsCall(baseUrl: string, key: string, method: string, path: string, body?: unknown): Promise<any> {
	const response = await fetch(`${baseUrl}${path}`, {
		method,
		headers: { 'x-luma-api-key': key, ...(body ? { 'content-type': 'application/json' } : {}) },
		body: body ? JSON.stringify(body) : undefined,
	});
	const parsed = await response.json();
	if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(parsed)}`);
	return parsed;
}

export async function startTestSimulator(): Promise<TestSimulator> {
	const sim = await startSimulator({ timeScale: 0.001, dreamMachine: { timings: FAST } });
	const api = client(sim.dreamMachineUrl);
	const eventsKey = 'trigger-test-key';
	const call = (method: string, path: string, body?: unknown) => eventsCall(sim.eventsUrl, eventsKey, method, path, body);
	return {
		eventsUrl: sim.eventsUrl,
		eventsKey,
		async listWebhooks() {
			const all: any[] = [];
			let cursor: string | undefined;
			do {
				const page = await call('GET', `/v1/webhooks/list?pagination_limit=50${cursor ? `&pagination_cursor=${cursor}` : ''}`);
				all.push(...page.entries);
				cursor = page.has_more ? page.next_cursor : undefined;
			} while (cursor);
			return all;
		},
		createWebhook: (url, eventTypes) => call('POST', '/v2/webhooks/create', { url, event_types: eventTypes }),
		updateWebhook: (id, changes) => call('POST', '/v2/webhooks/update', { id, ...changes }),
		deleteWebhook: async (id) => void (await call('POST', '/v1/webhooks/delete', { id })),
		getGuest: (eventId, guestId) =>
			call('GET', `/v1/events/guests/get?event_id=${encodeURIComponent(eventId)}&id=${encodeURIComponent(guestId)}`),
		emitWebhookEvent: async (type) => void (await sim.emitWebhookEvent(type)),
		samplePayload: (type, options) => sim.events.samplePayload(type, options),
		dreamMachineUrl: sim.dreamMachineUrl,
		dreamMachine: api,
		configureDreamMachine(options) {
			sim.dreamMachine.configure(options.timings === undefined && 'timings' in options ? { ...options, timings: FAST } : options);
		},
		waitForTerminal: (id) => waitForTerminal(api, id),
		async callbacksSettled() {
			// Deliveries of one generation are chained; wait until the counters stop moving.
			let last = -1;
			for (;;) {
				const { attempts, successes, failures } = sim.dreamMachine.stats.callbacks;
				const settled = successes + failures;
				if (settled === last && attempts >= settled) return;
				last = settled;
				await new Promise((resolve) => setTimeout(resolve, 150));
			}
		},
		close: () => sim.close(),
	};
}
