import type { INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../../../../shared/types';
import * as deleteFile from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as upload from './upload.operation';

const operationPicker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['file'] } },
	options: [
		{ name: 'Delete', value: 'delete', action: 'Delete a file', description: 'Delete an uploaded file; new generations can no longer use it' },
		{ name: 'Get', value: 'get', action: 'Get a file', description: 'Get the state of one uploaded file by ID' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many files', description: 'List the uploaded files of the account, newest first' },
		{
			name: 'Upload',
			value: 'upload',
			action: 'Upload a file',
			description: 'Upload an image or video from binary data once, to use it in many generations by its file ID',
		},
	],
	default: 'upload',
};

export const file: ResourceModule = {
	operations: { delete: deleteFile, get, getMany, upload },
	description: [operationPicker, ...upload.description, ...get.description, ...getMany.description, ...deleteFile.description],
};
