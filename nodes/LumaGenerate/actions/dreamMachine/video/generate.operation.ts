import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { createOperation } from '../../../engine/create';
import { sourceValues } from '../fields/media';
import { modelFields, promptField } from '../fields/model';
import type { Keyframe, SourceValue } from '../inputs/references';
import { resolveKeyframe } from '../inputs/references';
import { buildVideoCreate, videoOutputFields } from './videoCreate';

const properties: INodeProperties[] = [
	...modelFields('video'),
	promptField({ description: 'What happens in the video, 3 to 5000 characters. Optional when a start or end image is given.' }),
	{
		displayName: 'Keyframes',
		name: 'keyframes',
		type: 'fixedCollection',
		placeholder: 'Add Keyframe',
		default: {},
		description:
			'Images the video starts and/or ends with (image-to-video). A previous image generation can be used by its ID.',
		options: [
			{ displayName: 'Start Frame', name: 'frame0', values: sourceValues('Image') },
			{ displayName: 'End Frame', name: 'frame1', values: sourceValues('Image') },
		],
	},
	...videoOutputFields({ loop: true }),
];

export const description = updateDisplayOptions({ show: { resource: ['video'], operation: ['generate'] } }, properties);

async function build(this: IExecuteFunctions, itemIndex: number) {
	const frames = this.getNodeParameter('keyframes', itemIndex, {}) as IDataObject;
	const keyframes: { frame0?: Keyframe; frame1?: Keyframe } = {};
	if (frames.frame0) keyframes.frame0 = await resolveKeyframe.call(this, itemIndex, frames.frame0 as SourceValue, 'Start Frame');
	if (frames.frame1) keyframes.frame1 = await resolveKeyframe.call(this, itemIndex, frames.frame1 as SourceValue, 'End Frame');
	return buildVideoCreate.call(this, itemIndex, keyframes);
}

export const executeBatch = createOperation({ group: 'video', asset: 'video', build });
