import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { GenerationGroup } from '../../../../shared/generation/generation';
import { isEmpty } from '../../../../shared/validation/values';
import type { CreateRequest } from '../../../engine/create';
import { buildSourceEdit } from './sourceEdit';
import { readNumber } from './validation';

/**
 * Reframe (outpaint to a new aspect ratio) takes the same optional geometry for images and videos,
 * all in pixels: where the source sits in the new canvas, a crop, and a resize of the source.
 */
const GEOMETRY: Array<{ name: string; displayName: string; key: string; description: string }> = [
	{ name: 'gridPositionX', displayName: 'Grid Position X', key: 'grid_position_x', description: 'Horizontal position of the source in the new canvas, in pixels' },
	{ name: 'gridPositionY', displayName: 'Grid Position Y', key: 'grid_position_y', description: 'Vertical position of the source in the new canvas, in pixels' },
	{ name: 'xStart', displayName: 'Crop X Start', key: 'x_start', description: 'Left edge of the crop, in pixels' },
	{ name: 'xEnd', displayName: 'Crop X End', key: 'x_end', description: 'Right edge of the crop, in pixels' },
	{ name: 'yStart', displayName: 'Crop Y Start', key: 'y_start', description: 'Top edge of the crop, in pixels' },
	{ name: 'yEnd', displayName: 'Crop Y End', key: 'y_end', description: 'Bottom edge of the crop, in pixels' },
	{ name: 'resizedWidth', displayName: 'Resized Width', key: 'resized_width', description: 'Width to resize the source to, in pixels' },
	{ name: 'resizedHeight', displayName: 'Resized Height', key: 'resized_height', description: 'Height to resize the source to, in pixels' },
];

/** Luma takes the geometry as integers (OpenAPI `type: integer`). */
const PIXELS = { minValue: 0, numberPrecision: 0 };

export const reframeGeometryOptions: INodeProperties[] = GEOMETRY.map(({ name, displayName, description }) => ({
	displayName,
	name,
	type: 'number',
	typeOptions: PIXELS,
	default: 0,
	description,
}));

/** The geometry fields the user added, as Luma's snake_case keys. */
export function readGeometry(ctx: IExecuteFunctions, itemIndex: number, additional: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const { name, displayName, key } of GEOMETRY) {
		// An expression that gives nothing leaves the field out, as for every optional field.
		if (!isEmpty(additional[name])) body[key] = readNumber(ctx, itemIndex, additional[name], displayName, PIXELS);
	}
	return body;
}

/** POST /generations/{video|image}/reframe: the image's Format comes in `ownFields`. */
export async function buildReframe(this: IExecuteFunctions, itemIndex: number, asset: GenerationGroup, ownFields: IDataObject = {}): Promise<CreateRequest> {
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	return await buildSourceEdit.call(this, itemIndex, asset, `/generations/${asset}/reframe`, {
		generation_type: `reframe_${asset}`,
		aspect_ratio: this.getNodeParameter('aspectRatio', itemIndex),
		...ownFields,
		...readGeometry(this, itemIndex, additional),
	});
}
