import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { MediaSlot } from '../../../engine/agents/media';
import { mediaList } from '../fields/media';
import { imageExtraFields } from '../fields/output';
import { countProblem, mangaProblem, throwProblem } from '../inputs/checks';
import { readMediaList } from '../inputs/common';

/** What Image → Generate and Image → Edit share: image references and the image extras. */

export function referencesField(max: number, why: string): INodeProperties {
	return mediaList('Image References', 'imageReferences', 'Image Reference', 'image', {
		description: `Up to ${max} images whose content or style guides the result${why}`,
	});
}

export const additionalFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: imageExtraFields,
};

/** Image references (Luma's `image_ref`), at most `max`. */
export async function readReferences(ctx: IExecuteFunctions, itemIndex: number, max: number, why: string): Promise<MediaSlot[]> {
	const { slots } = await readMediaList(
		ctx,
		itemIndex,
		'imageReferences',
		(index) => ['image_ref', index],
		(index) => ({ label: `Image Reference ${index + 1}`, accepts: 'image', purpose: 'reference' }),
	);
	throwProblem(ctx, itemIndex, countProblem('Image References', slots.length, max, why));
	return slots;
}

/** Style, output format and web search as Luma's fields; `aspectRatio` undefined when the type keeps the source's shape. */
export function readImageExtras(ctx: IExecuteFunctions, itemIndex: number, aspectRatio: string | undefined): IDataObject {
	const extras = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	throwProblem(ctx, itemIndex, mangaProblem(extras.style, aspectRatio));
	const body: IDataObject = {};
	if (extras.style === 'manga') body.style = 'manga';
	if (extras.outputFormat === 'png' || extras.outputFormat === 'jpeg') body.output_format = extras.outputFormat;
	if (extras.webSearch === true) body.web_search = true;
	return body;
}
