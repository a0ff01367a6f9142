/**
 * The chained workflow a user builds: image → video from that image → extend → upscale → add audio,
 * every step taking the previous one with `{{ $json.id }}` and waiting by polling.
 */
import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { IDataObject } from 'n8n-workflow';

import { runWorkflow } from '../helpers/n8n';
import { ASSET_BYTES } from '../simulator/dream-machine';
import type { GenerateSim } from './helpers';
import { restoreTimings, startGenerateSim, useFastTimings } from './helpers';

let sim: GenerateSim;

beforeAll(async () => {
	sim = await startGenerateSim();
});
afterAll(async () => {
	await sim.close();
	restoreTimings();
});
beforeEach(() => useFastTimings());

const previous = '={{ $json.id }}';

test('image → video (keyframe = previous generation) → extend → upscale → add audio, with Poll', async () => {
	const result = await runWorkflow({
		nodes: [
			{ name: 'Image', type: 'lumaGenerate', parameters: { resource: 'image', operation: 'generate', prompt: 'a lighthouse on a cliff' } },
			{
				name: 'Animate',
				type: 'lumaGenerate',
				parameters: {
					resource: 'video',
					operation: 'generate',
					prompt: 'waves crash against the cliff',
					keyframes: { frame0: { source: 'generation', generationId: previous } },
				},
			},
			{ name: 'Extend', type: 'lumaGenerate', parameters: { resource: 'video', operation: 'extend', generationId: previous, prompt: 'night falls' } },
			{ name: 'Upscale', type: 'lumaGenerate', parameters: { resource: 'video', operation: 'upscale', generationId: previous, resolution: '4k' } },
			{
				name: 'Sound',
				type: 'lumaGenerate',
				parameters: {
					resource: 'video',
					operation: 'addAudio',
					generationId: previous,
					prompt: 'waves and wind',
					waitForCompletion: 'poll',
					options: { downloadResult: true },
				},
			},
		],
		credentials: sim.credentials(),
	});
	expect(result.error()).toBeUndefined();
	const json = (node: string) => result.output(node)[0].json as IDataObject & { id: string; request: IDataObject; assets: IDataObject };

	const image = json('Image');
	const animated = json('Animate');
	const extended = json('Extend');
	const upscaled = json('Upscale');
	const sound = result.output('Sound')[0];

	for (const step of [image, animated, extended, upscaled, sound.json]) expect(step.state).toBe('completed');
	expect(image.generation_type).toBe('image');
	// An image generation is passed to Luma as its image (Luma takes only videos as generation keyframes).
	expect(animated.request.keyframes).toEqual({ frame0: { type: 'image', url: image.assets.image }, frame1: null });
	expect(extended.request.keyframes).toEqual({ frame0: { type: 'generation', id: animated.id }, frame1: null });
	expect(upscaled.request).toMatchObject({ generation_type: 'upscale_video', resolution: '4k' });
	expect(sound.json.request).toMatchObject({ generation_type: 'add_audio', prompt: 'waves and wind' });

	const ids = [image.id, animated.id, extended.id, upscaled.id, sound.json.id];
	expect(new Set(ids).size).toBe(5);
	expect(sound.binary?.video.mimeType).toBe('video/mp4');
	expect(sound.binary?.video.fileName).toBe(`${String(sound.json.id)}.mp4`);
	expect(await Container.get(BinaryDataService).getAsBuffer(sound.binary!.video)).toEqual(ASSET_BYTES.mp4);
});
