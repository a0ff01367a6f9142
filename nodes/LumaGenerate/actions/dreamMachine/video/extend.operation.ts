import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { createOperation } from '../../../engine/create';
import { generationIdField } from '../fields/media';
import { modelFields, promptField } from '../fields/model';
import { requireFinishedVideo, videoGenerationSource } from '../inputs/references';
import { buildVideoCreate, videoOutputFields } from './videoCreate';

const properties: INodeProperties[] = [
	generationIdField('Video Generation ID', 'The finished video generation to continue; to chain nodes, drag the previous node\'s ID field here'),
	...modelFields('video'),
	promptField({ required: true, description: 'What happens next, 3 to 5000 characters' }),
	...videoOutputFields({ loop: true }),
];

export const description = updateDisplayOptions({ show: { resource: ['video'], operation: ['extend'] } }, properties);

/** Extend: the previous video is the start keyframe (`frame0: {type: 'generation'}`). */
async function build(this: IExecuteFunctions, itemIndex: number) {
	const video = videoGenerationSource(this, itemIndex);
	return await buildVideoCreate.call(this, itemIndex, async () => {
		await requireFinishedVideo.call(this, itemIndex, video);
		return { frame0: { type: 'generation', id: video.id } };
	});
}

export const executeBatch = createOperation({ group: 'video', asset: 'video', build });
