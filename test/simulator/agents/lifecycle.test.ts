/**
 * Generation lifecycles: queued → processing → completed | failed on the scaled clock, outputs per
 * type behind presigned URLs that really download, expire (403 like S3) and are re-minted on every
 * GET, failure codes chosen by prompt markers or by bad inputs, balance and refunds.
 */
import { FAILURE_CODES, FAILURE_REASONS, OUTPUT_BYTES } from './index';
import { image, PNG_BASE64, startAgents, until, video, waitForTerminal, type AgentsHarness, type Client } from './testClient';

const open = { limits: { requestsPerMinute: 100_000, concurrentJobs: 100_000 } };

async function create(api: Client, body: unknown) {
	const response = await api.post('/generations', body);
	if (response.status !== 201) throw new Error(`create: ${response.status} ${JSON.stringify(response.body)}`);
	return response.body;
}

async function finished(api: Client, body: unknown) {
	return waitForTerminal(api, (await create(api, body)).id);
}

async function download(url: string) {
	const response = await fetch(url);
	return { status: response.status, type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) };
}

describe('lifecycle', () => {
	let h: AgentsHarness;
	beforeAll(async () => {
		// Output URLs live ten documented hours here (36 s), so downloads never race their expiry.
		h = await startAgents({ ...open, outputUrlTtlMs: 36_000_000 });
	});
	afterAll(() => h.close());

	test('a create answers 201 queued with no output; the job then processes and completes', async () => {
		h.sim.configure({ agents: { timings: { queuedMs: 1_000, processingMs: 3_600_000 } } });
		const created = await create(h.api, image());
		expect(created).toMatchObject({ state: 'queued', type: 'image', model: 'uni-1', failure_code: null, failure_reason: null, output: [] });
		expect(created.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
		await until(() => h.sim.agents.generations.get(created.id)?.state === 'processing');
		expect((await h.api.get(`/generations/${created.id}`)).body).toMatchObject({ state: 'processing', output: [] });

		h.sim.configure({ agents: { timings: { queuedMs: undefined, processingMs: undefined } } });
		const done = await finished(h.api, image());
		expect(done).toMatchObject({ state: 'completed', failure_code: null, failure_reason: null });
		expect(done.output).toEqual([{ type: 'image', url: expect.stringContaining('.png?') }]);
	});

	test('timings are per type: a video can still be processing when an image is done', async () => {
		h.sim.configure({ agents: { timings: { video: { processingMs: 3_600_000 } } } });
		try {
			const clip = await create(h.api, video());
			const picture = await finished(h.api, image());
			expect(picture.state).toBe('completed');
			expect((await h.api.get(`/generations/${clip.id}`)).body.state).not.toBe('completed');
		} finally {
			h.sim.configure({ agents: { timings: { video: {} } } });
		}
	});

	test('outputs per type are real files', async () => {
		const jpeg = await finished(h.api, image(undefined, { output_format: 'jpeg' }));
		expect(jpeg.output).toHaveLength(1);
		const jpegFile = await download(jpeg.output[0].url);
		expect(jpegFile).toMatchObject({ status: 200, type: 'image/jpeg' });
		expect(jpegFile.bytes.equals(OUTPUT_BYTES.jpg)).toBe(true);

		const clip = await finished(h.api, video({ video: { hdr: true, exr_export: true } }));
		expect(clip.output.map((output: { type: string }) => output.type)).toEqual(['video', 'exr']);
		const mp4 = await download(clip.output[0].url);
		expect(mp4).toMatchObject({ status: 200, type: 'video/mp4' });
		expect(mp4.bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
		const exr = await download(clip.output[1].url);
		expect(exr.type).toBe('image/x-exr');
		expect([...exr.bytes.subarray(0, 4)]).toEqual([0x76, 0x2f, 0x31, 0x01]);
		expect(exr.bytes.includes(Buffer.from('channels\0chlist\0'))).toBe(true);

		const plain = await finished(h.api, video());
		expect(plain.output).toEqual([{ type: 'video', url: expect.stringContaining('.mp4?') }]);
	});

	test('layering returns one PNG per layer with its metadata, background last', async () => {
		h.sim.configure({ agents: { layerCount: 4 } });
		try {
			const layered = await finished(h.api, { type: 'layering', model: 'uni-1', prompt: 'split the subject', source: { data: PNG_BASE64, media_type: 'image/png' }, layering: { resolution: '2k' } });
			expect(layered.output).toHaveLength(4);
			expect(layered.output.map((output: any) => output.layer.index)).toEqual([0, 1, 2, 3]);
			const background = layered.output[3].layer;
			expect(background).toMatchObject({ label: 'background', alpha_hint: 'none', bounds: { x: 0, y: 0, width: 2048, height: 1152, canvas_width: 2048, canvas_height: 1152 } });
			for (const { type, url, layer } of layered.output) {
				expect(type).toBe('image');
				expect(['soft', 'hard', 'none']).toContain(layer.alpha_hint);
				expect(layer.bounds.x + layer.bounds.width).toBeLessThanOrEqual(layer.bounds.canvas_width);
				expect(layer.bounds.y + layer.bounds.height).toBeLessThanOrEqual(layer.bounds.canvas_height);
				expect((await download(url)).bytes.equals(OUTPUT_BYTES.png)).toBe(true);
			}
		} finally {
			h.sim.configure({ agents: { layerCount: 3 } });
		}
	});

	test('unknown, malformed and other clients\' ids are all 404 Generation not found', async () => {
		for (const id of ['182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e', 'not-a-uuid', '%E0%A4%A']) {
			const response = await h.api.get(`/generations/${id}`);
			expect({ status: response.status, body: response.body }).toEqual({ status: 404, body: { detail: 'Generation not found' } });
		}
	});

	test.each(FAILURE_CODES.map((code) => [code]))('the [fail:%s] marker fails the job with that code', async (code) => {
		const failed = await finished(h.api, image(`a cat [fail:${code}]`));
		expect(failed).toMatchObject({ state: 'failed', failure_code: code, failure_reason: FAILURE_REASONS[code], output: [] });
		expect(h.sim.agents.stats.failedByCode[code]).toBeGreaterThanOrEqual(1);
	});

	test('inputs Luma cannot read fail during processing', async () => {
		const notAnImage = await finished(h.api, image(undefined, { image_ref: [{ data: Buffer.from('hello').toString('base64'), media_type: 'image/png' }] }));
		expect(notAnImage.failure_code).toBe('corrupt_input');
		const tiff = await finished(h.api, image(undefined, { image_ref: [{ data: PNG_BASE64, media_type: 'image/tiff' }] }));
		expect(tiff.failure_code).toBe('unsupported_format');
		// Input problems win over prompt markers.
		const both = await finished(h.api, image('[fail:rate_limited]', { image_ref: [{ data: Buffer.from('x').toString('base64'), media_type: 'image/png' }] }));
		expect(both.failure_code).toBe('corrupt_input');
	});

	test('[create-500] queues and charges the job but answers a plain 500', async () => {
		const before = h.sim.agents.stats.createsAccepted;
		const known = new Set(h.sim.agents.generations.keys());
		const response = await h.api.post('/generations', image('a ghost job [create-500]'));
		expect(response.status).toBe(500);
		expect(response.body).toBe('Internal Server Error');
		expect(h.sim.agents.stats.createsAccepted).toBe(before + 1);
		expect([...h.sim.agents.generations.keys()].filter((id) => !known.has(id))).toHaveLength(1);
	});
});

describe('presigned output URLs', () => {
	test('carry X-Amz-Expires=3600, are re-minted on every GET, and chain as inputs', async () => {
		const h = await startAgents(open);
		try {
			const done = await finished(h.api, image());
			const again = (await h.api.get(`/generations/${done.id}`)).body;
			const [first, second] = [new URL(done.output[0].url), new URL(again.output[0].url)];
			expect(first.searchParams.get('X-Amz-Expires')).toBe('3600');
			expect(first.searchParams.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
			expect(first.searchParams.get('X-Amz-Signature')).not.toBe(second.searchParams.get('X-Amz-Signature'));
			expect((await download(first.href)).status).toBe(200);
			expect((await download(second.href)).status).toBe(200);

			const tampered = new URL(first.href);
			tampered.searchParams.set('X-Amz-Signature', '0'.repeat(64));
			const denied = await fetch(tampered);
			expect(denied.status).toBe(403);
			expect(await denied.text()).toContain('<Code>SignatureDoesNotMatch</Code>');

			// The simulator's own URL is an input Luma can fetch (while it is valid).
			const edited = await finished(h.api, { ...image('make it night'), type: 'image_edit', source: { url: first.href } });
			expect(edited.state).toBe('completed');
		} finally {
			await h.close();
		}
	});

	test('expire after the configured (scaled) time with S3\'s 403', async () => {
		// 20 documented seconds at 0.001: 20 ms.
		const h = await startAgents({ ...open, outputUrlTtlMs: 20_000 });
		try {
			const done = await finished(h.api, image());
			const url = done.output[0].url;
			expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe('20');
			await new Promise((resolve) => setTimeout(resolve, 60));
			const expired = await fetch(url);
			expect(expired.status).toBe(403);
			expect(expired.headers.get('content-type')).toBe('application/xml');
			const text = await expired.text();
			expect(text).toContain('<Code>AccessDenied</Code>');
			expect(text).toContain('<Message>Request has expired</Message>');

			const edit = await h.api.post('/generations', { ...image(), type: 'image_edit', source: { url } });
			expect(edit).toMatchObject({ status: 422, body: { detail: 'source: failed to fetch URL (HTTP 403)' } });

			// A new GET signs a new URL (with an hour to live again, so a loaded machine cannot outrun it).
			h.sim.configure({ agents: { outputUrlTtlMs: 3_600_000 } });
			const fresh = (await h.api.get(`/generations/${done.id}`)).body.output[0].url;
			expect((await download(fresh)).status).toBe(200);
		} finally {
			await h.close();
		}
	});
});

describe('balance', () => {
	test('a create the balance cannot cover is 402; failures are refunded except budget_exhausted', async () => {
		// $0.10 pays for two uni-1 images ($0.0404 each) but not a third.
		const h = await startAgents({ ...open, balanceUsd: 0.1 });
		try {
			await finished(h.api, image());
			expect(h.sim.agents.balanceUsd()).toBeCloseTo(0.0596, 6);
			await finished(h.api, image('[fail:generation_failed]'));
			expect(h.sim.agents.balanceUsd()).toBeCloseTo(0.0596, 6);
			await finished(h.api, image('[fail:budget_exhausted]'));
			expect(h.sim.agents.balanceUsd()).toBeCloseTo(0.0192, 6);
			const refused = await h.api.post('/generations', image());
			expect(refused).toMatchObject({ status: 402, body: { detail: 'Insufficient credits. Please add credits to continue.' } });
			expect(refused.headers.get('x-ratelimit-limit')).toBeNull();

			h.sim.configure({ agents: { balanceUsd: 1 } });
			expect((await h.api.post('/generations', image())).status).toBe(201);
			// Video prices by resolution: a 1080p 10 s clip ($3.60) does not fit a $1 balance.
			expect((await h.api.post('/generations', video({ video: { resolution: '1080p', duration: '10s' } }))).status).toBe(402);
			expect((await h.api.post('/generations', video({ video: { resolution: '360p' } }))).status).toBe(201);
		} finally {
			await h.close();
		}
	});
});
