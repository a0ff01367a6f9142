/**
 * When things go wrong on the Agents API: failed generations (failure_code → message, hint, charge;
 * the opt-in retry of the codes Luma calls temporary), creates whose answer was lost (never sent
 * again, traceable by user_id and X-Request-Id), creates Luma refused (safe to resend or not), expired
 * output URLs, Max Wait, uploads Luma did not accept, and a cancelled execution.
 */
import type { IDataObject } from 'n8n-workflow';

import { FILE_FAILURE_MARKER } from '../simulator/agents';
import { NODE, pngItem, runAgents, runAgentsError, runAgentsWorkflow, useAgentsSim } from './agentsHelpers';

const env = useAgentsSim();
beforeEach(() => env.sim.configure({ faults: [] }));

const imageGenerate = (prompt: string, extra: IDataObject = {}) => ({ resource: 'image', operation: 'generate', prompt, ...extra });
const creates = () => env.sim.agents.stats.createsAccepted;
const posts = () => env.sim.agents.stats.requests['POST /generations'];

describe('failed generations', () => {
	test('content_moderated: the code and reason, what to change, and that it was refunded; one create', async () => {
		const error = await runAgentsError(env, imageGenerate('a scene [fail:content_moderated]'));
		expect(error.message).toMatch(/^Luma generation [0-9a-f-]{36} failed \(content_moderated\): Generation output was flagged by our content moderation system\.$/);
		expect(error.description).toContain('Change the prompt or the inputs');
		expect(error.description).toContain('Not charged');
		expect(creates()).toBe(1);
	});

	test('with Continue On Fail the item is the Generation with error, hint and charge', async () => {
		const [item] = await runAgents(env, imageGenerate('a scene [fail:budget_exhausted]'), { continueOnFail: true });
		expect(item.json).toMatchObject({ state: 'failed', failure_code: 'budget_exhausted', charge: 'partial' });
		expect(String(item.json.error)).toContain('(budget_exhausted)');
		expect(String(item.json.hint)).toContain('Add credits');
		expect(item.binary).toBeUndefined();
	});

	test('Retry Failed Generations is off by default: a generation_failed is not sent again', async () => {
		const error = await runAgentsError(env, imageGenerate('a scene [fail:generation_failed]'));
		expect(error.message).toContain('(generation_failed)');
		expect(error.description).toContain('Retry Failed Generations');
		expect(creates()).toBe(1);
	});

	test('turned on, a retryable failure is sent again up to Max Retries (each a new create), a moderated one never', async () => {
		const error = await runAgentsError(env, imageGenerate('a scene [fail:generation_failed]', { options: { retryFailedGenerations: true, maxRetries: 2 } }));
		expect(error.message).toContain('(generation_failed)');
		expect(creates()).toBe(3);
		// The same body (user_id included) on purpose: the simulator counts the two retries as repeats.
		expect(env.sim.agents.stats.duplicateCreates).toBe(2);

		env.sim.resetStats();
		await runAgentsError(env, imageGenerate('a scene [fail:content_moderated]', { options: { retryFailedGenerations: true } }));
		expect(creates()).toBe(1);
	});

	test('an input Luma finds unreadable while processing fails the generation with its code', async () => {
		const error = await runAgentsError(
			env,
			imageGenerate('x', { imageReferences: { values: [{ source: 'binary', binaryProperty: 'data' }] } }),
			{ input: [{ json: {}, binary: { data: { data: Buffer.from('not a png at all').toString('base64'), mimeType: 'image/png', fileName: 'x.png' } } }] },
		);
		expect(error.message).toContain('(corrupt_input)');
		expect(error.description).toContain('Replace it');
	});
});

