/**
 * Build-tier create limits per model family: creates per (scaled) minute and generations in
 * flight. Reads are never limited.
 */
import { startDreamMachine } from './testServer';

const video = (prompt = 'a video prompt') => ({ model: 'ray-2', prompt });
const image = (prompt = 'an image prompt') => ({ model: 'photon-1', prompt });
/** Jobs that stay in flight for the whole test (an hour of documented time in each phase). */
const longJobs = { timings: { queuedMs: 3_600_000, dreamingMs: 3_600_000 } };

describe('concurrency limit', () => {
	test('Build tier defaults: the 11th video and the 41st image in flight are refused', async () => {
		const sim = await startDreamMachine(longJobs, 0.001);
		try {
			for (let n = 0; n < 10; n++) expect((await sim.api.post('/generations/video', video())).status).toBe(201);
			const refused = await sim.api.post('/generations/video', video());
			expect(refused.status).toBe(429);
			expect(refused.body.detail).toMatch(/concurrent/i);
			expect(refused.headers.get('retry-after')).toBeNull(); // Luma documents no Retry-After

			for (let n = 0; n < 40; n++) expect((await sim.api.post('/generations/image', image())).status).toBe(201);
			const refusedImage = await sim.api.post('/generations/image', image());
			expect(refusedImage.status).toBe(429);
			expect(refusedImage.body.detail).toMatch(/concurrent/i);

			expect(sim.simulator.stats).toMatchObject({
				createsByGroup: { video: 10, image: 40 },
				currentJobs: { video: 10, image: 40 },
				maxConcurrentJobs: { video: 10, image: 40 },
				sent429: 2,
			});
		} finally {
			await sim.server.close();
		}
	});

	test('a slot frees when a generation finishes', async () => {
		// 5 ms queued + 150 ms dreaming per video at this scale.
		const sim = await startDreamMachine(
			{ limits: { video: { concurrent: 2 } }, timings: { video: { queuedMs: 1_000, dreamingMs: 30_000 } } },
			0.005,
		);
		try {
			const first = await sim.api.post('/generations/video', video());
			expect((await sim.api.post('/generations/video', video())).status).toBe(201);
			expect((await sim.api.post('/generations/video', video())).status).toBe(429);

			await until(async () => (await sim.api.get(`/generations/${first.body.id}`)).body.state === 'completed');
			expect((await sim.api.post('/generations/video', video())).status).toBe(201);
			expect(sim.simulator.stats.maxConcurrentJobs.video).toBe(2);
		} finally {
			await sim.server.close();
		}
	});

	test('modify, reframe, upscale and audio count as video; image reframe as image', async () => {
		const sim = await startDreamMachine({ limits: { video: { concurrent: 2 }, image: { concurrent: 1 } } }, 0.0005);
		try {
			const source = await sim.api.post('/generations/video', video());
			await until(async () => (await sim.api.get(`/generations/${source.body.id}`)).body.state === 'completed');
			sim.simulator.configure(longJobs);

			expect((await sim.api.post(`/generations/${source.body.id}/upscale`, {})).status).toBe(200);
			const modify = {
				generation_type: 'modify_video',
				model: 'ray-2',
				mode: 'flex_1',
				media: { url: 'https://example.com/v.mp4' },
			};
			expect((await sim.api.post('/generations/video/modify', modify)).status).toBe(201);
			expect((await sim.api.post(`/generations/${source.body.id}/audio`, {})).status).toBe(429);
			const reframeVideo = { ...modify, generation_type: 'reframe_video', aspect_ratio: '1:1' };
			expect((await sim.api.post('/generations/video/reframe', reframeVideo)).status).toBe(429);

			const reframeImage = {
				generation_type: 'reframe_image',
				model: 'photon-1',
				aspect_ratio: '1:1',
				media: { url: 'https://example.com/i.jpg' },
			};
			expect((await sim.api.post('/generations/image/reframe', reframeImage)).status).toBe(201);
			expect((await sim.api.post('/generations/image', image())).status).toBe(429);
			expect(sim.simulator.stats.currentJobs).toEqual({ video: 2, image: 1 });
		} finally {
			await sim.server.close();
		}
	});
});

