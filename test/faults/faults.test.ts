/**
 * Real n8n workflows (in-process WorkflowExecute) against the simulator through the fault proxy:
 * one table of fault × operation → expected outcome. A row says how many of the operation's
 * requests the node sent (the proxy received them) and how many reached upstream (the simulator's
 * own log; for a create also what the account now holds), and what the item or the error says.
 *
 * What must hold: reads are retried on 5xx, resets, stalls and cut bodies and succeed; a create is
 * never sent twice; a 429 is waited out, then the request succeeds; no API key appears anywhere.
 * A create whose answer is lost is looked for (reconciled): found, the item succeeds with what Luma
 * made; not found, the error says it was most likely not created.
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
	| { outcome: 'error'; sent: number; upstream: number; message: RegExp; httpCode?: string; description?: RegExp }


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
];

/** Every read attempt a persistent fault meets: the first send and every transient retry. */
const readAttempts = () => 1 + getTransportTiming().maxTransientRetries;

interface ErrorItemExpected {
	/** Requests for the failing item the node sent, and that reached upstream. */
	sent: number | 'every read attempt';
	upstream: number | 'every read attempt';
	error?: RegExp;
	httpCode?: string;
	description?: RegExp;
}

/** Continue On Fail, three items, the fault hitting every request of item 1. */
const CONTINUE_ON_FAIL: Array<[FaultName, OperationName, ErrorItemExpected]> = [
	['5xx, JSON body', 'eventGet', { sent: 'every read attempt', upstream: 0, error: UNAVAILABLE, httpCode: '503' }],
	['reset before forwarding', 'eventGet', { sent: 'every read attempt', upstream: 0, description: /ECONNRESET/ }],
	['5xx, JSON body', 'generationGet', { sent: 'every read attempt', upstream: 0, error: UNAVAILABLE, httpCode: '503' }],
	['reset after forwarding', 'generationGet', { sent: 'every read attempt', upstream: 'every read attempt', description: /ECONNRESET/ }],
	['5xx, JSON body', 'eventCreate', { sent: 1, upstream: 0, error: NOT_CREATED }],
	['reset before forwarding', 'eventCreate', { sent: 1, upstream: 0, error: NOT_CREATED }],
	['5xx, JSON body', 'imageGenerate', { sent: 1, upstream: 0, error: NOT_CREATED }],
	['stall before forwarding', 'imageGenerate', { sent: 1, upstream: 0, error: NOT_CREATED }],
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
			operation.expectResult(result.items[0].json, item);
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
		operation.expectResult(result.items[0].json, input[0]);
		operation.expectResult(result.items[2].json, input[2]);
		const errorItem = result.items[1].json;
		expect(typeof errorItem.error).toBe('string');
		if (expected.error) expect(errorItem.error).toMatch(expected.error);
		if (expected.httpCode) expect(errorItem.httpCode).toBe(expected.httpCode);
		if (expected.description) expect(errorItem.description).toMatch(expected.description);

		const attempts = (value: number | 'every read attempt') => (value === 'every read attempt' ? readAttempts() : value);
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
