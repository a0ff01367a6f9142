import type { INodePropertyOptions } from 'n8n-workflow';

/** The image types Luma's upload URLs accept (`content_type` enum). */
export const IMAGE_CONTENT_TYPES: INodePropertyOptions[] = [
	{ name: 'JPEG', value: 'image/jpeg' },
	{ name: 'PNG', value: 'image/png' },
];

/**
 * The type from the file's first bytes: the binary's declared MIME type is often generic
 * (application/octet-stream from an HTTP download) or wrong (a renamed file).
 */
export function sniffImageType(bytes: Buffer): 'image/png' | 'image/jpeg' | undefined {
	if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
		return 'image/png';
	}
	if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
	return undefined;
}
