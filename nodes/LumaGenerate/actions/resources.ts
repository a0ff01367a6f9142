import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { ResourceModule } from '../../shared/types';
import { file } from './agents/file/File.resource';
import { generation as agentsGeneration } from './agents/generation/Generation.resource';
import { image as agentsImage } from './agents/image/Image.resource';
import { video as agentsVideo } from './agents/video/Video.resource';
import { account } from './dreamMachine/account/Account.resource';
import { concept } from './dreamMachine/concept/Concept.resource';
import { generation } from './dreamMachine/generation/Generation.resource';
import { image } from './dreamMachine/image/Image.resource';
import { video } from './dreamMachine/video/Video.resource';

/**
 * Luma Generate speaks two Luma Labs APIs; which one is the credential the user picks (the
 * `authentication` parameter, n8n's pattern for nodes with several credential types). Both have
 * resources named video, image and generation, so every property of a resource also shows only for
 * its API: `forApi` adds `authentication: [<api>]` to each one's display rules, which leaves the
 * operation files as they are.
 * Adding a resource: one folder under actions/<api>/ and one line in its API's list here.
 */

export type GenerationApi = 'dreamMachineApi' | 'agentsApi';

export const AUTHENTICATION_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Luma Agents API (Ray 3.2, UNI-1)', value: 'agentsApi', description: "Luma's current models; keys from platform.lumalabs.ai" },
	{ name: 'Dream Machine API (Ray 2, Photon)', value: 'dreamMachineApi', description: "Luma's older API; keys from lumalabs.ai/api/keys" },
];

function forApi(api: GenerationApi, module: ResourceModule): ResourceModule {
	return {
		operations: module.operations,
		description: module.description.map((property) => ({
			...property,
			displayOptions: {
				...property.displayOptions,
				// First: n8n stops reading a rule at the first parameter set by an expression and shows the
				// field, so the API must be decided before (else the other API's required fields show up).
				show: { authentication: [api], ...property.displayOptions?.show },
			},
		})),
	};
}

export interface Resource {
	option: INodePropertyOptions;
	module: ResourceModule;
}

const DREAM_MACHINE: Record<string, Resource> = {
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

const AGENTS: Record<string, Resource> = {
	image: {
		option: { name: 'Image', value: 'image', description: 'Generate and edit images, split them into layers (UNI-1)' },
		module: agentsImage,
	},
	video: {
		option: { name: 'Video', value: 'video', description: 'Generate, edit and reframe videos (Ray 3.2)' },
		module: agentsVideo,
	},
	generation: {
		option: { name: 'Generation', value: 'generation', description: 'Get a generation, or wait for one started elsewhere' },
		module: agentsGeneration,
	},
	file: {
		option: { name: 'File', value: 'file', description: 'Upload images and videos once and use them in many generations' },
		module: file,
	},
};

/** Every resource of each API: the picker entry (what users see) and its module (as written, before `forApi`). */
export const resourcesByApi: Record<GenerationApi, Record<string, Resource>> = { dreamMachineApi: DREAM_MACHINE, agentsApi: AGENTS };
const BY_API = resourcesByApi;

function wrapped(api: GenerationApi): Record<string, ResourceModule> {
	return Object.fromEntries(Object.entries(BY_API[api]).map(([name, { module }]) => [name, forApi(api, module)]));
}

const WRAPPED: Record<GenerationApi, Record<string, ResourceModule>> = {
	dreamMachineApi: wrapped('dreamMachineApi'),
	agentsApi: wrapped('agentsApi'),
};

/** The resource modules of one API (what the router dispatches to), display rules included. */
export function modulesOf(api: GenerationApi): Record<string, ResourceModule> {
	return WRAPPED[api];
}

/** Each API's Resource picker options, in the order users see them. */
export const resourceOptionsByApi: Record<GenerationApi, INodePropertyOptions[]> = {
	dreamMachineApi: Object.values(DREAM_MACHINE).map(({ option }) => option),
	agentsApi: Object.values(AGENTS).map(({ option }) => option),
};

/** One Resource picker per API, each shown with its API. */
export const resourcePickers: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resourceOptionsByApi.agentsApi,
		default: 'image',
		displayOptions: { show: { authentication: ['agentsApi'] } },
	},
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resourceOptionsByApi.dreamMachineApi,
		default: 'video',
		displayOptions: { show: { authentication: ['dreamMachineApi'] } },
	},
];

/** Every resource's operation picker and fields, for both APIs. */
export const resourceProperties: INodeProperties[] = (['dreamMachineApi', 'agentsApi'] as const).flatMap((api) =>
	Object.values(WRAPPED[api]).flatMap((module) => module.description),
);
