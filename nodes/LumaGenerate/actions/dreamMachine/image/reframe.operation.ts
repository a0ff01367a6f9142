import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { createOperation } from '../../../engine/create';
import { aspectRatioField, IMAGE_FORMATS, sourceCollection } from '../fields/media';
import { modelFields, promptField } from '../fields/model';
import { createOptionsCollection } from '../fields/options';
import { callbackUrlField, waitFields } from '../fields/waiting';
import { resolveMediaUrl, singleSource } from '../inputs/references';
import { readGeometry, reframeGeometryOptions } from '../inputs/reframe';
import { checkPrompt, invalid, readModel, withCallbackUrl } from '../inputs/validation';

const properties: INodeProperties[] = [
	sourceCollection('Image', 'image', 'Image', { required: true, description: 'The image to reframe (up to 10 MB)' }),
	...modelFields('image'),
	aspectRatioField({ required: true, default: '9:16', description: 'The new aspect ratio; Luma paints in what is missing' }),
	promptField({ description: 'What to paint into the new area, 3 to 5000 characters (optional)' }),
	{
		displayName: 'Format',
		name: 'format',
		type: 'options',
		options: IMAGE_FORMATS,
		default: 'jpg',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [callbackUrlField, ...reframeGeometryOptions],
	},
	...waitFields,
	createOptionsCollection('image'),
];

export const description = updateDisplayOptions({ show: { resource: ['image'], operation: ['reframe'] } }, properties);

async function build(this: IExecuteFunctions, itemIndex: number) {
	const image = singleSource(this.getNodeParameter('image', itemIndex, {}));
	if (!image) throw invalid(this, itemIndex, 'Image is required');
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		generation_type: 'reframe_image',
		model: readModel(this, itemIndex),
		aspect_ratio: this.getNodeParameter('aspectRatio', itemIndex),
		format: this.getNodeParameter('format', itemIndex),
		media: { url: await resolveMediaUrl.call(this, itemIndex, image, 'Image', 'image') },
		...readGeometry(this, itemIndex, additional),
	};
	const prompt = checkPrompt(this, itemIndex, this.getNodeParameter('prompt', itemIndex, ''), { required: false });
	if (prompt !== undefined) body.prompt = prompt;
	return { path: '/generations/image/reframe', body: withCallbackUrl(this, itemIndex, body, additional) };
}

export const executeBatch = createOperation({ group: 'image', asset: 'image', build });
