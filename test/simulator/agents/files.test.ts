/**
 * The Files API: multipart and presigned uploads, ingest to ready/failed, listing with cursors and
 * filters, soft deletes, and files as `file_id` inputs of generations.
 */
import { FILE_FAILURE_MARKER, OUTPUT_BYTES } from './index';
import { agentsClient, image, KEY, send, startAgents, until, video, waitForTerminal, type AgentsHarness } from './testClient';

let h: AgentsHarness;

beforeAll(async () => {
	// Upload URLs live ten documented hours (36 s here) unless a test shortens them.
	h = await startAgents({ uploadUrlTtlMs: 36_000_000, limits: { requestsPerMinute: 100_000, concurrentJobs: 100_000 }, keys: { [KEY]: {}, 'luma-api-other': { client: 'other' } } });
});
afterAll(() => h.close());

function form(fields: Record<string, string>, file?: { bytes: Buffer; type: string; name: string }): FormData {
	const body = new FormData();
	for (const [key, value] of Object.entries(fields)) body.append(key, value);
	if (file) body.append('file', new Blob([file.bytes], { type: file.type }), file.name);
	return body;
}

async function uploadInline(bytes: Buffer, mimeType: string, extra: Record<string, string> = {}) {
	const response = await send(h.sim.agentsUrl, 'POST', '/files', {
		body: form({ mime_type: mimeType, size_bytes: String(bytes.length), ...extra }, { bytes, type: mimeType, name: extra.filename ?? 'input.bin' }),
	});
	if (response.status !== 201) throw new Error(`upload: ${response.status} ${JSON.stringify(response.body)}`);
	return response.body;
}

