import { randomBytes } from 'crypto';

/**
 * A multipart/form-data body (RFC 7578) built by hand: n8n Cloud gives node code no FormData global
 * and the package takes no dependencies. Text fields first, then the one file part the Agents
 * Files API reads (`file`).
 */

export interface MultipartFile {
	data: Buffer;
	contentType: string;
	fileName: string;
}

/** Quotes and line breaks cannot stand in a header's quoted string; browsers percent-encode them too. */
function quoted(text: string): string {
	return text.replace(/\r\n|[\r\n]/g, ' ').replace(/"/g, '%22');
}

export function multipartBody(fields: Record<string, string | number | undefined>, file: MultipartFile): { body: Buffer; contentType: string } {
	let boundary: string;
	// A boundary must not occur in the content; with 24 random bytes that is a formality, checked anyway.
	do boundary = `----n8n-luma-${randomBytes(24).toString('hex')}`;
	while (file.data.includes(boundary));
	const parts: Buffer[] = [];
	for (const [name, value] of Object.entries(fields)) {
		if (value === undefined) continue;
		parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"\r\n\r\n${String(value)}\r\n`, 'utf8'));
	}
	parts.push(
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${quoted(file.fileName)}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
			'utf8',
		),
		file.data,
		Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
	);
	return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
