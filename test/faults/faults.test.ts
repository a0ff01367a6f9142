/**
 * Real n8n workflows (in-process WorkflowExecute) against the simulator through the fault proxy:
 * one table of fault × operation → expected outcome, for the Events, Dream Machine and Agents APIs
 * (a read and a create of each: 14 faults per read, the 13 that hit one attempt per create, 81 rows).
 * A row says how many of the operation's requests the node sent (the proxy received them) and how
 * many reached upstream (the simulator's own log; for a create also what the account now holds),
 * and what the item or the error says.
 *
 * What must hold: reads are retried on 5xx, resets, stalls and cut bodies and succeed; a create that
 * may have reached Luma is never sent again (only what Luma refused before doing anything is: a 429,
 * and on the Agents API a 502 or 503, which it documents as "rejected, nothing queued"); a 429 is
 * waited out, then the request succeeds; no API key appears anywhere.
 * A create whose answer is lost is looked for (reconciled) where the API allows it: found, the item
 * succeeds with what Luma made; not found, the error says it was most likely not created. The Agents
 * API has no idempotency key and cannot list generations, so there the error says Luma may have made
 * it and names what to check (the user_id and X-Request-Id it carried) before running again.
 * To add a case, add a row; to add a fault or an operation, add it to FAULTS or helpers.ts.
 */
import type { IDataObject } from 'n8n-workflow';

import { getTransportTiming } from '../../nodes/shared/transport';
import {
	expectNoKey,
	OPERATIONS,
	restoreTimings,
	runOperation,
	startFaultBench,
	useFaultTimings,
	type FaultBench,
	type FaultRun,
	type OperationName,
	type OperationUnderTest,
} from './helpers';
import { faults, type Fault } from './proxy';

/** The faults by a tester's names; `count`: how many of the operation's requests in a row it hits (default one). */
const FAULTS = {
	'5xx, JSON body': { fault: faults.jsonError(503) },
	'5xx, HTML page': { fault: faults.htmlError(502) },
	'5xx, HTML page, every attempt': { fault: faults.htmlError(502), count: Infinity },
	'reset before forwarding': { fault: faults.resetBeforeForwarding() },
	'reset after forwarding': { fault: faults.resetAfterForwarding() },
	'stall before forwarding': { fault: faults.stallBeforeForwarding() },
	'stall after forwarding': { fault: faults.stallAfterForwarding() },
	'body cut mid-stream': { fault: faults.truncatedJson({ cutConnection: true }) },
	'truncated JSON 200': { fault: faults.truncatedJson() },
	'HTML 200': { fault: faults.html200('before') },
	'HTML 200 after forwarding': { fault: faults.html200('after') },
	'429 with Retry-After': { fault: faults.tooManyRequests(1) },
	'429 without Retry-After': { fault: faults.tooManyRequests() },
	'429 storm': { fault: faults.tooManyRequests(), count: 4 },
} satisfies Record<string, { fault: Fault; count?: number }>;
type FaultName = keyof typeof FAULTS;

type Expected =
	/** The item comes out as if nothing had happened. */
	| { outcome: 'success'; sent: number; upstream: number }
	/** The node stops with this error. */
	| { outcome: 'error'; sent: number; upstream: number; message: RegExp; httpCode?: string; description?: RegExp };

const ok = (sent: number, upstream: number): Expected => ({ outcome: 'success', sent, upstream });
const fails = (sent: number, upstream: number, message: RegExp, httpCode?: string, description?: RegExp): Expected => ({
	outcome: 'error',
	sent,
	upstream,
	message,
	httpCode,
	description,
});