describe('creates whose answer was lost are never sent twice', () => {
	test('a 500 after Luma accepted the create: the error names the user_id and the X-Request-Id to trace it', async () => {
		const error = await runAgentsError(env, imageGenerate('a scene [create-500]', { options: { userId: 'customer-42' } }));
		expect(error.message).toContain('Luma may have done this already');
		expect(error.description).toContain('user_id "customer-42"');
		expect(error.description).toMatch(/X-Request-Id "n8n-[0-9a-f-]{36}"/);
		expect(creates()).toBe(1);
		expect(posts()).toBe(1);
	});

	test('the connection dropped after Luma handled the create: one create, not resent', async () => {
		env.sim.configure({ faults: [{ method: 'POST', path: '/agents/v1/generations', times: 1, dropConnection: true, beforeHandling: false }] });
		const error = await runAgentsError(env, imageGenerate('a quiet lake'));
		expect(error.message).toContain('Luma may have done this already');
		expect(error.description).toMatch(/user_id "n8n-[0-9a-f]{16}-item-0"/);
		expect(creates()).toBe(1);
	});

	test('502 and 503 mean "rejected, nothing queued": resent, one generation', async () => {
		env.sim.configure({
			faults: [
				{ method: 'POST', path: '/agents/v1/generations', times: 1, status: 502, body: { detail: 'Upstream service unavailable' } },
				{ method: 'POST', path: '/agents/v1/generations', times: 1, status: 503, body: { detail: 'Image URL ingestion unavailable' } },
			],
		});
		const [item] = await runAgents(env, imageGenerate('a quiet lake'));
		expect(item.json.state).toBe('completed');
		expect(env.sim.stats().faults).toBe(2);
		expect(creates()).toBe(1);
	});

	test('a rejection (422 on an input) is not resent, and the error names the input as the user sees it', async () => {
		const error = await runAgentsError(env, imageGenerate('x', { imageReferences: { values: [{ source: 'url', url: 'https://unreachable.example.com/a.png' }] } }));
		expect(error.message).toContain('image_ref[0]: failed to fetch URL');
		expect(error.description).toContain('"Image Reference 1"');
		expect(posts()).toBe(1);
		expect(creates()).toBe(0);
	});

	test('402: no credits, nothing queued, not resent', async () => {
		env.sim.agents.configure({ balanceUsd: 0 });
		try {
			const error = await runAgentsError(env, imageGenerate('a quiet lake'));
			expect(error.message).toContain('Insufficient credits');
			expect(posts()).toBe(1);
		} finally {
			env.sim.agents.configure({ balanceUsd: 100_000 });
		}
	});
});

describe('outputs', () => {
	test('an expired output URL (S3 answers 403) is fetched again after a fresh GET of the generation', async () => {
		env.sim.configure({
			faults: [{ method: 'GET', path: /\/agents\/v1\/assets\//, times: 1, status: 403, body: '<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>' }],
		});
		const [item] = await runAgents(env, imageGenerate('a quiet lake'));
		expect(item.binary?.image.mimeType).toBe('image/png');
		expect(env.sim.stats().faults).toBe(1);
		expect(env.sim.agents.stats.requests['GET asset']).toBe(1);
	});

	test('Max Wait ends the wait with an error that says how to pick the generation up later; Continue On Fail marks it timed out', async () => {
		const error = await runAgentsError(env, { resource: 'video', operation: 'generate', prompt: 'a long shot', options: { maxWaitMinutes: 0.001 } });
		expect(error.message).toMatch(/was still "(queued|processing)" after waiting 0.001 minute/);
		expect(error.description).toContain('Generation → Wait for Completion');
		const [item] = await runAgents(env, { resource: 'video', operation: 'generate', prompt: 'a long shot', options: { maxWaitMinutes: 0.001 } }, { continueOnFail: true });
		expect(item.json).toMatchObject({ timed_out: true, type: 'video' });
	});

	test('Download Result off: the Generation without binary data', async () => {
		const [item] = await runAgents(env, imageGenerate('a quiet lake', { options: { downloadResult: false } }));
		expect(item.json.state).toBe('completed');
		expect(item.binary).toBeUndefined();
		expect(env.sim.agents.stats.requests['GET asset']).toBe(0);
	});
});

describe('uploads Luma does not accept', () => {
	test('a file moderation refuses fails the item before any create, naming the input', async () => {
		const big = Buffer.alloc(5 * 1024 * 1024);
		const png = pngItem().binary!.data;
		const data = Buffer.concat([Buffer.from(png.data, 'base64'), big]);
		const error = await runAgentsError(
			env,
			{ resource: 'image', operation: 'edit', prompt: 'x', sourceImage: { value: { source: 'binary', binaryProperty: 'data' } } },
			{ input: [{ json: {}, binary: { data: { data: data.toString('base64'), mimeType: 'image/png', fileName: `bad ${FILE_FAILURE_MARKER}.png` } } }] },
		);
		expect(error.message).toMatch(/^Source Image: Luma did not accept the uploaded file .*File was flagged by our content moderation system\./);
		expect(posts()).toBe(0);
	});
});

describe('cancellation', () => {
	test('a cancelled execution stops waiting at once: no look at the generation after the cancel', async () => {
		const result = await runAgentsWorkflow(env, { resource: 'video', operation: 'generate', prompt: 'a long shot' }, { cancelAfterMs: 150 });
		expect(result.output(NODE)).toHaveLength(0);
		expect(creates()).toBe(1);
		// The first look comes 600 ms (scaled) after the create: the cancel at 150 ms ended the wait before it.
		expect(env.sim.agents.stats.requests['GET /generations/{id}']).toBe(0);
	});
});
