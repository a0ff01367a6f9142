import type { INodeProperties } from 'n8n-workflow';

/**
 * An image or video input of the Agents API operations. Every input takes a public URL, a previous
 * generation (chaining is `{{ $json.id }}`), a file uploaded with File → Upload, or a binary field
 * of the input item (Read File → Luma Generate needs no public URL).
 */

export type MediaKind = 'image' | 'video';

const PLACEHOLDER_ID = 'e.g. 123e4567-e89b-12d3-a456-426614174000';

function sourcePicker(kind: MediaKind): INodeProperties {
	const what = kind === 'image' ? 'image' : 'video';
	return {
		displayName: 'Source',
		name: 'source',
		type: 'options',
		options: [
			{
				name: 'Binary Field',
				value: 'binary',
				description: `${kind === 'image' ? 'An image' : 'A video'} file in the input item's binary data (e.g. from Read File); the node sends or uploads it`,
			},
			{ name: 'Previous Generation', value: 'generation', description: `The ID of a finished generation of this account (its ${what})` },
			{ name: 'Uploaded File', value: 'file', description: 'The ID of a file uploaded with File → Upload' },
			{ name: 'URL', value: 'url', description: `A public https:// link to the ${what}, which Luma downloads` },
		],
		default: 'url',
	};
}

/** The values of one input: where it comes from, and the one field that source needs. */
export function mediaValues(kind: MediaKind, extra: INodeProperties[] = []): INodeProperties[] {
	return [
		sourcePicker(kind),
		{
			displayName: 'URL',
			name: 'url',
			type: 'string',
			default: '',
			placeholder: kind === 'image' ? 'https://example.com/photo.jpg' : 'https://example.com/clip.mp4',
			description:
				kind === 'image'
					? 'JPEG, PNG, WebP or still GIF, up to 50 MB, on a public https:// address'
					: 'MP4, MOV or WebM on a public https:// address (the type is read from the file extension; MP4 when there is none)',
			displayOptions: { show: { source: ['url'] } },
		},
		{
			displayName: 'Generation ID',
			name: 'generationId',
			type: 'string',
			default: '',
			placeholder: PLACEHOLDER_ID,
			description: "A completed generation; to chain nodes, drag the previous node's ID field here",
			displayOptions: { show: { source: ['generation'] } },
		},
		{
			displayName: 'File ID',
			name: 'fileId',
			type: 'string',
			default: '',
			placeholder: PLACEHOLDER_ID,
			description: 'A file in the "ready" state (File → Upload waits for it)',
			displayOptions: { show: { source: ['file'] } },
		},
		{
			displayName: 'Input Binary Field',
			name: 'binaryProperty',
			type: 'string',
			default: 'data',
			hint: 'The name of the binary field of the input item that holds the file',
			displayOptions: { show: { source: ['binary'] } },
		},
		...extra,
	];
}

/** One input in a fixed collection whose single entry is `value`. */
export function mediaInput(displayName: string, name: string, kind: MediaKind, options: { required?: boolean; description?: string } = {}): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		placeholder: `Add ${displayName}`,
		default: {},
		required: options.required,
		description: options.description,
		options: [{ displayName, name: 'value', values: mediaValues(kind) }],
	};
}

/** A list of inputs (references, keyframes) in a fixed collection whose entries are `values`. */
export function mediaList(
	displayName: string,
	name: string,
	entryName: string,
	kind: MediaKind,
	{ description, extra = [] }: { description: string; extra?: INodeProperties[] },
): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: `Add ${entryName}`,
		default: {},
		description,
		options: [{ displayName: entryName, name: 'values', values: mediaValues(kind, extra) }],
	};
}