const UNAVAILABLE = /^Luma: Service temporarily unavailable$/;
/** An HTML page from a gateway: its status and title, never the page. */
const HTML_BAD_GATEWAY = /^Luma: HTTP 502, an HTML page: "502 Bad Gateway"$/;
/** A create whose answer was lost, looked for (events: calendar + name + start; Dream Machine: the echoed request), and not there. */
const NOT_CREATED = /was not found: it was most likely not created$/;
/** An Agents create whose answer was lost: it may exist, and nothing can look for it. */
const MAY_EXIST_CONNECTION = /^Luma may have done this already: the connection failed after the request may have reached Luma$/;
const mayExistGarbled = (status: number, summary: string) =>
	new RegExp(`^Luma may have done this already: Luma answered HTTP ${status} with a body that is not the JSON this operation expects \\(${summary}`);
const MAY_EXIST_GATEWAY = /^Luma may have done this already: Luma had a server error \(HTTP 502: an HTML page: "502 Bad Gateway"\) that does not say whether it was done$/;
const MAY_EXIST_HTML = mayExistGarbled(200, 'an HTML page: "Sign in"\\)$');
/** A cut-off generation: its JSON starts with the ID Luma gave it. */
const MAY_EXIST_TRUNCATED = mayExistGarbled(201, '\\{"id":"[0-9a-f-]{36}"');
/** What to check before running again: the handles the create carried (this item's user_id, the request's X-Request-Id). */
const agentsWhatToCheck = (itemIndex: number) =>
	new RegExp(
		'The Agents API cannot list generations, so the node cannot look for it\\. ' +
			`Check the usage in Luma's dashboard \\(platform\\.lumalabs\\.ai\\) for a generation with user_id "n8n-[0-9a-f]{16}-item-${itemIndex}"; ` +
			`Luma support can trace the request by its X-Request-Id "n8n-[0-9a-f-]{36}"\\. Do so before running the node again: the request is not sent twice automatically`,
	);
const AGENTS_CHECK = agentsWhatToCheck(0);

