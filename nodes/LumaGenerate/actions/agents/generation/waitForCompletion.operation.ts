import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getAgentsGeneration } from '../../../engine/agents/generation';
import { finalizeAgentsGeneration, readAgentsDownload } from '../../../engine/agents/outputs';
import { readMaxWaitMinutes } from '../../../engine/finalize';
import { agentsSchedule, pollJob } from '../../../engine/waiting';
import { waitOptions } from '../fields/options';
import { readUuid } from '../inputs/media';
import { generationIdField } from './generationId';

const properties: INodeProperties[] = [
	generationIdField(
		'A generation started elsewhere (Don\'t Wait, another workflow); to chain nodes, drag the previous node\'s ID field here',
	),
	waitOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['generation'], operation: ['waitForCompletion'] } }, properties);

/**
 * The second step of a two-step flow: polls a generation made elsewhere until it is final, then
 * outputs it as the create operations do (the same Generation, its files as binary data).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const id = readUuid(this, itemIndex, this.getNodeParameter('generationId', itemIndex), 'Generation ID', 'a Luma generation ID');
	const maxWaitMinutes = readMaxWaitMinutes.call(this, itemIndex);
	const deadline = Date.now() + maxWaitMinutes * 60_000;
	// The job has been running for a while already: no first wait, straight to the steady cadence.
	const result = await pollJob(this, id, {
		look: async (jobId) => await getAgentsGeneration(this, jobId, itemIndex),
		schedule: agentsSchedule(),
		deadline,
		itemIndex,
	});
	return await finalizeAgentsGeneration(this, result.generation, {
		itemIndex,
		download: readAgentsDownload(this, itemIndex, result.generation.type),
		continueOnFail: this.continueOnFail(),
		maxWaitMinutes,
		timedOut: result.outcome === 'timedOut',
	});
}
