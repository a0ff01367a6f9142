import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { GenerationGroup } from '../../../../shared/generation/generation';
import { getGeneration } from '../../../../shared/generation/generation';
import { finalizeGeneration, readDownloadSettings, readMaxWaitMinutes } from '../../../engine/finalize';
import { pollUntilFinal } from '../../../engine/waiting';
import { generationIdField } from '../fields/media';
import { waitOptionsCollection } from '../fields/options';
import { checkGenerationId } from '../inputs/validation';

const properties: INodeProperties[] = [
	generationIdField(
		'Generation ID',
		'A generation started elsewhere (another workflow, "Don\'t Wait", the Luma app); to chain nodes, drag the previous node\'s ID field here',
	),
	waitOptionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['generation'], operation: ['waitForCompletion'] } },
	properties,
);

/** Polls a generation made elsewhere until it is final; output as for the create operations. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const id = checkGenerationId(this, itemIndex, this.getNodeParameter('generationId', itemIndex), 'Generation ID', 'generationId');
	const maxWaitMinutes = readMaxWaitMinutes.call(this, itemIndex);
	const deadline = Date.now() + maxWaitMinutes * 60_000;
	const known = await getGeneration.call(this, id, itemIndex);
	const asset: GenerationGroup = known.generation_type === 'image' ? 'image' : 'video';
	const result = await pollUntilFinal.call(this, id, { group: asset, deadline, itemIndex, known });
	return await finalizeGeneration.call(this, result.generation, {
		itemIndex,
		asset,
		download: readDownloadSettings.call(this, itemIndex, asset),
		continueOnFail: this.continueOnFail(),
		maxWaitMinutes,
		timedOut: result.outcome === 'timedOut',
	});
}