const TABLE: Array<[FaultName, OperationName, Expected]> = [
	// Reads: retried, and upstream sees the read twice only when the fault came after it reached upstream.
	['5xx, JSON body', 'eventGet', ok(2, 1)],
	['5xx, HTML page', 'eventGet', ok(2, 1)],
	['5xx, HTML page, every attempt', 'eventGet', fails(4, 0, HTML_BAD_GATEWAY, '502')],
	['reset before forwarding', 'eventGet', ok(2, 1)],
	['reset after forwarding', 'eventGet', ok(2, 2)],
	['stall before forwarding', 'eventGet', ok(2, 1)],
	['stall after forwarding', 'eventGet', ok(2, 2)],
	['body cut mid-stream', 'eventGet', ok(2, 2)],
	// A 2xx that is not JSON is read again, like a 5xx.
	['truncated JSON 200', 'eventGet', ok(2, 2)],
	['HTML 200', 'eventGet', ok(2, 1)],
	['HTML 200 after forwarding', 'eventGet', ok(2, 2)],
	['429 with Retry-After', 'eventGet', ok(2, 1)],
	['429 without Retry-After', 'eventGet', ok(2, 1)],
	['429 storm', 'eventGet', ok(5, 1)],

	['5xx, JSON body', 'generationGet', ok(2, 1)],
	['5xx, HTML page', 'generationGet', ok(2, 1)],
	['5xx, HTML page, every attempt', 'generationGet', fails(4, 0, HTML_BAD_GATEWAY, '502')],
	['reset before forwarding', 'generationGet', ok(2, 1)],
	['reset after forwarding', 'generationGet', ok(2, 2)],
	['stall before forwarding', 'generationGet', ok(2, 1)],
	['stall after forwarding', 'generationGet', ok(2, 2)],
	['body cut mid-stream', 'generationGet', ok(2, 2)],
	['truncated JSON 200', 'generationGet', ok(2, 2)],
	['HTML 200', 'generationGet', ok(2, 1)],
	['HTML 200 after forwarding', 'generationGet', ok(2, 2)],
	['429 with Retry-After', 'generationGet', ok(2, 1)],
	['429 without Retry-After', 'generationGet', ok(2, 1)],
	['429 storm', 'generationGet', ok(5, 1)],

	// Creates: never repeated after a 5xx, a reset, a stall or an unreadable answer. When the outcome
	// is unknown the node looks for what the create made: found (it reached Luma) → the item succeeds
	// with it; not found (it never did) → "most likely not created". A 429 is waited out.
	['5xx, JSON body', 'eventCreate', fails(1, 0, NOT_CREATED)],
	['5xx, HTML page', 'eventCreate', fails(1, 0, NOT_CREATED)],
	['reset before forwarding', 'eventCreate', fails(1, 0, NOT_CREATED)],
	['reset after forwarding', 'eventCreate', ok(1, 1)],
	['stall before forwarding', 'eventCreate', fails(1, 0, NOT_CREATED)],
	['stall after forwarding', 'eventCreate', ok(1, 1)],
	['body cut mid-stream', 'eventCreate', ok(1, 1)],
	['truncated JSON 200', 'eventCreate', ok(1, 1)],
	['HTML 200', 'eventCreate', fails(1, 0, NOT_CREATED)],
	['HTML 200 after forwarding', 'eventCreate', ok(1, 1)],
	['429 with Retry-After', 'eventCreate', ok(2, 1)],
	['429 without Retry-After', 'eventCreate', ok(2, 1)],
	['429 storm', 'eventCreate', ok(5, 1)],

	['5xx, JSON body', 'imageGenerate', fails(1, 0, NOT_CREATED)],
	['5xx, HTML page', 'imageGenerate', fails(1, 0, NOT_CREATED)],
	['reset before forwarding', 'imageGenerate', fails(1, 0, NOT_CREATED)],
	['reset after forwarding', 'imageGenerate', ok(1, 1)],
	['stall before forwarding', 'imageGenerate', fails(1, 0, NOT_CREATED)],
	['stall after forwarding', 'imageGenerate', ok(1, 1)],
	['body cut mid-stream', 'imageGenerate', ok(1, 1)],
	['truncated JSON 200', 'imageGenerate', ok(1, 1)],
	['HTML 200', 'imageGenerate', fails(1, 0, NOT_CREATED)],
	['HTML 200 after forwarding', 'imageGenerate', ok(1, 1)],
	['429 with Retry-After', 'imageGenerate', ok(2, 1)],
	['429 without Retry-After', 'imageGenerate', ok(2, 1)],
	['429 storm', 'imageGenerate', ok(5, 1)],

	['5xx, JSON body', 'agentsGenerationGet', ok(2, 1)],
	['5xx, HTML page', 'agentsGenerationGet', ok(2, 1)],
	['5xx, HTML page, every attempt', 'agentsGenerationGet', fails(4, 0, HTML_BAD_GATEWAY, '502')],
	['reset before forwarding', 'agentsGenerationGet', ok(2, 1)],
	['reset after forwarding', 'agentsGenerationGet', ok(2, 2)],
	['stall before forwarding', 'agentsGenerationGet', ok(2, 1)],
	['stall after forwarding', 'agentsGenerationGet', ok(2, 2)],
	['body cut mid-stream', 'agentsGenerationGet', ok(2, 2)],
	['truncated JSON 200', 'agentsGenerationGet', ok(2, 2)],
	['HTML 200', 'agentsGenerationGet', ok(2, 1)],
	['HTML 200 after forwarding', 'agentsGenerationGet', ok(2, 2)],
	['429 with Retry-After', 'agentsGenerationGet', ok(2, 1)],
	['429 without Retry-After', 'agentsGenerationGet', ok(2, 1)],
	['429 storm', 'agentsGenerationGet', ok(5, 1)],

	// Agents API creates: a 502 or 503 is resent (Luma documents both as "rejected, nothing queued"),
	// like a 429. Anything else that leaves the outcome unknown fails, whether or not the create reached
	// Luma (upstream 1: the generation exists and is paid for), and is never resent: the API has no
	// idempotency key and no listing to look for it in.
	['5xx, JSON body', 'agentsImageGenerate', ok(2, 1)],
	// An HTML 502 comes from a gateway, not from Luma: it does not prove the create was refused.
	['5xx, HTML page', 'agentsImageGenerate', fails(1, 0, MAY_EXIST_GATEWAY, undefined, AGENTS_CHECK)],
	['reset before forwarding', 'agentsImageGenerate', fails(1, 0, MAY_EXIST_CONNECTION, undefined, AGENTS_CHECK)],
	['reset after forwarding', 'agentsImageGenerate', fails(1, 1, MAY_EXIST_CONNECTION, undefined, AGENTS_CHECK)],
	['stall before forwarding', 'agentsImageGenerate', fails(1, 0, MAY_EXIST_CONNECTION, undefined, AGENTS_CHECK)],
	['stall after forwarding', 'agentsImageGenerate', fails(1, 1, MAY_EXIST_CONNECTION, undefined, AGENTS_CHECK)],
	['body cut mid-stream', 'agentsImageGenerate', fails(1, 1, MAY_EXIST_CONNECTION, undefined, AGENTS_CHECK)],
	['truncated JSON 200', 'agentsImageGenerate', fails(1, 1, MAY_EXIST_TRUNCATED, '201', AGENTS_CHECK)],
	['HTML 200', 'agentsImageGenerate', fails(1, 0, MAY_EXIST_HTML, '200', AGENTS_CHECK)],
	['HTML 200 after forwarding', 'agentsImageGenerate', fails(1, 1, MAY_EXIST_HTML, '200', AGENTS_CHECK)],
	['429 with Retry-After', 'agentsImageGenerate', ok(2, 1)],
	['429 without Retry-After', 'agentsImageGenerate', ok(2, 1)],
	['429 storm', 'agentsImageGenerate', ok(5, 1)],
];

