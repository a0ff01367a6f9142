/**
 * S3-style presigned URLs for the simulator's outputs and uploads. Luma hands out presigned S3 URLs
 * (`X-Amz-Expires=3600`) that answer 403 once expired; these look the same and behave the same, but
 * point at the simulator. Expiry follows the simulator clock, so `X-Amz-Expires` states the documented
 * lifetime while the URL really expires after the scaled one.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';

import type { SimClock, SimResponse } from '../types';

export type SignatureCheck = 'valid' | 'expired' | 'invalid';

interface Grant {
	path: string;
	/** Signed request header that must match (S3 signs Content-Type on a presigned PUT). */
	contentType?: string;
	expiresAt: number;
}

/** Real ms an expired grant is still remembered (to answer "Request has expired" rather than a bad signature). */
const REMEMBER_EXPIRED_MS = 3_600_000;

function amzDate(ms: number): string {
	return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export class Presigner {
	private readonly secret = randomBytes(32);
	private readonly grants = new Map<string, Grant>();
	private minted = 0;

	constructor(private readonly clock: SimClock) {}

	/** A query string granting `path` for `documentedTtlMs` (scaled by the clock). */
	sign(path: string, documentedTtlMs: number, contentType?: string): { query: string; expiresAt: number } {
		const now = this.clock.now();
		const expiresAt = now + this.clock.scaled(documentedTtlMs);
		const signature = createHmac('sha256', this.secret).update(`${path}\n${now}\n${randomUUID()}`).digest('hex');
		this.grants.set(signature, { path, contentType, expiresAt });
		if (++this.minted % 500 === 0) this.forgetStale(now);
		const params = new URLSearchParams({
			'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
			'X-Amz-Credential': `ASIASIMULATOR/${amzDate(now).slice(0, 8)}/us-east-1/s3/aws4_request`,
			'X-Amz-Date': amzDate(now),
			'X-Amz-Expires': String(Math.round(documentedTtlMs / 1000)),
			'X-Amz-SignedHeaders': contentType ? 'content-type;host' : 'host',
			'X-Amz-Signature': signature,
		});
		return { query: params.toString(), expiresAt };
	}

	check(path: string, query: URLSearchParams, contentType?: string): SignatureCheck {
		const grant = this.grants.get(query.get('X-Amz-Signature') ?? '');
		if (!grant || grant.path !== path) return 'invalid';
		if (grant.contentType !== undefined && grant.contentType !== contentType) return 'invalid';
		return this.clock.now() >= grant.expiresAt ? 'expired' : 'valid';
	}

	private forgetStale(now: number): void {
		for (const [signature, grant] of this.grants) {
			if (now - grant.expiresAt > REMEMBER_EXPIRED_MS) this.grants.delete(signature);
		}
	}
}

/** S3's XML error answer. */
export function s3Error(status: number, code: string, message: string): SimResponse {
	const requestId = randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase();
	const xml =
		'<?xml version="1.0" encoding="UTF-8"?>\n' +
		`<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${requestId}</RequestId></Error>`;
	return {
		status,
		raw: Buffer.from(xml),
		headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId },
	};
}

export function s3Denied(check: Exclude<SignatureCheck, 'valid'>): SimResponse {
	return check === 'expired'
		? s3Error(403, 'AccessDenied', 'Request has expired')
		: s3Error(
				403,
				'SignatureDoesNotMatch',
				'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
			);
}
