/**
 * Media for the Agents simulator: the output files behind the presigned URLs (the Dream Machine
 * module's real PNG/JPEG/MP4 plus a real OpenEXR file), and what Luma's ingest does with input bytes
 * (strict base64, format sniffing), so bad inputs fail the way they would at Luma.
 */
import { ASSET_BYTES, ASSET_CONTENT_TYPES } from '../dream-machine/media';

/** Accepted input formats: JPEG, PNG, WebP, still GIF (Agents FAQ); videos as Ray 3.2 ingests them. */
export const IMAGE_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
export const VIDEO_MIME_TYPES = ['video/mp4', 'video/quicktime', 'video/webm'] as const;

export type MediaKind = 'image' | 'video';

export function kindOfMimeType(mimeType: string): MediaKind | undefined {
	const family = mimeType.split('/')[0]?.trim().toLowerCase();
	return family === 'image' || family === 'video' ? family : undefined;
}

export function isSupportedMimeType(mimeType: string): boolean {
	const normalized = mimeType.split(';')[0].trim().toLowerCase();
	return (IMAGE_MIME_TYPES as readonly string[]).includes(normalized) || (VIDEO_MIME_TYPES as readonly string[]).includes(normalized);
}

/** What the bytes are, by their magic numbers; undefined when they are neither a known image nor a video. */
export function sniffKind(bytes: Buffer): MediaKind | undefined {
	const startsWith = (...signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
	if (startsWith(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image'; // PNG
	if (startsWith(0xff, 0xd8, 0xff)) return 'image'; // JPEG
	if (bytes.subarray(0, 4).toString('latin1') === 'GIF8') return 'image';
	if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image';
	if (bytes.subarray(4, 8).toString('latin1') === 'ftyp') return 'video'; // MP4 / QuickTime
	if (startsWith(0x1a, 0x45, 0xdf, 0xa3)) return 'video'; // WebM (Matroska)
	return undefined;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Strict standard base64 (no data: prefix, no whitespace), as Python's `b64decode(validate=True)`. */
export function decodeBase64(text: string): Buffer | undefined {
	if (text.length === 0 || !BASE64.test(text)) return undefined;
	return Buffer.from(text, 'base64');
}

// ---- OpenEXR -------------------------------------------------------------------------------------

function int32(value: number): Buffer {
	const buffer = Buffer.alloc(4);
	buffer.writeInt32LE(value);
	return buffer;
}

function float32(value: number): Buffer {
	const buffer = Buffer.alloc(4);
	buffer.writeFloatLE(value);
	return buffer;
}

/** IEEE 754 half precision of a value in [0, 1] (subnormals flushed to zero: fine for a test picture). */
function half(value: number): number {
	const bits = new Uint32Array(new Float32Array([value]).buffer)[0];
	const exponent = ((bits >>> 23) & 0xff) - 127 + 15;
	if (exponent <= 0) return 0;
	return (exponent << 10) | ((bits & 0x7fffff) >>> 13);
}

function attribute(name: string, type: string, value: Buffer): Buffer {
	return Buffer.concat([Buffer.from(`${name}\0${type}\0`, 'latin1'), int32(value.length), value]);
}

/**
 * A 16×9 scan-line OpenEXR file (https://openexr.com/en/latest/OpenEXRFileLayout.html): half-float
 * B, G, R channels, no compression, one scan line per chunk, the same gradient as the PNG.
 */
function buildExr(width = 16, height = 9): Buffer {
	const channels = ['B', 'G', 'R'];
	const channelList = Buffer.concat([
		...channels.map((name) =>
			Buffer.concat([Buffer.from(`${name}\0`, 'latin1'), int32(1 /* HALF */), Buffer.from([0, 0, 0, 0]), int32(1), int32(1)]),
		),
		Buffer.from([0]),
	]);
	const window = Buffer.concat([int32(0), int32(0), int32(width - 1), int32(height - 1)]);
	const header = Buffer.concat([
		Buffer.from([0x76, 0x2f, 0x31, 0x01]), // magic number 20000630
		int32(2), // version 2, single-part scan-line file
		attribute('channels', 'chlist', channelList),
		attribute('compression', 'compression', Buffer.from([0])),
		attribute('dataWindow', 'box2i', window),
		attribute('displayWindow', 'box2i', window),
		attribute('lineOrder', 'lineOrder', Buffer.from([0])),
		attribute('pixelAspectRatio', 'float', float32(1)),
		attribute('screenWindowCenter', 'v2f', Buffer.concat([float32(0), float32(0)])),
		attribute('screenWindowWidth', 'float', float32(1)),
		Buffer.from([0]),
	]);
	const lineBytes = width * channels.length * 2;
	const chunkSize = 8 + lineBytes;
	const offsets = Buffer.alloc(8 * height);
	const chunks: Buffer[] = [];
	for (let y = 0; y < height; y++) {
		offsets.writeBigUInt64LE(BigInt(header.length + offsets.length + y * chunkSize), y * 8);
		const pixels = Buffer.alloc(lineBytes);
		const value = { R: (x: number) => x / (width - 1), G: () => y / (height - 1), B: () => 160 / 255 };
		channels.forEach((name, channel) => {
			for (let x = 0; x < width; x++) {
				pixels.writeUInt16LE(half(value[name as keyof typeof value](x)), (channel * width + x) * 2);
			}
		});
		chunks.push(Buffer.concat([int32(y), int32(lineBytes), pixels]));
	}
	return Buffer.concat([header, offsets, ...chunks]);
}

export type OutputExtension = 'png' | 'jpg' | 'mp4' | 'exr';

export const OUTPUT_CONTENT_TYPES: Record<OutputExtension, string> = { ...ASSET_CONTENT_TYPES, exr: 'image/x-exr' };
export const OUTPUT_BYTES: Record<OutputExtension, Buffer> = { ...ASSET_BYTES, exr: buildExr() };
