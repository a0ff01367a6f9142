import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { createOperation } from '../../../engine/create';
import { aspectRatioField, sourceCollection } from '../fields/media';
import { modelFields, promptField } from '../fields/model';
import { createOptionsCollection } from '../fields/options';
import { callbackUrlField, waitFields } from '../fields/waiting';
import { resolveMediaUrl, singleSource } from '../inputs/references';
import { readGeometry, reframeGeometryOptions } from '../inputs/reframe';
import { checkPrompt, invalid, readModel, withCallbackUrl } from '../inputs/validation';

const properties: INodeProperties[] = [
	sourceCollection('Video', 'video', 'Video', {
		required: true,
		urlPlaceholder: 'https://example.com/clip.mp4',
		description: 'The video to reframe (Ray 2: up to 10 s, Ray Flash 2: up to 30 s; 100 MB)',
	}),
	...modelFields('video'),
	aspectRatioField({ required: true, default: '9:16', description: 'The new aspect ratio; Luma paints in what is missing' }),
	promptField({ description: 'What to paint into the new area, 3 to 5000 characters (optional)' }),
	sourceCollection('First Frame', 'firstFrame', 'Image', { description: 'Optional first frame of the reframed video, to guide it' }),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [callbackUrlField, ...reframeGeometryOptions],
	},
	...waitFields,
	createOptionsCollection('video'),
];

export const description = updateDisplayOptions({ show: { resource: ['video'], operation: ['reframe'] } }, properties);

async function build(this: IExecuteFunctions, itemIndex: number) {
	const video = singleSource(this.getNodeParameter('video', itemIndex, {}));
	if (!video) throw invalid(this, itemIndex, 'Video is required');
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		generation_type: 'reframe_video',
		model: readModel(this, itemIndex),
		aspect_ratio: this.getNodeParameter('aspectRatio', itemIndex),
		media: { url: await resolveMediaUrl.call(this, itemIndex, video, 'Video', 'video') },
		...readGeometry(this, itemIndex, additional),
	};
	const prompt = checkPrompt(this, itemIndex, this.getNodeParameter('prompt', itemIndex, ''), { required: false });
	if (prompt !== undefined) body.prompt = prompt;
	const firstFrame = singleSource(this.getNodeParameter('firstFrame', itemIndex, {}));
	if (firstFrame) body.first_frame = { url: await resolveMediaUrl.call(this, itemIndex, firstFrame, 'First Frame', 'image') };
	return { path: '/generations/video/reframe', body: withCallbackUrl(this, itemIndex, body, additional) };
}

export const executeBatch = createOperation({ group: 'video', asset: 'video', build });
