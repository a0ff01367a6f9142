import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest, requestExternalUrl } from '../../../shared/transport';
import { requireText } from '../common/inputs';
import { IMAGE_CONTENT_TYPES, sniffImageType } from './imageContent';

const properties: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the input binary field containing the image (JPEG or PNG)',
		description: 'The binary field of the input item that holds the image',
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['image'], operation: ['upload'] } }, properties);

const ACCEPTED = new Set(IMAGE_CONTENT_TYPES.map((option) => option.value as string));

interface ImageUpload {
	propertyName: string;
	contentType: string;
	fileName?: string;
}

/** The binary field, checked to hold a JPEG or PNG image, and the type it is sent as. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<ImageUpload> {
	const propertyName = requireText(this, itemIndex, this.getNodeParameter('binaryPropertyName', itemIndex), 'Input Binary Field');
	const binary = this.helpers.assertBinaryData(itemIndex, propertyName);
	const bytes = await this.helpers.getBinaryDataBuffer(itemIndex, propertyName);
	if (bytes.length === 0) {
		throw new NodeOperationError(this.getNode(), `The binary field "${propertyName}" is empty`, { itemIndex });
	}
	const declared = (binary.mimeType ?? '').toLowerCase().split(';')[0].trim();
	const contentType = sniffImageType(bytes) ?? (ACCEPTED.has(declared) ? declared : undefined);
	if (!contentType) {
		throw new NodeOperationError(
			this.getNode(),
			`The binary field "${propertyName}" is not a JPEG or PNG image (${declared || 'unknown type'})`,
			{ itemIndex, description: 'Luma accepts JPEG and PNG images only: convert the image first (e.g. with the Edit Image node).' },
		);
	}
	return { propertyName, contentType, fileName: binary.fileName };
}

/**
 * Uploads an image from the item's binary data to Luma's CDN: create-upload-url, then a PUT of the
 * bytes to the pre-signed upload_url. The PUT goes through the plain HTTP helper: the upload URL is
 * not Luma's API and must not receive the API key. Returns `{ file_url }`, usable as an event's
 * cover_url.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, { propertyName, contentType, fileName }: ImageUpload) {
	// Read again rather than kept from prepare: every item is prepared before the first is sent, and
	// holding the bytes would keep every item's image in memory at once.
	const bytes = await this.helpers.getBinaryDataBuffer(itemIndex, propertyName);
	const target = (await lumaApiRequest(this, 'events', {
		method: 'POST',
		path: '/v1/images/create-upload-url',
		body: { content_type: contentType },
		itemIndex,
		// Hands out a fresh upload URL: a repeat leaves one unused URL behind, nothing else.
		idempotent: true,
	})) as IDataObject;
	if (typeof target.upload_url !== 'string' || typeof target.file_url !== 'string') {
		throw new NodeOperationError(this.getNode(), 'Luma did not return an upload URL', { itemIndex });
	}
	await requestExternalUrl(
		this,
		{ method: 'PUT', url: target.upload_url, body: bytes, headers: { 'content-type': contentType }, json: false },
		itemIndex,
	);
	const result: IDataObject = { file_url: target.file_url, content_type: contentType, size: bytes.length };
	if (fileName) result.file_name = fileName;
	return result;
}
