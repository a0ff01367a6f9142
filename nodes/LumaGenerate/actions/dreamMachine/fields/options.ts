import type { INodeProperties } from 'n8n-workflow';

import { concurrencyOption, optionsCollection } from '../../../../shared/concurrency';
import type { GenerationGroup } from '../../../../shared/generation/generation';
import { callbackUrlField, waitFields, waitingOptions } from './waiting';

/** The Options collection of the operations that create or wait: waiting, download and concurrency. */

const maxConcurrentJobsOption: INodeProperties = {
	displayName: 'Max Concurrent Jobs',
	name: 'maxConcurrentJobs',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 0 },
	default: 0,
	description:
		"How many generations of this account may be queued or dreaming at once while this node waits for them; the next one starts as soon as one finishes. 0 uses the credential's plan (Build tier: 10 videos, 40 images).",
};

/** The shared Concurrency group plus "Max Concurrent Jobs" (a Dream Machine limit). */
export const generationConcurrencyOption: INodeProperties = {
	...concurrencyOption,
	options: [...(concurrencyOption.options as INodeProperties[]), maxConcurrentJobsOption],
};

/** Read by checkUrl (inputs/validation.ts) for every URL Luma must fetch or call. */
export const ALLOW_PRIVATE_URLS = 'allowPrivateNetworkUrls';

const allowPrivateUrlsOption: INodeProperties = {
	displayName: 'Allow Private Network URLs',
	name: ALLOW_PRIVATE_URLS,
	type: 'boolean',
	default: false,
	description:
		"Whether to send input and callback URLs that point at loopback, private or link-local addresses (localhost, 10.x, 192.168.x, 169.254.x…). Luma's servers cannot reach them: turn this on only when the credential points at a stand-in for Luma on your own network.",
};

/** The Options collection of a create operation. */
export function createOptionsCollection(asset: GenerationGroup, ownOptions: INodeProperties[] = []): INodeProperties {
	return optionsCollection([...ownOptions, allowPrivateUrlsOption, ...waitingOptions(asset)], generationConcurrencyOption);
}

/** The Options collection of Generation → Wait for Completion (no URLs: only waiting and downloads). */
export function waitOptionsCollection(): INodeProperties {
	return optionsCollection(waitingOptions('any'), generationConcurrencyOption);
}

/**
 * What an edit of a finished generation ends with (Add Audio, Upscale, Modify, Reframe): Additional
 * Fields holding the Callback URL (and the operation's own extras), the wait fields, and the create Options.
 */
export function editTailFields(asset: GenerationGroup, additional: INodeProperties[] = []): INodeProperties[] {
	return [
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [callbackUrlField, ...additional],
		},
		...waitFields,
		createOptionsCollection(asset),
	];
}
