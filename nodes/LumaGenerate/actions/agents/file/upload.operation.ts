import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../../shared/concurrency';
import { readUserId } from '../../../engine/agents/create';
import type { FileUpload } from '../../../engine/agents/files';
import { FILE_READY_TIMEOUT_MS, uploadFile, waitUntilReady } from '../../../engine/agents/files';
import { readBinaryFile } from '../inputs/media';


const properties: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the binary field of the input item that holds the image or video',
	},
	{
		displayName: 'Purpose',
		name: 'purpose',
		type: 'options',
		options: [
			{ name: 'Input', value: 'input', description: 'The main subject, e.g. the image or video to edit' },
			{ name: 'Reference', value: 'reference', description: 'Guidance for style or content' },
		],
		default: 'input',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Expires At',
				name: 'expiresAt',
				type: 'dateTime',
				default: '',
				description: 'From then on Luma may delete the file by itself',
			},
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				description: "The name Luma records; empty uses the binary data's file name",
			},
		],
	},
	optionsCollection([
		{
			displayName: 'Wait Until Ready',
			name: 'waitUntilReady',
			type: 'boolean',
			default: true,
			description: 'Whether to wait until Luma has checked the file and a generation can use it (state "ready")',
		},
		{
			displayName: 'User ID',
			name: 'userId',
			type: 'string',
			default: '',
			description: "Your end user's stable, opaque ID (no personal data), up to 256 characters; empty: a tag of this node and the item's position",
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['file'], operation: ['upload'] } }, properties);

/** What the upload sends, but its bytes (read when it is sent: see execute). */
interface PreparedUpload {
	property: string;
	upload: Omit<FileUpload, 'data'>;
	/** Options → Wait Until Ready. */
	wait: boolean;
}

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<PreparedUpload> {
	const binary = await readBinaryFile(this, itemIndex, this.getNodeParameter('binaryPropertyName', itemIndex), 'Input Binary Field', 'any');
	const extras = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const userId = readUserId(this, itemIndex);
	return {
		property: binary.property,
		upload: {
			mimeType: binary.mimeType,
			fileName: String(extras.fileName ?? '').trim() || binary.fileName,
			purpose: this.getNodeParameter('purpose', itemIndex) === 'reference' ? 'reference' : 'input',
			userId,
			expiresAt: extras.expiresAt ? new Date(String(extras.expiresAt)).toISOString() : undefined,
		},
		wait: this.getNodeParameter('options.waitUntilReady', itemIndex, true) !== false,
	};
}

export async function execute(this: IExecuteFunctions, itemIndex: number, { property, upload, wait }: PreparedUpload) {
	// Read here rather than in prepare: every item is prepared before the first is sent, and holding
	// the bytes would keep every item's file in memory at once.
	const data = await this.helpers.getBinaryDataBuffer(itemIndex, property);
	const file = await uploadFile(this, { ...upload, data }, itemIndex);
	if (!wait) return file;
	return await waitUntilReady(this, file, { deadline: Date.now() + FILE_READY_TIMEOUT_MS, itemIndex, label: 'Input Binary Field' });
}
