import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { createOperation } from '../../../engine/create';
import { sourceCollection } from '../fields/media';
import { modelFields, promptField } from '../fields/model';
import { editTailFields } from '../fields/options';
import { buildSourceEdit } from '../inputs/sourceEdit';

const MODES = [1, 2, 3].flatMap((level) => [
	{ kind: 'adhere', label: 'Adhere', meaning: 'stays very close to the source (subtle retexture or filter)' },
	{ kind: 'flex', label: 'Flex', meaning: 'keeps the shapes, characters and details somewhat' },
	{ kind: 'reimagine', label: 'Reimagine', meaning: 'follows the source loosely' },
].map(({ kind, label, meaning }) => ({ name: `${label} ${level}`, value: `${kind}_${level}`, description: `Output ${meaning}; ${level} = strength` })));

const properties: INodeProperties[] = [
	sourceCollection('Video', 'video', 'Video', {
		required: true,
		urlPlaceholder: 'https://example.com/clip.mp4',
		description: 'The video to modify (Ray 2: up to 10 s, Ray Flash 2: up to 15 s; 100 MB)',
	}),
	...modelFields('video'),
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		options: MODES.sort((a, b) => a.name.localeCompare(b.name)),
		default: 'flex_1',
		required: true,
		description: 'How closely the result follows the source video',
	},
	promptField({ description: 'How to change the video, 3 to 5000 characters (optional)' }),
	sourceCollection('First Frame', 'firstFrame', 'Image', {
		description: 'Optional (recommended) first frame of the modified video, to guide it',
	}),
	...editTailFields('video'),
];

export const description = updateDisplayOptions({ show: { resource: ['video'], operation: ['modify'] } }, properties);

async function build(this: IExecuteFunctions, itemIndex: number) {
	return await buildSourceEdit.call(this, itemIndex, 'video', '/generations/video/modify', {
		generation_type: 'modify_video',
		mode: this.getNodeParameter('mode', itemIndex),
	});
}

export const executeBatch = createOperation({ group: 'video', asset: 'video', build });
