import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { createOperation } from '../../../engine/create';
import { sourceValues } from '../fields/media';
import { modelFields, promptField } from '../fields/model';
import type { SourceValue } from '../inputs/references';
import { checkSource, resolveKeyframe } from '../inputs/references';
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
	const start = frames.frame0 ? checkSource(this, itemIndex, frames.frame0 as SourceValue, 'Start Frame', 'keyframes.frame0') : undefined;
	const end = frames.frame1 ? checkSource(this, itemIndex, frames.frame1 as SourceValue, 'End Frame', 'keyframes.frame1') : undefined;
	return await buildVideoCreate.call(this, itemIndex, async () => ({
		frame0: start && (await resolveKeyframe.call(this, itemIndex, start)),
		frame1: end && (await resolveKeyframe.call(this, itemIndex, end)),
	}));
}

export const executeBatch = createOperation({ group: 'video', asset: 'video', build });
