import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { createOperation } from '../../../engine/create';
import { generationIdField, resolutionField, RESOLUTIONS } from '../fields/media';
import { editTailFields } from '../fields/options';
import { requireFinishedVideo, videoGenerationSource } from '../inputs/references';
import { readOpenOption, withCallbackUrl } from '../inputs/validation';

const properties: INodeProperties[] = [
	generationIdField('Video Generation ID', 'The finished video generation to upscale; to chain nodes, drag the previous node\'s ID field here'),
	resolutionField('1080p', 'Target resolution (up to 4K); an expression may give a newer resolution Luma documents'),
	...editTailFields('video'),
];

export const description = updateDisplayOptions({ show: { resource: ['video'], operation: ['upscale'] } }, properties);

/** POST /generations/{id}/upscale: Luma answers with a NEW generation (the upscaled video). */
async function build(this: IExecuteFunctions, itemIndex: number) {
	const video = videoGenerationSource(this, itemIndex);
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = withCallbackUrl(this, itemIndex, { resolution: readOpenOption(this, itemIndex, 'resolution', 'Resolution', RESOLUTIONS) }, additional);
	// Luma only upscales finished videos: checked with a free GET before the paid create.
	await requireFinishedVideo.call(this, itemIndex, video);
	return { path: `/generations/${encodeURIComponent(video.id)}/upscale`, body };
}

export const executeBatch = createOperation({ group: 'video', asset: 'video', build });