describe('rate limit', () => {
	test('creates per minute are counted in a fixed, scaled window', async () => {
		// Window: 60 s × 0.01 = 600 ms.
		const sim = await startDreamMachine({ ...longJobs, limits: { video: { createsPerMinute: 3 } } }, 0.01);
		try {
			for (let n = 0; n < 3; n++) expect((await sim.api.post('/generations/video', video())).status).toBe(201);
			const refused = await sim.api.post('/generations/video', video());
			expect(refused.status).toBe(429);
			expect(refused.body.detail).toMatch(/rate limit/i);
			expect(refused.body.detail).not.toMatch(/concurrent/i);

			// The image family has its own budget.
			expect((await sim.api.post('/generations/image', image())).status).toBe(201);

			await new Promise((resolve) => setTimeout(resolve, 620));
			expect((await sim.api.post('/generations/video', video())).status).toBe(201);
			expect(sim.simulator.stats.sent429).toBe(1);
			expect(sim.simulator.stats.createsByGroup.video).toBe(4);
		} finally {
			await sim.server.close();
		}
	});

	test('refused and invalid creates do not use up the budget', async () => {
		const sim = await startDreamMachine({ ...longJobs, limits: { image: { createsPerMinute: 2 } } }, 0.01);
		try {
			expect((await sim.api.post('/generations/image', { model: 'photon-1' })).status).toBe(400);
			expect((await sim.api.post('/generations/image', image())).status).toBe(201);
			expect((await sim.api.post('/generations/image', image())).status).toBe(201);
			expect((await sim.api.post('/generations/image', image())).status).toBe(429);
			expect((await sim.api.post('/generations/image', image())).status).toBe(429);
			expect(sim.simulator.stats.createsByGroup.image).toBe(2);
		} finally {
			await sim.server.close();
		}
	});

	test('reads are never limited', async () => {
		const sim = await startDreamMachine({ ...longJobs, limits: { video: { createsPerMinute: 1, concurrent: 1 } } }, 0.01);
		try {
			const created = await sim.api.post('/generations/video', video());
			expect((await sim.api.post('/generations/video', video())).status).toBe(429);
			for (let n = 0; n < 30; n++) {
				expect((await sim.api.get(`/generations/${created.body.id}`)).status).toBe(200);
				expect((await sim.api.get('/generations?limit=10')).status).toBe(200);
			}
			expect(sim.simulator.stats.sent429).toBe(1);
		} finally {
			await sim.server.close();
		}
	});

	test('retryAfterHeader adds Retry-After and retry-after-ms to 429s', async () => {
		const sim = await startDreamMachine(
			{ ...longJobs, retryAfterHeader: true, limits: { video: { createsPerMinute: 1 } } },
			0.01,
		);
		try {
			expect((await sim.api.post('/generations/video', video())).status).toBe(201);
			const refused = await sim.api.post('/generations/video', video());
			expect(refused.status).toBe(429);
			// The window is 600 ms at this scale: whole seconds round up to 1.
			expect(refused.headers.get('retry-after')).toBe('1');
			const waitMs = Number(refused.headers.get('retry-after-ms'));
			expect(waitMs).toBeGreaterThan(300);
			expect(waitMs).toBeLessThanOrEqual(600);
		} finally {
			await sim.server.close();
		}
	});

	test('configure() changes limits at run time and resetStats() clears the counters', async () => {
		const sim = await startDreamMachine({ ...longJobs, limits: { image: { createsPerMinute: 1 } } }, 0.01);
		try {
			expect((await sim.api.post('/generations/image', image())).status).toBe(201);
			expect((await sim.api.post('/generations/image', image())).status).toBe(429);
			sim.simulator.configure({ limits: { image: { createsPerMinute: 5 } } });
			expect((await sim.api.post('/generations/image', image())).status).toBe(201);
			expect(sim.simulator.stats.sent429).toBe(1);

			sim.simulator.resetStats();
			expect(sim.simulator.stats).toMatchObject({
				createsByGroup: { video: 0, image: 0 },
				sent429: 0,
				currentJobs: { image: 2 },
				maxConcurrentJobs: { image: 2 },
			});
		} finally {
			await sim.server.close();
		}
	});
});

async function until(predicate: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await predicate())) {
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}
