import type { ResourceModule } from '../../../shared/types';
import { operationPicker } from '../common/fields';
import * as createUploadUrl from './createUploadUrl.operation';
import * as search from './search.operation';
import * as upload from './upload.operation';

const picker = operationPicker(
	'image',
	[
		{
			name: 'Create Upload URL',
			value: 'createUploadUrl',
			action: 'Create an image upload URL',
			description:
				'Get a one-time URL to PUT an image to, and the Luma CDN address it will have (Upload does both steps for you)',
		},
		{
			name: 'Search',
			value: 'search',
			action: 'Search stock images',
			description: "Search Luma's stock cover images; their image_url can be used as an event cover",
		},
		{
			name: 'Upload',
			value: 'upload',
			action: 'Upload an image',
			description:
				"Upload a JPEG or PNG from the item's binary data to Luma's CDN; returns the file_url to use as an event cover_url",
		},
	],
	'upload',
);

export const image: ResourceModule = {
	operations: { createUploadUrl, search, upload },
	description: [picker, ...upload.description, ...createUploadUrl.description, ...search.description],
};
