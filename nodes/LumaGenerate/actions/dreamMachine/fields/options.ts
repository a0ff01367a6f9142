import type { INodeProperties } from 'n8n-workflow';

import { concurrencyOption, optionsCollection } from '../../../../shared/concurrency';
import type { GenerationGroup } from '../../../../shared/generation/generation';
import { waitingOptions } from './waiting';

/** The Options collection of the operations that create or wait: waiting, download and concurrency. */

const maxConcurrentJobsOption: INodeProperties = {
	displayName: 'Max Concurrent Jobs',
	name: 'maxConcurrentJobs',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 0,
	description:
		"How many generations of this account may be queued or dreaming at once while this node waits for them; the next one starts as soon as one finishes. 0 uses the credential's plan (Build tier: 10 videos, 40 images).",
};

/** The shared Concurrency group plus "Max Concurrent Jobs" (a Dream Machine limit). */
export const generationConcurrencyOption: INodeProperties = {
	...concurrencyOption,
	options: [...(concurrencyOption.options as INodeProperties[]), maxConcurrentJobsOption],
};

/** The Options collection of a create operation. */
export function createOptionsCollection(asset: GenerationGroup | 'any', ownOptions: INodeProperties[] = []): INodeProperties {
	return optionsCollection([...ownOptions, ...waitingOptions(asset)], generationConcurrencyOption);
}
