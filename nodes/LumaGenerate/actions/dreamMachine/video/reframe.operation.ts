import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { createOperation } from '../../../engine/create';
import { aspectRatioField, sourceCollection } from '../fields/media';
import { modelFields, promptField } from '../fields/model';
import { editTailFields } from '../fields/options';
import { buildReframe, reframeGeometryOptions } from '../inputs/reframe';

const properties: INodeProperties[] = [
	sourceCollection('Video', 'video', 'Video', {
		required: true,
		urlPlaceholder: 'https://example.com/clip.mp4',
		description: 'The video to reframe (Ray 2: up to 10 s, Ray Flash 2: up to 30 s; 100 MB)',
	}),
	...modelFields('video'),
	aspectRatioField({ default: '9:16', description: 'The new aspect ratio; Luma paints in what is missing' }),
	promptField({ description: 'What to paint into the new area, 3 to 5000 characters (optional)' }),
	sourceCollection('First Frame', 'firstFrame', 'Image', { description: 'Optional first frame of the reframed video, to guide it' }),
	...editTailFields('video', reframeGeometryOptions),
];

export const description = updateDisplayOptions({ show: { resource: ['video'], operation: ['reframe'] } }, properties);

async function build(this: IExecuteFunctions, itemIndex: number) {
	return await buildReframe.call(this, itemIndex, 'video');
}

export const executeBatch = createOperation({ group: 'video', asset: 'video', build });
