import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { createOperation } from '../../../engine/create';
import { sourceCollection } from '../fields/media';
import { modelFields, promptField } from '../fields/model';
import { readSingleSource, resolveKeyframe } from '../inputs/references';
import { invalid } from '../inputs/validation';
import { buildVideoCreate, videoOutputFields } from './videoCreate';

const properties: INodeProperties[] = [
	sourceCollection('Start', 'start', 'Image', {
		required: true,
		description: 'Where the video starts: a finished video generation (its end) or an image',
	}),
	sourceCollection('End', 'end', 'Image', {
		required: true,
		description: 'Where the video ends: a finished video generation (its start) or an image',
	}),
	...modelFields('video'),
	promptField({ description: 'How to get from start to end, 3 to 5000 characters. Required unless one side is an image.' }),
	...videoOutputFields({ loop: false }),
];

export const description = updateDisplayOptions({ show: { resource: ['video'], operation: ['interpolate'] } }, properties);

/** Interpolate: frame0 and frame1 both set (two videos, or a video and an image, or two images). */
async function build(this: IExecuteFunctions, itemIndex: number) {
	const start = readSingleSource(this, itemIndex, 'start', 'Start');
	const end = readSingleSource(this, itemIndex, 'end', 'End');
	if (!start || !end) {
		throw invalid(this, itemIndex, `${start ? 'End' : 'Start'} is required: interpolation needs both a start and an end`);
	}
	return await buildVideoCreate.call(this, itemIndex, async () => ({
		frame0: await resolveKeyframe.call(this, itemIndex, start),
		frame1: await resolveKeyframe.call(this, itemIndex, end),
	}));
}

export const executeBatch = createOperation({ group: 'video', asset: 'video', build });
