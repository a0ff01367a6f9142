/**
 * Generation lifecycle on scaled timers, served assets, on-demand failures, credits and the
 * synchronous image create.
 */
import { request } from 'undici';

import { ASSET_BYTES, DEFAULT_TIMINGS, FAILURE_REASONS } from './index';
import { client, startDreamMachine, waitForTerminal, type Client } from './testServer';

let sim: Awaited<ReturnType<typeof startDreamMachine>>;
const STEADY_TIMINGS = { video: { queuedMs: 15_000, dreamingMs: 30_000 }, image: { queuedMs: 15_000, dreamingMs: 15_000 } };
let api: Client;

// 0.01: a video spends 20 ms queued and 300 ms dreaming, long enough to observe each state.
beforeAll(async () => {
	// Phases long enough (≥ 150 ms scaled) that every state is observed even on a loaded 2-core machine.
	sim = await startDreamMachine({ timings: STEADY_TIMINGS }, 0.01);
	api = sim.api;
});
afterAll(() => sim.server.close());

/** Polls and records each distinct state until a terminal one. */
async function observeStates(id: string): Promise<{ states: string[]; snapshots: Record<string, any> }> {
	const states: string[] = [];
	const snapshots: Record<string, any> = {};
	for (let guard = 0; guard < 2000; guard++) {
		const { body } = await api.get(`/generations/${id}`);
		if (states[states.length - 1] !== body.state) {
			states.push(body.state);
			snapshots[body.state] = body;
		}
		if (body.state === 'completed' || body.state === 'failed') break;
		await new Promise((resolve) => setTimeout(resolve, 3));
	}
	return { states, snapshots };
}

async function download(url: string) {
	const response = await fetch(url);
	return {
		status: response.status,
		contentType: response.headers.get('content-type'),
		contentLength: response.headers.get('content-length'),
		bytes: Buffer.from(await response.arrayBuffer()),
	};
}

describe('lifecycle', () => {
	test('a video goes queued → dreaming → completed and exposes its assets on the way', async () => {
		const created = await api.post('/generations/video', { model: 'ray-2', prompt: 'a lighthouse in a storm' });
		const { states, snapshots } = await observeStates(created.body.id);
		expect(states).toEqual(['queued', 'dreaming', 'completed']);
		expect(snapshots.queued.assets).toBeNull();
		expect(snapshots.dreaming.assets).toEqual({ video: null, image: null, progress_video: expect.stringMatching(/_progress\.mp4$/) });

		const done = snapshots.completed;
		expect(done.failure_reason).toBeNull();
		const base = `${sim.server.baseUrl}/assets/${done.id}`;
		expect(done.assets).toEqual({ video: `${base}.mp4`, image: `${base}.jpg`, progress_video: `${base}_progress.mp4` });
	});

	test('an image completes (faster by default than a video), in the requested format', async () => {
		const image = { ...DEFAULT_TIMINGS.image };
		const video = { ...DEFAULT_TIMINGS.video };
		expect(image.queuedMs + image.dreamingMs).toBeLessThan(video.queuedMs + video.dreamingMs);
		const created = await api.post('/generations/image', { model: 'photon-1', prompt: 'a blue door', format: 'png' });
		const done = await waitForTerminal(api, created.body.id);
		expect(done.state).toBe('completed');
		expect(done.assets).toEqual({ video: null, image: `${sim.server.baseUrl}/assets/${done.id}.png` });
	});

	test('asset URLs follow the Host header of the request that reads them', async () => {
		const created = await api.post('/generations/image', { model: 'photon-flash-1', prompt: 'a quiet street' });
		await waitForTerminal(api, created.body.id);
		// fetch() may not set Host; undici's request() may, like a client behind a proxy would.
		const response = await request(`${sim.server.baseUrl}/generations/${created.body.id}`, {
			headers: { authorization: 'Bearer k', host: 'sim.example:8080' },
		});
		const body = (await response.body.json()) as any;
		expect(body.assets.image).toBe(`http://sim.example:8080/dream-machine/v1/assets/${created.body.id}.jpg`);
	});
});