/** Every attempt a persistent fault meets where the request may be resent: the first send and every transient retry. */
const everyAttempt = () => 1 + getTransportTiming().maxTransientRetries;

interface ErrorItemExpected {
	/** Requests for the failing item the node sent, and that reached upstream. */
	sent: number | 'every attempt';
	upstream: number | 'every attempt';
	error?: RegExp;
	httpCode?: string;
	description?: RegExp;
}

/** Continue On Fail, three items, the fault hitting every request of item 1. */
const CONTINUE_ON_FAIL: Array<[FaultName, OperationName, ErrorItemExpected]> = [
	['5xx, JSON body', 'eventGet', { sent: 'every attempt', upstream: 0, error: UNAVAILABLE, httpCode: '503' }],
	['reset before forwarding', 'eventGet', { sent: 'every attempt', upstream: 0, description: /ECONNRESET/ }],
	['5xx, JSON body', 'generationGet', { sent: 'every attempt', upstream: 0, error: UNAVAILABLE, httpCode: '503' }],
	['reset after forwarding', 'generationGet', { sent: 'every attempt', upstream: 'every attempt', description: /ECONNRESET/ }],
	['5xx, JSON body', 'eventCreate', { sent: 1, upstream: 0, error: NOT_CREATED }],
	['reset before forwarding', 'eventCreate', { sent: 1, upstream: 0, error: NOT_CREATED }],
	['5xx, JSON body', 'imageGenerate', { sent: 1, upstream: 0, error: NOT_CREATED }],
	['stall before forwarding', 'imageGenerate', { sent: 1, upstream: 0, error: NOT_CREATED }],
	// A 503 on an Agents create is resent, as far as a read would be; then Luma's message.
	['5xx, JSON body', 'agentsImageGenerate', { sent: 'every attempt', upstream: 0, error: UNAVAILABLE, httpCode: '503' }],
	['reset after forwarding', 'agentsImageGenerate', { sent: 1, upstream: 1, error: MAY_EXIST_CONNECTION, description: agentsWhatToCheck(1) }],
];

