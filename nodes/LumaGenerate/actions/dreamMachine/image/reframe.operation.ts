import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { createOperation } from '../../../engine/create';
import { aspectRatioField, imageFormatField, sourceCollection } from '../fields/media';
import { modelFields, promptField } from '../fields/model';
import { editTailFields } from '../fields/options';
import { buildReframe, reframeGeometryOptions } from '../inputs/reframe';

const properties: INodeProperties[] = [
	sourceCollection('Image', 'image', 'Image', { required: true, description: 'The image to reframe (up to 10 MB)' }),
	...modelFields('image'),
	aspectRatioField({ default: '9:16', description: 'The new aspect ratio; Luma paints in what is missing' }),
	promptField({ description: 'What to paint into the new area, 3 to 5000 characters (optional)' }),
	imageFormatField,
	...editTailFields('image', reframeGeometryOptions),
];

export const description = updateDisplayOptions({ show: { resource: ['image'], operation: ['reframe'] } }, properties);

async function build(this: IExecuteFunctions, itemIndex: number) {
	return await buildReframe.call(this, itemIndex, 'image', { format: this.getNodeParameter('format', itemIndex) });
}

export const executeBatch = createOperation({ group: 'image', asset: 'image', build });