describe('assets', () => {
	let videoId: string;
	let imageId: string;

	beforeAll(async () => {
		videoId = (await api.post('/generations/video', { model: 'ray-flash-2', prompt: 'waves on rocks' })).body.id;
		imageId = (await api.post('/generations/image', { model: 'photon-1', prompt: 'a paper crane', format: 'png' })).body.id;
		await Promise.all([waitForTerminal(api, videoId), waitForTerminal(api, imageId)]);
	});

	test('video, thumbnail and image download without auth, with real bytes and content types', async () => {
		const { body: video } = await api.get(`/generations/${videoId}`);
		const { body: image } = await api.get(`/generations/${imageId}`);
		const cases: Array<[string, string, Buffer]> = [
			[video.assets.video, 'video/mp4', ASSET_BYTES.mp4],
			[video.assets.progress_video, 'video/mp4', ASSET_BYTES.mp4],
			[video.assets.image, 'image/jpeg', ASSET_BYTES.jpg],
			[image.assets.image, 'image/png', ASSET_BYTES.png],
		];
		for (const [url, contentType, bytes] of cases) {
			const file = await download(url); // plain fetch: no Authorization header
			expect(file).toMatchObject({ status: 200, contentType, contentLength: String(bytes.length) });
			expect(file.bytes.equals(bytes)).toBe(true);
		}
	});

	test('the files are well-formed PNG, JPEG and MP4', () => {
		const png = ASSET_BYTES.png;
		expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
		expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
		expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([16, 9]);
		expect(png.subarray(-8, -4).toString('ascii')).toBe('IEND');

		const jpeg = ASSET_BYTES.jpg;
		expect(jpeg.subarray(0, 4).toString('hex')).toBe('ffd8ffe0');
		expect(jpeg.subarray(-2).toString('hex')).toBe('ffd9');
		const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
		expect([jpeg.readUInt16BE(sof + 5), jpeg.readUInt16BE(sof + 7)]).toEqual([16, 16]);

		// MP4: top-level boxes tile the file exactly.
		const mp4 = ASSET_BYTES.mp4;
		const boxes: string[] = [];
		for (let offset = 0; offset < mp4.length; offset += mp4.readUInt32BE(offset)) {
			boxes.push(mp4.subarray(offset + 4, offset + 8).toString('ascii'));
		}
		expect(boxes).toEqual(['ftyp', 'moov', 'mdat']);
		expect(mp4.indexOf('mvhd')).toBeGreaterThan(0);
	});

	test('assets that do not exist (yet) are 404', async () => {
		sim.simulator.configure({ timings: { image: { queuedMs: 60_000 } } });
		try {
			const queued = await api.post('/generations/image', { model: 'photon-1', prompt: 'not ready' });
			expect((await download(`${sim.server.baseUrl}/assets/${queued.body.id}.jpg`)).status).toBe(404);
			await api.delete(`/generations/${queued.body.id}`);
		} finally {
			sim.simulator.configure({ timings: { image: { queuedMs: STEADY_TIMINGS.image.queuedMs } } });
		}
		expect((await download(`${sim.server.baseUrl}/assets/${imageId}.jpg`)).status).toBe(404); // it is a png
		expect((await download(`${sim.server.baseUrl}/assets/${imageId}.mp4`)).status).toBe(404);
		expect((await download(`${sim.server.baseUrl}/assets/00000000-0000-4000-8000-000000000000.mp4`)).status).toBe(404);
	});
});

describe('failures on demand', () => {
	test('[moderation] in the prompt is refused at create with 400 and nothing is stored', async () => {
		const before = sim.simulator.generations.size;
		const response = await api.post('/generations/video', { model: 'ray-2', prompt: 'something [moderation] here' });
		expect(response).toMatchObject({ status: 400, body: { detail: 'Advanced prompt moderation failed' } });
		expect(sim.simulator.generations.size).toBe(before);
	});

	test.each([
		['[fail-frame-moderation]', FAILURE_REASONS.frameModeration, 'Frame moderation failed'],
		['[dispatch-fail]', FAILURE_REASONS.dispatch, 'Error dispatching job'],
		['[blacklisted]', FAILURE_REASONS.blacklistedWords, 'Contains blacklisted words'],
		['[prompt-fail]', FAILURE_REASONS.promptProcessing, 'Prompt processing failed'],
	])('%s fails the generation straight from queued', async (marker, reason, verbatim) => {
		expect(reason).toBe(verbatim);
		const created = await api.post('/generations/image', { model: 'photon-1', prompt: `a cat ${marker}` });
		expect(created.status).toBe(201);
		const { states, snapshots } = await observeStates(created.body.id);
		// Straight from queued: never dreaming. (Under load the short queued phase may pass between polls.)
		expect(states).not.toContain('dreaming');
		expect(states[states.length - 1]).toBe('failed');
		expect(snapshots.failed).toMatchObject({ state: 'failed', failure_reason: verbatim, assets: null });
	});

	test('[job-fail] fails after dreaming with "Job failed"', async () => {
		const created = await api.post('/generations/video', { model: 'ray-2', prompt: 'a dragon [job-fail]' });
		const { states, snapshots } = await observeStates(created.body.id);
		expect(states).toEqual(['queued', 'dreaming', 'failed']);
		expect(snapshots.failed.failure_reason).toBe('Job failed');
	});

	test('an unreachable input URL fails with "Failed to read user input frames"', async () => {
		const inputs = [
			['/generations/video', { model: 'ray-2', keyframes: { frame0: { type: 'image', url: 'https://unreachable.invalid/a.jpg' } } }],
			['/generations/image', { model: 'photon-1', prompt: 'with ref', image_ref: [{ url: 'http://cdn.unreachable.example/r.jpg' }] }],
			[
				'/generations/video/modify',
				{ generation_type: 'modify_video', model: 'ray-2', mode: 'adhere_1', media: { url: 'https://unreachable.invalid/v.mp4' } },
			],
		] as const;
		for (const [path, body] of inputs) {
			const created = await api.post(path, body);
			expect(created.status).toBe(201);
			const done = await waitForTerminal(api, created.body.id);
			expect(done).toMatchObject({ state: 'failed', failure_reason: 'Failed to read user input frames' });
		}
	});

	test('[create-500] stores and charges the generation but answers a plain-text 500', async () => {
		const before = sim.simulator.generations.size;
		const response = await api.post('/generations/image', { model: 'photon-1', prompt: 'ambiguous [create-500]' });
		expect(response.status).toBe(500);
		expect(response.body).toBe('Internal Server Error');
		expect(sim.simulator.generations.size).toBe(before + 1);
	});
});

