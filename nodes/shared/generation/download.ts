import type { IBinaryData, IBinaryKeyData, IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { headerValue } from '../headers';
import type { LumaContext } from '../transport/context';
import { requestExternalUrl } from '../transport/externalUrl';
import type { Generation, GenerationGroup } from './generation';

/** What "Download Result" fetches for one item; read when the item runs, kept for a callback resume. */
export interface DownloadSettings extends IDataObject {
	/** Binary property of the main asset (`assets.video` or `assets.image`); '' = no download. */
	binaryProperty: string;
	/** Binary property of a video's thumbnail (`assets.image`); '' = not downloaded. */
	thumbnailProperty: string;
}

type PrepareBinaryData = IExecuteFunctions['helpers']['prepareBinaryData'];
export type DownloadContext = LumaContext & { helpers: { prepareBinaryData: PrepareBinaryData } };

const EXTENSION_MIME: Record<string, string> = {
	mp4: 'video/mp4',
	mov: 'video/quicktime',
	webm: 'video/webm',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
	webp: 'image/webp',
	// Ray 3.2's HDR export (Agents API) next to its MP4.
	exr: 'image/x-exr',
};

function extensionOf(url: string): string | undefined {
	try {
		const match = /\.([a-z0-9]{2,5})$/i.exec(new URL(url).pathname);
		return match?.[1].toLowerCase();
	} catch {
		return undefined;
	}
}

function extensionForMime(mime: string): string | undefined {
	return Object.entries(EXTENSION_MIME).find(([, type]) => type === mime)?.[0];
}

/**
 * Streams one file Luma handed out (a generation's output) into n8n binary data: asset URLs are
 * Luma's CDN or S3, not the API, so no credential is sent (`requestExternalUrl`), and the file is
 * piped straight into n8n's binary store instead of being buffered. Named `<fileBase>.<extension>`,
 * the extension from the answer's Content-Type, else the URL.
 */
export async function downloadToBinary(this: DownloadContext, url: string, fileBase: string, itemIndex: number): Promise<IBinaryData> {
	const response = await requestExternalUrl(this, { method: 'GET', url, encoding: 'stream' }, itemIndex);
	const headers = (response.headers ?? {}) as Record<string, unknown>;
	const contentType = headerValue(headers, 'content-type')?.split(';')[0].trim().toLowerCase();
	const urlExtension = extensionOf(url);
	const mimeType =
		contentType && contentType !== 'application/octet-stream'
			? contentType
			: (EXTENSION_MIME[urlExtension ?? ''] ?? 'application/octet-stream');
	const extension = extensionForMime(mimeType) ?? urlExtension ?? 'bin';
	return await this.helpers.prepareBinaryData(
		response.body as Parameters<PrepareBinaryData>[0],
		`${fileBase}.${extension === 'jpeg' ? 'jpg' : extension}`,
		mimeType,
	);
}

/** A Dream Machine generation's asset (and a video's thumbnail), one after the other. */
export async function downloadGenerationAssets(
	this: DownloadContext,
	generation: Generation,
	asset: GenerationGroup,
	settings: DownloadSettings,
	itemIndex: number,
): Promise<IBinaryKeyData | undefined> {
	if (!settings.binaryProperty) return undefined;
	const wanted: Array<{ property: string; url: string | null | undefined; suffix: string; label: string }> = [
		{ property: settings.binaryProperty, url: generation.assets?.[asset], suffix: '', label: asset },
	];
	if (asset === 'video' && settings.thumbnailProperty) {
		wanted.push({ property: settings.thumbnailProperty, url: generation.assets?.image, suffix: '_thumb', label: 'thumbnail' });
	}
	const binary: IBinaryKeyData = {};
	for (const { property, url, suffix, label } of wanted) {
		if (!url) {
			throw new NodeOperationError(this.getNode(), `Generation ${generation.id} has no ${label} to download`, {
				itemIndex,
				description: `Luma listed these assets: ${JSON.stringify(generation.assets ?? {})}`,
			});
		}
		binary[property] = await downloadToBinary.call(this, url, `${generation.id}${suffix}`, itemIndex);
	}
	return binary;
}
