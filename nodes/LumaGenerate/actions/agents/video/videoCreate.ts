import type { IDataObject, INodeProperties } from 'n8n-workflow';

/** HDR and its EXR export: Video → Generate and Video → Edit take them (Ray 3.2 does not reframe in HDR). */
export const hdrFields: INodeProperties[] = [
	{
		displayName: 'HDR',
		name: 'hdr',
		type: 'boolean',
		default: false,
		description: 'Whether to render HDR video (720p or 1080p; the Luma account needs HDR access; costs twice as much)',
	},
	{
		displayName: 'EXR Export',
		name: 'exrExport',
		type: 'boolean',
		default: false,
		description: 'Whether to also export a 16-bit EXR next to the MP4 (needs HDR)',
	},
];

export function readHdr(extras: IDataObject): { hdr: boolean; exr: boolean } {
	return { hdr: extras.hdr === true, exr: extras.exrExport === true };
}
