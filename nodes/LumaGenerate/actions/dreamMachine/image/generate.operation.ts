import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { createOperation } from '../../../engine/create';
import { aspectRatioField, IMAGE_FORMATS, sourceValues, weightField } from '../fields/media';
import { modelFields, promptField } from '../fields/model';
import { createOptionsCollection } from '../fields/options';
import { callbackUrlField, waitFields } from '../fields/waiting';
import type { SourceValue } from '../inputs/references';
import { manySources, resolveMediaUrl, singleSource } from '../inputs/references';
import { checkPrompt, checkWeight, invalid, readModel, withCallbackUrl } from '../inputs/validation';

/** Luma: "You can use up to 4 images as references"; also up to 4 images of one character. */
const MAX_REFERENCE_IMAGES = 4;
/** The transport gives up on a request after 60 s: a synchronous create must answer well before. */
const MAX_SYNC_TIMEOUT_SECONDS = 50;

const properties: INodeProperties[] = [
	...modelFields('image'),
	promptField({ required: true, placeholder: 'A watercolor fox in a snowy forest', description: 'What to generate, 3 to 5000 characters' }),
	aspectRatioField(),
	{
		displayName: 'Format',
		name: 'format',
		type: 'options',
		options: IMAGE_FORMATS,
		default: 'jpg',
	},
	{
		displayName: 'Image References',
		name: 'imageReferences',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Image Reference',
		default: {},
		description: 'Up to 4 images whose content guides the result',
		options: [
			{
				displayName: 'Image Reference',
				name: 'values',
				values: sourceValues('Image', {
					extra: [weightField(0.85, 'How closely to follow this image, from 0 (barely) to 1 (closely)')],
				}),
			},
		],
	},
	{
		displayName: 'Style Reference',
		name: 'styleReference',
		type: 'fixedCollection',
		placeholder: 'Add Style Reference',
		default: {},
		description: 'An image whose style (colors, medium, look) the result takes on',
		options: [
			{
				displayName: 'Style Reference',
				name: 'value',
				values: sourceValues('Image', { extra: [weightField(0.8, 'How strongly to apply the style, from 0 to 1')] }),
			},
		],
	},
	{
		displayName: 'Character Reference',
		name: 'characterReference',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Character Image',
		default: {},
		description: 'Up to 4 images of the same person, to keep their identity in the result',
		options: [{ displayName: 'Character Image', name: 'values', values: sourceValues('Image') }],
	},
	{
		displayName: 'Modify Image',
		name: 'modifyImage',
		type: 'fixedCollection',
		placeholder: 'Add Image to Modify',
		default: {},
		description: 'An image to edit with the prompt instead of generating from scratch',
		options: [
			{
				displayName: 'Image to Modify',
				name: 'value',
				values: sourceValues('Image', {
					extra: [
						weightField(
							1,
							'Higher stays closer to the image; for color changes Luma suggests 0.0 to 0.1',
						),
					],
				}),
			},
		],
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			callbackUrlField,
			{
				displayName: 'Synchronous',
				name: 'sync',
				type: 'boolean',
				default: false,
				description: 'Whether Luma should answer only when the image is ready (or Sync Timeout has passed)',
			},
			{
				displayName: 'Sync Timeout (Seconds)',
				name: 'syncTimeout',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_SYNC_TIMEOUT_SECONDS },
				default: 30,
				displayOptions: { show: { sync: [true] } },
				description: 'How long Luma may hold the answer; if the image is not ready by then, the node waits as set in Wait for Completion',
			},
		],
	},
	...waitFields,
	createOptionsCollection('image'),
];

export const description = updateDisplayOptions({ show: { resource: ['image'], operation: ['generate'] } }, properties);

async function weightedReference(this: IExecuteFunctions, itemIndex: number, source: SourceValue, field: string, defaultWeight: number) {
	const url = await resolveMediaUrl.call(this, itemIndex, source, field, 'image');
	const weight = checkWeight(this, itemIndex, source.weight ?? defaultWeight, `${field} Weight`);
	return { url, weight };
}

async function build(this: IExecuteFunctions, itemIndex: number) {
	const body: IDataObject = {
		model: readModel(this, itemIndex),
		prompt: checkPrompt(this, itemIndex, this.getNodeParameter('prompt', itemIndex, ''), { required: true }),
		aspect_ratio: this.getNodeParameter('aspectRatio', itemIndex),
		format: this.getNodeParameter('format', itemIndex),
	};

	const imageRefs = manySources(this.getNodeParameter('imageReferences', itemIndex, {}));
	if (imageRefs.length > MAX_REFERENCE_IMAGES) {
		throw invalid(this, itemIndex, `Image References: Luma takes at most ${MAX_REFERENCE_IMAGES} images, got ${imageRefs.length}`);
	}
	if (imageRefs.length) {
		body.image_ref = [];
		for (const [index, ref] of imageRefs.entries()) {
			(body.image_ref as IDataObject[]).push(await weightedReference.call(this, itemIndex, ref, `Image Reference ${index + 1}`, 0.85));
		}
	}
	const style = singleSource(this.getNodeParameter('styleReference', itemIndex, {}));
	if (style) body.style_ref = [await weightedReference.call(this, itemIndex, style, 'Style Reference', 0.8)];

	const characterImages = manySources(this.getNodeParameter('characterReference', itemIndex, {}));
	if (characterImages.length > MAX_REFERENCE_IMAGES) {
		throw invalid(this, itemIndex, `Character Reference: Luma takes at most ${MAX_REFERENCE_IMAGES} images, got ${characterImages.length}`);
	}
	if (characterImages.length) {
		const images: string[] = [];
		for (const [index, image] of characterImages.entries()) {
			images.push(await resolveMediaUrl.call(this, itemIndex, image, `Character Image ${index + 1}`, 'image'));
		}
		body.character_ref = { identity0: { images } };
	}
	const modify = singleSource(this.getNodeParameter('modifyImage', itemIndex, {}));
	if (modify) body.modify_image_ref = await weightedReference.call(this, itemIndex, modify, 'Image to Modify', 1);

	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	if (additional.sync === true) {
		const timeout = Number(additional.syncTimeout ?? 30);
		if (!Number.isFinite(timeout) || timeout <= 0 || timeout > MAX_SYNC_TIMEOUT_SECONDS) {
			throw invalid(this, itemIndex, `Sync Timeout must be 1 to ${MAX_SYNC_TIMEOUT_SECONDS} seconds, got "${String(additional.syncTimeout)}"`);
		}
		body.sync = true;
		body.sync_timeout = timeout;
	}
	return { path: '/generations/image', body: withCallbackUrl(this, itemIndex, body, additional) };
}

export const executeBatch = createOperation({ group: 'image', asset: 'image', build });
