import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkPixels } from './validation';

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

export const reframeGeometryOptions: INodeProperties[] = GEOMETRY.map(({ name, displayName, description }) => ({
	displayName,
	name,
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 0,
	description,
}));

/** The geometry fields the user added, as Luma's snake_case keys. */
export function readGeometry(ctx: IExecuteFunctions, itemIndex: number, additional: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const { name, displayName, key } of GEOMETRY) {
		const value = checkPixels(ctx, itemIndex, additional[name], displayName);
		if (value !== undefined) body[key] = value;
	}
	return body;
}
