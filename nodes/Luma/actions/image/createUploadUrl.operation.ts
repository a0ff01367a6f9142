import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { IMAGE_CONTENT_TYPES } from './imageContent';

const properties: INodeProperties[] = [
	{
		displayName: 'Content Type',
		name: 'contentType',
		type: 'options',
		options: IMAGE_CONTENT_TYPES,
		default: 'image/jpeg',
		description: 'Type of the image you will upload',
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['image'], operation: ['createUploadUrl'] } }, properties);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	return this.getNodeParameter('contentType', itemIndex) as string;
}

/**
 * POST /v1/images/create-upload-url → `{ upload_url, file_url }`. PUT the image to upload_url
 * (with the same Content-Type), then use file_url as an event cover. Upload does both steps.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, contentType: string) {
	return await lumaApiRequest(this, 'events', {
		method: 'POST',
		path: '/v1/images/create-upload-url',
		body: { content_type: contentType },
		itemIndex,
		// Hands out a fresh upload URL: a repeat leaves one unused URL behind, nothing else.
		idempotent: true,
	});
}
