/**
 * Tiny but real media files for the simulated asset URLs, built once and byte-for-byte
 * deterministic so tests can compare downloads. Written by hand (no image library) because the
 * simulator is a dev-only tool and must not pull dependencies into the package.
 */
import { crc32, deflateSync } from 'node:zlib';

function u32(value: number): Buffer {
	const buffer = Buffer.alloc(4);
	buffer.writeUInt32BE(value >>> 0);
	return buffer;
}

function u16(value: number): Buffer {
	const buffer = Buffer.alloc(2);
	buffer.writeUInt16BE(value);
	return buffer;
}

// ---- PNG ---------------------------------------------------------------------------------------

function pngChunk(type: string, data: Buffer): Buffer {
	const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	return Buffer.concat([u32(data.length), typeAndData, u32(crc32(typeAndData))]);
}

/** A 16×9 RGB PNG with a horizontal gradient (16:9, Luma's default aspect ratio). */
function buildPng(width = 16, height = 9): Buffer {
	const header = Buffer.concat([u32(width), u32(height), Buffer.from([8, 2, 0, 0, 0])]); // 8-bit RGB
	const rowLength = 1 + width * 3;
	const raw = Buffer.alloc(rowLength * height);
	for (let y = 0; y < height; y++) {
		raw[y * rowLength] = 0; // filter type: None
		for (let x = 0; x < width; x++) {
			const offset = y * rowLength + 1 + x * 3;
			raw[offset] = Math.round((x / (width - 1)) * 255);
			raw[offset + 1] = Math.round((y / (height - 1)) * 255);
			raw[offset + 2] = 160;
		}
	}
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		pngChunk('IHDR', header),
		pngChunk('IDAT', deflateSync(raw, { level: 9 })),
		pngChunk('IEND', Buffer.alloc(0)),
	]);
}

// ---- JPEG --------------------------------------------------------------------------------------

function jpegSegment(marker: number, payload: Buffer): Buffer {
	return Buffer.concat([Buffer.from([0xff, marker]), u16(payload.length + 2), payload]);
}

/** A Huffman table holding one symbol with the 1-bit code `0`. */
function singleSymbolHuffmanTable(tableClassAndId: number, symbol: number): Buffer {
	const codeCounts = Buffer.alloc(16);
	codeCounts[0] = 1;
	return jpegSegment(0xc4, Buffer.concat([Buffer.from([tableClassAndId]), codeCounts, Buffer.from([symbol])]));
}

/**
 * A 16×16 mid-grey baseline JPEG. Every 8×8 block of flat grey 128 has a zero DC difference
 * and no AC coefficients, so the entropy-coded data is just "DC category 0, end of block" per
 * block; one-symbol Huffman tables make each of those a single `0` bit.
 */
function buildJpeg(size = 16): Buffer {
	const blocks = (size / 8) * (size / 8);
	const bits = '00'.repeat(blocks);
	const padded = bits.padEnd(Math.ceil(bits.length / 8) * 8, '1'); // pad with 1-bits (T.81 F.1.2.3)
	const scan = Buffer.from(padded.match(/.{8}/g)!.map((byte) => Number.parseInt(byte, 2)));
	return Buffer.concat([
		Buffer.from([0xff, 0xd8]), // SOI
		jpegSegment(0xe0, Buffer.concat([Buffer.from('JFIF\0', 'ascii'), Buffer.from([1, 1, 0]), u16(1), u16(1), Buffer.from([0, 0])])),
		jpegSegment(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)])), // quantisation table 0: all ones
		jpegSegment(0xc0, Buffer.concat([Buffer.from([8]), u16(size), u16(size), Buffer.from([1, 1, 0x11, 0])])), // SOF0, greyscale
		singleSymbolHuffmanTable(0x00, 0x00), // DC table 0: category 0
		singleSymbolHuffmanTable(0x10, 0x00), // AC table 0: end of block
		jpegSegment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0])), // SOS
		scan,
		Buffer.from([0xff, 0xd9]), // EOI
	]);
}

// ---- MP4 ---------------------------------------------------------------------------------------

function box(type: string, ...payload: Buffer[]): Buffer {
	const body = Buffer.concat(payload);
	return Buffer.concat([u32(body.length + 8), Buffer.from(type, 'ascii'), body]);
}

/**
 * An ISO BMFF file with `ftyp`, a `moov` holding only the movie header (5 s at timescale 1000)
 * and an empty `mdat`. It has no tracks: enough for content sniffing and byte comparisons,
 * which is all a download path needs.
 */
function buildMp4(): Buffer {
	const identityMatrix = [0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000];
	const movieHeader = box(
		'mvhd',
		u32(0), // version 0, flags 0
		u32(0), // creation time
		u32(0), // modification time
		u32(1000), // timescale
		u32(5000), // duration: 5 s
		u32(0x00010000), // rate 1.0
		u16(0x0100), // volume 1.0
		Buffer.alloc(10), // reserved
		...identityMatrix.map(u32),
		Buffer.alloc(24), // pre_defined
		u32(1), // next track id
	);
	return Buffer.concat([
		box('ftyp', Buffer.from('isom', 'ascii'), u32(0x200), Buffer.from('isomiso2mp41', 'ascii')),
		box('moov', movieHeader),
		box('mdat'),
	]);
}

export type AssetExtension = 'mp4' | 'jpg' | 'png';

export const ASSET_CONTENT_TYPES: Record<AssetExtension, string> = {
	mp4: 'video/mp4',
	jpg: 'image/jpeg',
	png: 'image/png',
};

export const ASSET_BYTES: Record<AssetExtension, Buffer> = {
	mp4: buildMp4(),
	jpg: buildJpeg(),
	png: buildPng(),
};
