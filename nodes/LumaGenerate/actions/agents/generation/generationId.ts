import type { INodeProperties } from 'n8n-workflow';

export function generationIdField(description: string): INodeProperties {
	return {
		displayName: 'Generation ID',
		name: 'generationId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 123e4567-e89b-12d3-a456-426614174000',
		description,
	};
}
