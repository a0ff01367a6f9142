import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { createOperation } from '../../../engine/create';
import { generationIdField } from '../fields/media';
import { promptField } from '../fields/model';
import { editTailFields } from '../fields/options';
import { requireFinishedVideo, videoGenerationSource } from '../inputs/references';
import { readPrompt, withCallbackUrl } from '../inputs/validation';

const properties: INodeProperties[] = [
	generationIdField('Video Generation ID', 'The finished video generation to add sound to; to chain nodes, drag the previous node\'s ID field here'),
	promptField({ placeholder: 'Waves crashing, distant seagulls', description: 'The sound to generate, 3 to 5000 characters (optional)' }),
	{
		displayName: 'Negative Prompt',
		name: 'negativePrompt',
		type: 'string',
		default: '',
		placeholder: 'music, voices',
		description: 'Sounds to avoid',
	},
	...editTailFields('video'),
];

export const description = updateDisplayOptions({ show: { resource: ['video'], operation: ['addAudio'] } }, properties);

/** POST /generations/{id}/audio: Luma answers with a NEW generation (the video with sound). */
async function build(this: IExecuteFunctions, itemIndex: number) {
	const video = videoGenerationSource(this, itemIndex);
	const fields: IDataObject = {};
	const prompt = readPrompt(this, itemIndex, { required: false });
	if (prompt !== undefined) fields.prompt = prompt;
	const negativePrompt = readPrompt(this, itemIndex, { required: false, name: 'negativePrompt', label: 'Negative Prompt' });
	if (negativePrompt !== undefined) fields.negative_prompt = negativePrompt;
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = withCallbackUrl(this, itemIndex, fields, additional);
	await requireFinishedVideo.call(this, itemIndex, video);
	return { path: `/generations/${encodeURIComponent(video.id)}/audio`, body };
}

export const executeBatch = createOperation({ group: 'video', asset: 'video', build });
