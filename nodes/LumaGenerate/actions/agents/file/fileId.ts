import type { INodeProperties } from 'n8n-workflow';

export function fileIdField(description: string): INodeProperties {
	return {
		displayName: 'File ID',
		name: 'fileId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 123e4567-e89b-12d3-a456-426614174000',
		description,
	};
}
