import type { INodePropertyOptions } from 'n8n-workflow';

import type { ResourceModule } from '../../shared/types';
import { account } from './dreamMachine/account/Account.resource';
import { concept } from './dreamMachine/concept/Concept.resource';
import { generation } from './dreamMachine/generation/Generation.resource';
import { image } from './dreamMachine/image/Image.resource';
import { video } from './dreamMachine/video/Video.resource';

/**
 * Every resource of the Luma Generate node: the picker entry (what users see) and its module.
 * Adding a resource: one folder under actions/ and one line here.
 */
export const resources: Record<string, { option: INodePropertyOptions; module: ResourceModule }> = {
	video: {
		option: { name: 'Video', value: 'video', description: 'Generate, extend, interpolate, modify, reframe, upscale videos, add audio (Ray)' },
		module: video,
	},
	image: { option: { name: 'Image', value: 'image', description: 'Generate and reframe images (Photon)' }, module: image },
	generation: {
		option: { name: 'Generation', value: 'generation', description: 'Get, list, delete or wait for existing generations' },
		module: generation,
	},
	account: { option: { name: 'Account', value: 'account', description: 'Credit balance and connection check' }, module: account },
	concept: { option: { name: 'Concept', value: 'concept', description: 'Camera moves and styles for video generation' }, module: concept },
};

/** The Resource picker's options, in the order users see them. */
export const resourceOptions: INodePropertyOptions[] = Object.values(resources).map(({ option }) => option);

/** Every resource's operation picker and fields. */
export const resourceProperties = Object.values(resources).flatMap(({ module }) => module.description);
