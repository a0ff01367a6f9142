import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { createOperation } from '../../../engine/create';
import { generationIdField, RESOLUTIONS } from '../fields/media';
import { createOptionsCollection } from '../fields/options';
import { callbackUrlField, waitFields } from '../fields/waiting';
import { resolveKeyframe } from '../inputs/references';
import { withCallbackUrl } from '../inputs/validation';

const properties: INodeProperties[] = [
	generationIdField('Video Generation ID', 'The finished video generation to upscale; to chain nodes, drag the previous node\'s ID field here'),
	{
		displayName: 'Resolution',
		name: 'resolution',
		type: 'options',
		options: RESOLUTIONS,
		default: '1080p',
		description: 'Target resolution (up to 4K)',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [callbackUrlField],
	},
	...waitFields,
	createOptionsCollection('video'),
];

export const description = updateDisplayOptions({ show: { resource: ['video'], operation: ['upscale'] } }, properties);

/** POST /generations/{id}/upscale: Luma answers with a NEW generation (the upscaled video). */
async function build(this: IExecuteFunctions, itemIndex: number) {
	const generationId = this.getNodeParameter('generationId', itemIndex, '') as string;
	// Checked first (a free GET): Luma only upscales finished videos.
	const source = await resolveKeyframe.call(this, itemIndex, { source: 'generation', generationId }, 'Video', 'video');
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { resolution: this.getNodeParameter('resolution', itemIndex) };
	const id = source.type === 'generation' ? source.id : generationId;
	return { path: `/generations/${encodeURIComponent(id)}/upscale`, body: withCallbackUrl(this, itemIndex, body, additional) };
}

export const executeBatch = createOperation({ group: 'video', asset: 'video', build });
