import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { createOperation } from '../../../engine/create';
import { aspectRatioField, DEFAULT_WEIGHTS, imageFormatField, sourceValues, WEIGHT_RANGE, weightField } from '../fields/media';
import { modelFields, promptField } from '../fields/model';
import { createOptionsCollection } from '../fields/options';
import { callbackUrlField, waitFields } from '../fields/waiting';
import type { CheckedSource } from '../inputs/references';
import { readManySources, readSingleSource, resolveMediaUrl } from '../inputs/references';
import { invalid, readModel, readNumber, readPrompt, withCallbackUrl } from '../inputs/validation';

/** Luma: "You can use up to 4 images as references"; also up to 4 images of one character. */
const MAX_REFERENCE_IMAGES = 4;
/** The transport gives up on a request after 60 s: a synchronous create must answer well before. */
const SYNC_TIMEOUT = { minValue: 1, maxValue: 50 };
const DEFAULT_SYNC_TIMEOUT_SECONDS = 30;

const properties: INodeProperties[] = [
	...modelFields('image'),
	promptField({ required: true, placeholder: 'A watercolor fox in a snowy forest', description: 'What to generate, 3 to 5000 characters' }),
	aspectRatioField(),
	imageFormatField,
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
					extra: [weightField(DEFAULT_WEIGHTS.imageReference, 'How closely to follow this image, from 0 (barely) to 1 (closely)')],
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
				values: sourceValues('Image', { extra: [weightField(DEFAULT_WEIGHTS.styleReference, 'How strongly to apply the style, from 0 to 1')] }),
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
							DEFAULT_WEIGHTS.modifyImage,
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
				typeOptions: SYNC_TIMEOUT,
				default: DEFAULT_SYNC_TIMEOUT_SECONDS,
				displayOptions: { show: { sync: [true] } },
				description: 'How long Luma may hold the answer; if the image is not ready by then, the node waits as set in Wait for Completion',
			},
		],
	},
	...waitFields,
	createOptionsCollection('image'),
];

export const description = updateDisplayOptions({ show: { resource: ['image'], operation: ['generate'] } }, properties);

/** A reference checked with its weight (the field's default when the entry has none); resolved last. */
interface WeightedReference {
	source: CheckedSource;
	weight: number;
}

function weighted(this: IExecuteFunctions, itemIndex: number, source: CheckedSource, defaultWeight: number): WeightedReference {
	const weight = source.entry.weight ?? defaultWeight;
	return { source, weight: readNumber(this, itemIndex, weight, `${source.label} Weight`, WEIGHT_RANGE) };
}

async function resolveWeighted(this: IExecuteFunctions, itemIndex: number, { source, weight }: WeightedReference) {
	return { url: await resolveMediaUrl.call(this, itemIndex, source, 'image'), weight };
}

function atMostFour(this: IExecuteFunctions, itemIndex: number, sources: CheckedSource[], label: string): CheckedSource[] {
	if (sources.length > MAX_REFERENCE_IMAGES) throw invalid(this, itemIndex, `${label}: Luma takes at most ${MAX_REFERENCE_IMAGES} images, got ${sources.length}`);
	return sources;
}

async function build(this: IExecuteFunctions, itemIndex: number) {
	const imageRefs = atMostFour.call(this, itemIndex, readManySources(this, itemIndex, 'imageReferences', 'Image Reference'), 'Image References');
	const references = imageRefs.map((ref) => weighted.call(this, itemIndex, ref, DEFAULT_WEIGHTS.imageReference));
	const styleSource = readSingleSource(this, itemIndex, 'styleReference', 'Style Reference');
	const style = styleSource && weighted.call(this, itemIndex, styleSource, DEFAULT_WEIGHTS.styleReference);
	const characterImages = atMostFour.call(this, itemIndex, readManySources(this, itemIndex, 'characterReference', 'Character Image'), 'Character Reference');
	const modifySource = readSingleSource(this, itemIndex, 'modifyImage', 'Image to Modify');
	const modify = modifySource && weighted.call(this, itemIndex, modifySource, DEFAULT_WEIGHTS.modifyImage);

	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const fields: IDataObject = {
		model: readModel(this, itemIndex, 'image'),
		prompt: readPrompt(this, itemIndex, { required: true }),
		aspect_ratio: this.getNodeParameter('aspectRatio', itemIndex),
		format: this.getNodeParameter('format', itemIndex),
	};
	if (additional.sync === true) {
		fields.sync = true;
		fields.sync_timeout = readNumber(this, itemIndex, additional.syncTimeout ?? DEFAULT_SYNC_TIMEOUT_SECONDS, 'Sync Timeout (Seconds)', SYNC_TIMEOUT);
	}
	const body = withCallbackUrl(this, itemIndex, fields, additional);

	// Every field is checked: now the previous generations may be looked up.
	if (references.length) {
		const resolved: IDataObject[] = [];
		for (const reference of references) resolved.push(await resolveWeighted.call(this, itemIndex, reference));
		body.image_ref = resolved;
	}
	if (style) body.style_ref = [await resolveWeighted.call(this, itemIndex, style)];
	if (characterImages.length) {
		const images: string[] = [];
		for (const image of characterImages) images.push(await resolveMediaUrl.call(this, itemIndex, image, 'image'));
		body.character_ref = { identity0: { images } };
	}
	if (modify) body.modify_image_ref = await resolveWeighted.call(this, itemIndex, modify);
	return { path: '/generations/image', body };
}

export const executeBatch = createOperation({ group: 'image', asset: 'image', build });