/** Polls the file until ingest has decided. */
async function settled(id: string) {
	const deadline = Date.now() + 5_000;
	for (;;) {
		const file = (await h.api.get(`/files/${id}`)).body;
		if (file.state !== 'pending') return file;
		if (Date.now() > deadline) throw new Error(`file ${id} still pending`);
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

async function readyFile(bytes = OUTPUT_BYTES.png, mimeType = 'image/png') {
	const created = await uploadInline(bytes, mimeType);
	const file = await settled(created.id);
	expect(file.state).toBe('ready');
	return file;
}

describe('multipart upload', () => {
	test('the bytes ride in the file part; the file turns ready and works as file_id', async () => {
		const created = await uploadInline(OUTPUT_BYTES.png, 'image/png', { filename: 'cat.png', purpose: 'reference', user_id: 'end-user-7' });
		expect(created).toMatchObject({ state: 'pending', upload: null, file: { id: created.id, state: 'pending', mime_type: 'image/png', size_bytes: OUTPUT_BYTES.png.length, purpose: 'reference', filename: 'cat.png', user_id: 'end-user-7' } });
		const file = await settled(created.id);
		expect(file).toMatchObject({ state: 'ready', failure_reason: null, deleted_at: null });

		const edit = await h.api.post('/generations', { ...image('in watercolour'), type: 'image_edit', source: { file_id: file.id }, image_ref: [{ file_id: file.id }] });
		expect(edit.status).toBe(201);
		expect((await waitForTerminal(h.api, edit.body.id)).state).toBe('completed');
	});

	test('purpose defaults to input; the part name is the filename when none is given', async () => {
		const body = form({ mime_type: 'image/png', size_bytes: String(OUTPUT_BYTES.png.length) }, { bytes: OUTPUT_BYTES.png, type: 'image/png', name: 'part-name.png' });
		const created = await send(h.sim.agentsUrl, 'POST', '/files', { body });
		expect(created.body.file).toMatchObject({ purpose: 'input', filename: 'part-name.png' });
	});

	test('a missing file part is 422; over the inline cap is 413', async () => {
		const missing = await send(h.sim.agentsUrl, 'POST', '/files', { body: form({ mime_type: 'image/png', size_bytes: '10' }) });
		expect(missing.status).toBe(422);
		expect(missing.body.detail).toEqual([expect.objectContaining({ type: 'missing', loc: ['body', 'file'] })]);

		h.sim.configure({ agents: { mediaLimits: { inlineUploadBytes: 16 } } });
		try {
			const tooBig = await send(h.sim.agentsUrl, 'POST', '/files', {
				body: form({ mime_type: 'image/png', size_bytes: String(OUTPUT_BYTES.png.length) }, { bytes: OUTPUT_BYTES.png, type: 'image/png', name: 'a.png' }),
			});
			expect(tooBig).toMatchObject({ status: 413, body: { detail: 'File exceeds the 16 bytes inline upload limit: use a presigned upload' } });
		} finally {
			h.sim.configure({ agents: { mediaLimits: { inlineUploadBytes: 20 * 1024 * 1024 } } });
		}
	});
});

describe('presigned upload', () => {
	async function presign(body: Record<string, unknown>) {
		const response = await h.api.post('/files', body);
		expect(response.status).toBe(201);
		return response.body;
	}

	test('POST /files (JSON) → PUT the bytes with the given headers → complete → ready', async () => {
		const bytes = OUTPUT_BYTES.mp4;
		const created = await presign({ mime_type: 'video/mp4', size_bytes: bytes.length, filename: 'clip.mp4' });
		expect(created.upload).toMatchObject({ method: 'PUT', headers: { 'Content-Type': 'video/mp4' } });
		expect(created.upload.url.startsWith(`${h.sim.agentsUrl}/uploads/${created.id}?`)).toBe(true);
		expect(new URL(created.upload.url).searchParams.get('X-Amz-SignedHeaders')).toBe('content-type;host');

		const put = await fetch(created.upload.url, { method: 'PUT', headers: created.upload.headers, body: bytes });
		expect(put.status).toBe(200);
		expect(put.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
		// Ingest only starts with complete.
		expect((await h.api.get(`/files/${created.id}`)).body.state).toBe('pending');

		const completed = await h.api.post(`/files/${created.id}/complete`);
		expect(completed).toMatchObject({ status: 200, body: { id: created.id, state: 'pending' } });
		const file = await settled(created.id);
		expect(file.state).toBe('ready');
		// complete is idempotent.
		expect((await h.api.post(`/files/${created.id}/complete`)).body.state).toBe('ready');

		const edit = await h.api.post('/generations', { ...video(), type: 'video_edit', source: { file_id: file.id } });
		expect(edit.status).toBe(201);
	});

	test('complete before any PUT is 400; a PUT with other headers or after expiry is 403', async () => {
		const created = await presign({ mime_type: 'image/png', size_bytes: OUTPUT_BYTES.png.length });
		expect(await h.api.post(`/files/${created.id}/complete`)).toMatchObject({ status: 400, body: { detail: 'No bytes were uploaded for this file: PUT them to the upload URL first' } });

		const wrongType = await fetch(created.upload.url, { method: 'PUT', headers: { 'Content-Type': 'image/jpeg' }, body: OUTPUT_BYTES.png });
		expect(wrongType.status).toBe(403);
		expect(await wrongType.text()).toContain('SignatureDoesNotMatch');

		h.sim.configure({ agents: { uploadUrlTtlMs: 10_000 } });
		try {
			const shortLived = await presign({ mime_type: 'image/png', size_bytes: OUTPUT_BYTES.png.length });
			await new Promise((resolve) => setTimeout(resolve, 40));
			const late = await fetch(shortLived.upload.url, { method: 'PUT', headers: shortLived.upload.headers, body: OUTPUT_BYTES.png });
			expect(late.status).toBe(403);
			expect(await late.text()).toContain('Request has expired');
		} finally {
			h.sim.configure({ agents: { uploadUrlTtlMs: 36_000_000 } });
		}
	});

	test('ingest fails on a size mismatch, bytes that are not what mime_type says, and the filename marker', async () => {
		const short = await presign({ mime_type: 'image/png', size_bytes: OUTPUT_BYTES.png.length + 5 });
		await fetch(short.upload.url, { method: 'PUT', headers: short.upload.headers, body: OUTPUT_BYTES.png });
		await h.api.post(`/files/${short.id}/complete`);
		expect(await settled(short.id)).toMatchObject({ state: 'failed', failure_reason: `Uploaded ${OUTPUT_BYTES.png.length} bytes, but size_bytes is ${OUTPUT_BYTES.png.length + 5}` });

		const text = await uploadInline(Buffer.from('plain text, not a picture'), 'image/png');
		expect(await settled(text.id)).toMatchObject({ state: 'failed', failure_reason: 'File content is not a valid image file' });

		const flagged = await uploadInline(OUTPUT_BYTES.png, 'image/png', { filename: `bad ${FILE_FAILURE_MARKER}.png` });
		const failed = await settled(flagged.id);
		expect(failed).toMatchObject({ state: 'failed', failure_reason: 'File was flagged by our content moderation system.' });

		const use = await h.api.post('/generations', { ...image(), type: 'image_edit', source: { file_id: failed.id } });
		expect(use).toMatchObject({ status: 400, body: { detail: "source: file is not ready (state 'failed')" } });
	});

	test('create validation: content type, required fields, mime types, size', async () => {
		const plain = await send(h.sim.agentsUrl, 'POST', '/files', { headers: { 'content-type': 'text/plain' }, body: 'hello' });
		expect(plain).toMatchObject({ status: 415, body: { detail: 'Unsupported Content-Type: send multipart/form-data or application/json' } });
		const missing = await h.api.post('/files', { size_bytes: 3 });
		expect(missing.status).toBe(422);
		expect(missing.body.detail).toEqual([expect.objectContaining({ type: 'missing', loc: ['body', 'mime_type'] })]);
		expect(await h.api.post('/files', { mime_type: 'text/plain', size_bytes: 3 })).toMatchObject({ status: 400, body: { detail: "Unsupported mime_type 'text/plain'" } });
		const huge = await h.api.post('/files', { mime_type: 'video/mp4', size_bytes: 5 * 1024 ** 3 + 1 });
		expect(huge.body.detail).toEqual([expect.objectContaining({ type: 'less_than_equal', loc: ['body', 'size_bytes'] })]);
		const badPurpose = await h.api.post('/files', { mime_type: 'image/png', size_bytes: 3, purpose: 'style' });
		expect(badPurpose.body.detail).toEqual([expect.objectContaining({ type: 'enum', loc: ['body', 'purpose'] })]);
	});
});

describe('files as generation inputs', () => {
	test('pending, wrong-kind, unknown and oversized files', async () => {
		const created = await h.api.post('/files', { mime_type: 'image/png', size_bytes: 10 });
		const pending = await h.api.post('/generations', image(undefined, { image_ref: [{ file_id: created.body.id }] }));
		expect(pending.body.detail).toBe("image_ref[0]: file is not ready (state 'pending')");

		const picture = await readyFile();
		const wrongKind = await h.api.post('/generations', { ...video(), type: 'video_reframe', aspect_ratio: '1:1', source: { file_id: picture.id } });
		expect(wrongKind).toMatchObject({ status: 400, body: { detail: 'source: file is not a video' } });
		const unknown = await h.api.post('/generations', image(undefined, { image_ref: [{ file_id: '182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e' }] }));
		expect(unknown.body.detail).toBe('image_ref[0]: file not found');

		// Files may be far larger than an input may be: Luma notices while processing.
		h.sim.configure({ agents: { mediaLimits: { imageBytes: 16 } } });
		try {
			const oversized = await h.api.post('/generations', image(undefined, { image_ref: [{ file_id: picture.id }] }));
			expect((await waitForTerminal(h.api, oversized.body.id)).failure_code).toBe('image_too_large');
		} finally {
			h.sim.configure({ agents: { mediaLimits: { imageBytes: 50 * 1024 * 1024 } } });
		}
	});
});

describe('list, get, delete', () => {
	let own: any[];

	beforeAll(async () => {
		own = [];
		for (const purpose of ['input', 'reference', 'input', 'reference', 'input']) {
			own.push((await h.api.post('/files', { mime_type: 'image/png', size_bytes: 1, purpose, filename: `list-${own.length}.png` })).body.file);
		}
		// Another client's file never shows.
		await agentsClient(h.sim.agentsUrl, 'luma-api-other').post('/files', { mime_type: 'image/png', size_bytes: 1 });
	});

	test('newest first, keyset pages via next_cursor, filters by purpose and state', async () => {
		const all = (await h.api.get('/files?limit=100')).body;
		expect(all.has_more).toBe(false);
		expect(all.next_cursor).toBeNull();
		const ids = all.data.map((file: any) => file.id);
		expect(ids.slice(0, 5)).toEqual(own.map((file) => file.id).reverse());

		const seen: string[] = [];
		let cursor: string | null = null;
		let pages = 0;
		do {
			const page: any = (await h.api.get(`/files?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).body;
			expect(page.data.length).toBeLessThanOrEqual(2);
			seen.push(...page.data.map((file: any) => file.id));
			cursor = page.has_more ? page.next_cursor : null;
			pages++;
		} while (cursor);
		expect(seen).toEqual(ids);
		expect(pages).toBe(Math.ceil(ids.length / 2));

		const references = (await h.api.get('/files?purpose=reference&limit=100')).body.data;
		expect(references.every((file: any) => file.purpose === 'reference')).toBe(true);
		expect(references.map((file: any) => file.id)).toEqual(expect.arrayContaining([own[1].id, own[3].id]));
		const pending = (await h.api.get('/files?state=pending&limit=100')).body.data;
		expect(pending.every((file: any) => file.state === 'pending')).toBe(true);
	});

	test('limit defaults to 25 and must be 1–100; bad filters are 422, a bad cursor 400', async () => {
		for (let n = 0; n < 22; n++) await h.api.post('/files', { mime_type: 'image/png', size_bytes: 1 });
		const page = (await h.api.get('/files')).body;
		expect(page.data).toHaveLength(25);
		expect(page.has_more).toBe(true);
		for (const query of ['limit=0', 'limit=101', 'limit=ten', 'purpose=style', 'state=gone']) {
			expect((await h.api.get(`/files?${query}`)).status).toBe(422);
		}
		expect(await h.api.get('/files?cursor=bm9wZQ')).toMatchObject({ status: 400, body: { detail: 'Invalid cursor' } });
	});

	test('DELETE is a 204 soft delete: the file stays readable but unusable and leaves the default list', async () => {
		const file = await readyFile();
		const deleted = await send(h.sim.agentsUrl, 'DELETE', `/files/${file.id}`);
		expect(deleted.status).toBe(204);
		expect(deleted.body).toBe('');
		expect((await h.api.get(`/files/${file.id}`)).body).toMatchObject({ state: 'deleted', deleted_at: expect.any(String) });
		expect((await send(h.sim.agentsUrl, 'DELETE', `/files/${file.id}`)).status).toBe(204);

		const listed = (await h.api.get('/files?limit=100')).body.data.map((entry: any) => entry.id);
		expect(listed).not.toContain(file.id);
		expect((await h.api.get('/files?state=deleted&limit=100')).body.data.map((entry: any) => entry.id)).toContain(file.id);
		const use = await h.api.post('/generations', { ...image(), type: 'image_edit', source: { file_id: file.id } });
		expect(use.body.detail).toBe('source: file not found');
		expect(h.sim.agents.stats.files.deleted).toBeGreaterThanOrEqual(1);
	});

	test('another client\'s, unknown and malformed ids are 404 File not found', async () => {
		const stranger = agentsClient(h.sim.agentsUrl, 'luma-api-other');
		const borrowed = await stranger.post('/generations', image(undefined, { image_ref: [{ file_id: own[0].id }] }));
		expect(borrowed.body.detail).toBe('image_ref[0]: file not found');
		for (const call of [stranger.get(`/files/${own[0].id}`), stranger.delete(`/files/${own[0].id}`), h.api.get('/files/nope'), h.api.post('/files/182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e/complete')]) {
			expect(await call).toMatchObject({ status: 404, body: { detail: 'File not found' } });
		}
	});

	test('a file past its expires_at is gone', async () => {
		const expiresAt = new Date(Date.now() + 300).toISOString();
		const created = (await h.api.post('/files', { mime_type: 'image/png', size_bytes: 1, expires_at: expiresAt })).body;
		expect(created.file.expires_at).toBe(expiresAt.replace(/\.\d{3}Z$/, 'Z'));
		await until(() => h.sim.agents.uploadedFiles.find((file) => file.id === created.id)?.state === 'deleted', 5_000);
		expect((await h.api.get(`/files/${created.id}`)).body.state).toBe('deleted');
	});
});