let bench: FaultBench;

beforeAll(async () => {
	bench = await startFaultBench();
});
afterAll(async () => {
	await bench.close();
	restoreTimings();
});
beforeEach(() => {
	useFaultTimings();
});

/** Fresh input (fixtures made upstream directly), then empty logs and no rules. */
async function prepare(operation: OperationUnderTest, count: number) {
	const input = await operation.input(bench, count);
	bench.reset();
	return input;
}

function countsFor(operation: OperationUnderTest, item: IDataObject) {
	const { method, path } = operation.target;
	return {
		sent: bench.sent(method, path).filter((request) => operation.isItem(request, item)).length,
		upstream: bench.upstream(method, path).filter((request) => operation.isItem(request, item)).length,
		created: operation.createdUpstream?.(bench, item),
	};
}

/** The invariants of every run: no key anywhere; a create reached upstream at most once, and what it made matches. */
function expectInvariants(operation: OperationUnderTest, result: FaultRun, item: IDataObject) {
	expectNoKey(result);
	if (!operation.creates) return;
	const { upstream, created } = countsFor(operation, item);
	expect(upstream).toBeLessThanOrEqual(1);
	expect(created).toBe(upstream);
}

describe.each(TABLE)('%s × %s', (faultName, operationName, expected) => {
	const operation = OPERATIONS[operationName];
	const { fault, count = 1 } = FAULTS[faultName] as { fault: Fault; count?: number };

	test(`→ ${expected.outcome}`, async () => {
		const [item] = await prepare(operation, 1);
		bench.proxy.inject({ ...operation.target, fault, count });
		const result = await runOperation(bench, operation, [item]);

		expectInvariants(operation, result, item);
		const counts = countsFor(operation, item);
		expect(counts.sent).toBe(expected.sent);
		expect(counts.upstream).toBe(expected.upstream);
		if (expected.outcome === 'success') {
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(1);
			operation.expectResult(result.items[0].json, item, bench);
			expect(result.items[0].pairedItem).toEqual({ item: 0 });
		}
		if (expected.outcome === 'error') {
			expect(result.error?.message).toMatch(expected.message);
			if (expected.httpCode !== undefined) expect(result.error?.httpCode).toBe(expected.httpCode);
			if (expected.description) expect(result.error?.description).toMatch(expected.description);
		}
	});
});

describe.each(CONTINUE_ON_FAIL)('Continue On Fail: %s × %s on item 1 of 3', (faultName, operationName, expected) => {
	const operation = OPERATIONS[operationName];
	const { fault } = FAULTS[faultName];

	test('items 0 and 2 succeed, item 1 becomes an error item paired with it', async () => {
		const input = await prepare(operation, 3);
		bench.proxy.inject({ ...operation.target, where: (request) => operation.isItem(request, input[1]), fault });
		const result = await runOperation(bench, operation, input, { continueOnFail: true });

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		operation.expectResult(result.items[0].json, input[0], bench);
		operation.expectResult(result.items[2].json, input[2], bench);
		const errorItem = result.items[1].json;
		expect(typeof errorItem.error).toBe('string');
		if (expected.error) expect(errorItem.error).toMatch(expected.error);
		if (expected.httpCode) expect(errorItem.httpCode).toBe(expected.httpCode);
		if (expected.description) expect(errorItem.description).toMatch(expected.description);

		const attempts = (value: number | 'every attempt') => (value === 'every attempt' ? everyAttempt() : value);
		const failing = countsFor(operation, input[1]);
		expect(failing.sent).toBe(attempts(expected.sent));
		expect(failing.upstream).toBe(attempts(expected.upstream));
		for (const item of [input[0], input[2]]) {
			const counts = countsFor(operation, item);
			expect(counts).toMatchObject({ sent: 1, upstream: 1 });
		}
		for (const item of input) expectInvariants(operation, result, item);
	});
});
