import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { GenerationGroup } from '../../../../shared/generation/generation';
import type { CreateRequest } from '../../../engine/create';
import { readSingleSource, resolveMediaUrl } from './references';
import { invalid, readModel, readPrompt, withCallbackUrl } from './validation';

/**
 * Modify and both reframes change one source (`media`: the "Video" or "Image" field), videos with an
 * optional First Frame, under a model, an optional prompt and a callback URL; `ownFields` are the
 * route's own (mode, aspect ratio, geometry, format). Every field is read and checked before the
 * previous generations the inputs name are looked up.
 */
export async function buildSourceEdit(
	this: IExecuteFunctions,
	itemIndex: number,
	asset: GenerationGroup,
	path: string,
	ownFields: IDataObject,
): Promise<CreateRequest> {
	const label = asset === 'video' ? 'Video' : 'Image';
	const media = readSingleSource(this, itemIndex, asset, label);
	if (!media) throw invalid(this, itemIndex, `${label} is required`);
	const firstFrame = asset === 'video' ? readSingleSource(this, itemIndex, 'firstFrame', 'First Frame') : undefined;
	const prompt = readPrompt(this, itemIndex, { required: false });
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const fields: IDataObject = { model: readModel(this, itemIndex, asset), ...ownFields, ...(prompt === undefined ? {} : { prompt }) };
	const body = withCallbackUrl(this, itemIndex, fields, additional);
	body.media = { url: await resolveMediaUrl.call(this, itemIndex, media, asset) };
	if (firstFrame) body.first_frame = { url: await resolveMediaUrl.call(this, itemIndex, firstFrame, 'image') };
	return { path, body };
}
