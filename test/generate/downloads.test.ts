/**
 * "Download Result": the finished asset streamed into n8n binary data, with the right MIME type,
 * file name and bytes, whatever wait mode produced the generation.
 */
import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { IBinaryData, IDataObject } from 'n8n-workflow';

import { runWorkflow } from '../helpers/n8n';
import { startScriptedServer } from '../helpers/scriptedServer';
import { ASSET_BYTES } from '../simulator/dream-machine';
import type { GenerateSim } from './helpers';
import { generateNode, NODE, outputOf, restoreTimings, runGenerate, startGenerateSim, startWaitingWebhooks, useFastTimings } from './helpers';

let sim: GenerateSim;

beforeAll(async () => {
	sim = await startGenerateSim();
});
afterAll(async () => {
	await sim.close();
	restoreTimings();
});
beforeEach(() => useFastTimings());

async function bytesOf(binary: IBinaryData): Promise<Buffer> {
	return await Container.get(BinaryDataService).getAsBuffer(binary);
}

test('a video downloads into "video" (video/mp4) and its thumbnail into the chosen field', async () => {
	const [item] = await runGenerate(sim, {
		resource: 'video',
		operation: 'generate',
		prompt: 'a lighthouse in a storm',
		options: { downloadResult: true, thumbnailPropertyName: 'thumbnail' },
	});
	const id = String(item.json.id);
	expect(item.json.state).toBe('completed');
	expect(item.binary?.video).toMatchObject({ mimeType: 'video/mp4', fileName: `${id}.mp4`, fileExtension: 'mp4' });
	expect(await bytesOf(item.binary!.video)).toEqual(ASSET_BYTES.mp4);
	expect(item.binary?.thumbnail).toMatchObject({ mimeType: 'image/jpeg', fileName: `${id}_thumb.jpg` });
	expect(await bytesOf(item.binary!.thumbnail)).toEqual(ASSET_BYTES.jpg);
});

test('an image downloads into a custom field with its format (PNG)', async () => {
	const [item] = await runGenerate(sim, {
		resource: 'image',
		operation: 'generate',
		prompt: 'a watercolor fox',
		format: 'png',
		options: { downloadResult: true, binaryPropertyName: 'photo' },
	});
	expect(Object.keys(item.binary ?? {})).toEqual(['photo']);
	expect(item.binary!.photo).toMatchObject({ mimeType: 'image/png', fileName: `${String(item.json.id)}.png` });
	expect(await bytesOf(item.binary!.photo)).toEqual(ASSET_BYTES.png);
});

test('each of several items gets its own file', async () => {
	const items = await runGenerate(
		sim,
		{ resource: 'image', operation: 'generate', prompt: '={{ $json.prompt }}', options: { downloadResult: true } },
		{ input: [{ prompt: 'first picture' }, { prompt: 'second picture' }, { prompt: 'third picture' }] },
	);
	expect(items.map((item) => item.binary?.image.fileName)).toEqual(items.map((item) => `${String(item.json.id)}.jpg`));
	for (const item of items) expect(await bytesOf(item.binary!.image)).toEqual(ASSET_BYTES.jpg);
});

test('Wait for Completion downloads by generation type (no field name set)', async () => {
	const [queued] = await runGenerate(sim, { resource: 'image', operation: 'generate', prompt: 'a paper boat', waitForCompletion: 'none' });
	const [item] = await runGenerate(sim, {
		resource: 'generation',
		operation: 'waitForCompletion',
		generationId: queued.json.id,
		options: { downloadResult: true },
	});
	expect(item.binary?.image).toMatchObject({ mimeType: 'image/jpeg', fileName: `${String(queued.json.id)}.jpg` });
});

test('with callback waiting the file is downloaded when the execution resumes', async () => {
	const waiting = await startWaitingWebhooks();
	try {
		const credentials = sim.credentials();
		const run = await runWorkflow({
			nodes: [
				generateNode({
					resource: 'video',
					operation: 'generate',
					prompt: 'a lighthouse in a storm',
					waitForCompletion: 'callback',
					options: { downloadResult: true },
				} as IDataObject),
			],
			credentials,
			mode: 'webhook',
			additionalData: { executionId: 'download-callback', webhookWaitingBaseUrl: waiting.baseUrl },
		});
		waiting.register(run, 'download-callback', credentials);
		const [item] = outputOf(await waiting.resumed('download-callback'));
		expect(item.binary?.video).toMatchObject({ mimeType: 'video/mp4', fileName: `${String(item.json.id)}.mp4` });
		expect(await bytesOf(item.binary!.video)).toEqual(ASSET_BYTES.mp4);
		expect(run.output(NODE)[0].binary).toBeUndefined();
	} finally {
		await waiting.close();
	}
});

test('asset downloads never carry the API key (Luma CDN links are not the API)', async () => {
	const id = '123e4567-e89b-12d3-a456-426614174000';
	let baseUrl = '';
	const server = await startScriptedServer((arrival) =>
		arrival.path.startsWith('/assets/')
			? { headers: { 'content-type': 'video/mp4' }, body: 'fake video bytes' }
			: {
					body: {
						id,
						state: 'completed',
						failure_reason: null,
						generation_type: 'video',
						assets: { video: `${baseUrl}/assets/${id}.mp4` },
					},
				},
	);
	baseUrl = server.url;
	try {
		const [item] = await runGenerate(
			{ ...sim, credentials: () => ({ lumaLabsApi: { apiKey: 'secret-key', baseUrl: server.url, plan: 'build' } }) },
			{ resource: 'generation', operation: 'waitForCompletion', generationId: id, options: { downloadResult: true } },
		);
		expect(item.binary?.video.mimeType).toBe('video/mp4');
		const api = server.arrivals.find((arrival) => arrival.path === `/generations/${id}`);
		const asset = server.arrivals.find((arrival) => arrival.path.startsWith('/assets/'));
		expect(api?.headers.authorization).toBe('Bearer secret-key');
		expect(asset).toBeDefined();
		expect(asset!.headers.authorization).toBeUndefined();
		expect(JSON.stringify(asset!.headers)).not.toContain('secret-key');
	} finally {
		await server.close();
	}
});