describe('credits', () => {
	test('completed generations are charged, failed ones refunded', async () => {
		const credits = await startDreamMachine({ credits: 1000 }, 0.0005);
		try {
			const balance = async () => (await credits.api.get('/credits')).body.credit_balance;
			const ok = await credits.api.post('/generations/video', { model: 'ray-2', prompt: 'paid video', resolution: '720p', duration: '5s' });
			expect(await balance()).toBe(1000 - 102); // pre-charged at create
			await waitForTerminal(credits.api, ok.body.id);
			expect(await balance()).toBe(898);

			const failing = await credits.api.post('/generations/image', { model: 'photon-1', prompt: 'refund me [job-fail]' });
			expect(await balance()).toBeCloseTo(898 - 1.04, 6);
			await waitForTerminal(credits.api, failing.body.id);
			expect(await balance()).toBe(898);
		} finally {
			await credits.server.close();
		}
	});

	test('a create the balance cannot cover is refused (400 by default, 402 configurable)', async () => {
		const poor = await startDreamMachine({ credits: 50 });
		try {
			const refused = await poor.api.post('/generations/video', { model: 'ray-2', prompt: 'too expensive' });
			expect(refused).toMatchObject({ status: 400, body: { detail: 'Insufficient credits' } });
			expect(poor.simulator.generations.size).toBe(0);
			expect((await poor.api.post('/generations/video', { model: 'ray-flash-2', prompt: 'cheap', resolution: '540p' })).status).toBe(201);

			poor.simulator.configure({ insufficientCreditsStatus: 402, credits: 0 });
			const paymentRequired = await poor.api.post('/generations/image', { model: 'photon-1', prompt: 'no money left' });
			expect(paymentRequired).toMatchObject({ status: 402, body: { detail: 'Insufficient credits' } });
		} finally {
			await poor.server.close();
		}
	});
});

describe('synchronous image create', () => {
	test('sync: true holds the response until the image is completed', async () => {
		const response = await api.post('/generations/image', { model: 'photon-1', prompt: 'right away', sync: true });
		expect(response.status).toBe(201);
		expect(response.body.state).toBe('completed');
		expect(response.body.assets.image).toMatch(/\.jpg$/);
		expect(response.body.request).toMatchObject({ sync: true, sync_timeout: 60 });
	});

	test('sync returns a failed image as soon as it fails', async () => {
		const response = await api.post('/generations/image', { model: 'photon-1', prompt: 'nope [dispatch-fail]', sync: true });
		expect(response.status).toBe(201);
		expect(response.body).toMatchObject({ state: 'failed', failure_reason: 'Error dispatching job' });
	});

	test('when sync_timeout elapses first, the non-terminal generation is returned', async () => {
		// sync_timeout 1 s → 10 ms at this scale; the image needs 10 + 600 ms.
		sim.simulator.configure({ timings: { image: { dreamingMs: 60_000 } } });
		try {
			const response = await api.post('/generations/image', { model: 'photon-1', prompt: 'slow one', sync: true, sync_timeout: 1 });
			expect(response.status).toBe(201);
			expect(['queued', 'dreaming']).toContain(response.body.state);
			await api.delete(`/generations/${response.body.id}`);
		} finally {
			sim.simulator.configure({ timings: { image: { dreamingMs: STEADY_TIMINGS.image.dreamingMs } } });
		}
	});
});

describe('delete', () => {
	test('deleting a running generation stops it and frees its slot', async () => {
		sim.simulator.configure({ timings: { video: { queuedMs: 60_000 } } });
		try {
			const created = await api.post('/generations/video', { model: 'ray-2', prompt: 'cancel me' });
			expect(sim.simulator.stats.currentJobs.video).toBe(1);
			expect((await api.delete(`/generations/${created.body.id}`)).status).toBe(204);
			expect(sim.simulator.stats.currentJobs.video).toBe(0);
			expect((await client(sim.server.baseUrl).get(`/generations/${created.body.id}`)).status).toBe(404);
		} finally {
			sim.simulator.configure({ timings: { video: { queuedMs: STEADY_TIMINGS.video.queuedMs } } });
		}
	});
});
