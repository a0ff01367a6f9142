/**
 * The description of a test-only node type ("probe") that drives shared code through real n8n
 * execution: one main input and output, the given fields and credentials.
 */
import type { INodeCredentialDescription, INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

export function probeDescription(name: string, properties: INodeProperties[], credentials: INodeCredentialDescription[] = []): INodeTypeDescription {
	return {
		displayName: name,
		name,
		group: ['transform'],
		version: 1,
		description: 'test only',
		defaults: { name: 'Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials,
		properties,
	};
}
