import type { IBinaryKeyData, IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { isNotFound } from '../shared/errors';
import { downloadGenerationAssets } from '../shared/generation/download';
import type { Generation, GenerationGroup } from '../shared/generation/generation';
import { getGeneration } from '../shared/generation/generation';
import { acknowledge, deliveryKey, DeliveryLog, queryToken, respond, secretsEqual } from '../shared/webhooks/guard';
import { secretTokenProblem } from './description';

/**
 * One `callback_url` call from Luma Labs. Luma posts the whole Generation on each state change
 * (dreaming, completed, failed), possibly several times per state, unsigned. So: the URL token
 * authenticates the caller, the API (by default) says what the generation really is, and a
 * bounded log of (id, state) lets each state through once.
 */

const GENERATION_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{7,63}$/;
const IMAGE_TYPES = new Set(['image', 'reframe_image']);

function generationTypeOf(generation: Generation): string {
	const request = (generation.request ?? {}) as IDataObject;
	const type = generation.generation_type ?? generation.type ?? request.generation_type ?? request.type;
	return typeof type === 'string' && type ? type : 'video';
}

function assetGroup(generation: Generation): GenerationGroup {
	if (IMAGE_TYPES.has(generationTypeOf(generation))) return 'image';
	return generation.assets?.video ? 'video' : generation.assets?.image ? 'image' : 'video';
}

export async function handleCallback(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const expectedToken = String(this.getNodeParameter('secretToken', '') ?? '');
	// A missing, short or public Secret Token refuses everything rather than accepting everything.
	if (secretTokenProblem(expectedToken) || !secretsEqual(queryToken(this), expectedToken)) {
		return respond(this, 401, { error: 'Unknown or missing token' });
	}

	const posted = (this.getBodyData() ?? {}) as Generation;
	const id = typeof posted.id === 'string' ? posted.id : '';
	if (!GENERATION_ID.test(id)) return respond(this, 400, { error: 'The body is not a Luma generation (no id)' });

	const options = this.getNodeParameter('options', {}) as IDataObject;
	const confirm = options.confirmWithApi !== false;
	let generation: Generation = posted;
	if (confirm) {
		try {
			generation = await getGeneration.call(this, id);
		} catch (error) {
			if (isNotFound(error)) return respond(this, 404, { error: 'Luma Labs does not know this generation' });
			this.logger.warn(`Luma generation callback could not be verified: ${(error as Error).message}`);
			return respond(this, 503, { error: 'Could not verify the generation with the Luma Labs API; try again' });
		}
		if (!generation || typeof generation !== 'object' || generation.id !== id) {
			return respond(this, 502, { error: 'The Luma Labs API answered with another generation' });
		}
	}

	const state = typeof generation.state === 'string' ? generation.state : '';
	const states = this.getNodeParameter('states', []) as string[];
	if (!states.includes(state)) return acknowledge({ reason: `state "${state}" not selected` });
	const types = this.getNodeParameter('generationTypes', []) as string[];
	const type = generationTypeOf(generation);
	if (types.length > 0 && !types.includes(type)) return acknowledge({ reason: `generation type "${type}" not selected` });

	// The state the API reports, not the posted one: a late "dreaming" call for a finished
	// generation counts as that finished state, so it is emitted once, whichever call comes first.
	const key = deliveryKey(id, state);
	const node = this.getNode();
	const log = new DeliveryLog(
		this.getWorkflowStaticData('node'),
		`lumaGenerateTrigger:${this.getWorkflow().id ?? ''}:${node.id}:${this.getMode()}`,
	);
	if (!log.claim(key)) return acknowledge({ reason: 'already emitted for this state' });

	const json: IDataObject = { ...generation, received_at: new Date().toISOString(), confirmed_with_api: confirm };
	let binary: IBinaryKeyData | undefined;
	let answered = false;
	if (options.downloadResult === true && state === 'completed') {
		// Luma gives a callback 5 s and retries on anything but 200: answer before the download.
		respond(this, 200, { received: true, emitted: true });
		answered = true;
		try {
			const binaryProperty = String(options.binaryPropertyName ?? '').trim() || 'data';
			binary = await downloadGenerationAssets.call(
				this,
				generation,
				assetGroup(generation),
				{ binaryProperty, thumbnailProperty: '' },
				0,
			);
		} catch (error) {
			// The generation still finished: emit it, say why the file is missing.
			json.download_error = (error as Error).message;
		}
	}
	log.commit(key);
	return {
		workflowData: [[binary ? { json, binary } : { json }]],
		...(answered ? { noWebhookResponse: true } : {}),
	};
}
