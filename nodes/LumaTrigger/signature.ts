import { createHmac, timingSafeEqual } from 'crypto';

/**
 * Luma's webhook signature. Not in Luma's OpenAPI: two independent third-party implementations
 * agree on it (GitHub bennycode/n8n-nodes-luma `nodes/LumaTrigger/signature.ts` and
 * crafter-station/hack0 `lib/luma/webhook-security.ts`), which is why the node offers "Log Only" next to "Enforce".
 *
 *   Webhook-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>[,v1=<hex>...]
 *   signed text:       `${t}.${raw request body}`
 *   key:               the webhook's `secret` exactly as Luma returns it (e.g. "whsec_..."), not decoded
 */

/** Luma's recommended replay window. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type SignatureProblem =
	| 'missing' // no Webhook-Signature header
	| 'malformed' // no t= or no v1=
	| 'mismatch' // no v1 entry matches
	| 'stale' // signature valid but the timestamp is outside the replay window
	| 'noSecret'; // the node has no signing secret for this registration

export type SignatureResult = { verified: true } | { verified: false; problem: SignatureProblem };

export const SIGNATURE_PROBLEM_TEXT: Record<SignatureProblem, string> = {
	missing: 'the request has no Webhook-Signature header',
	malformed: 'the Webhook-Signature header is not "t=<seconds>,v1=<hex>"',
	mismatch: 'the signature does not match the webhook secret',
	stale: `the signature timestamp is more than ${SIGNATURE_TOLERANCE_SECONDS} s away from now (replayed or delayed delivery)`,
	noSecret: 'the node has no signing secret for this webhook (deactivate and activate the workflow again)',
};

export function parseSignatureHeader(header: string): { timestamp?: string; signatures: string[] } {
	let timestamp: string | undefined;
	const signatures: string[] = [];
	for (const part of header.split(',')) {
		const separator = part.indexOf('=');
		if (separator < 0) continue;
		const key = part.slice(0, separator).trim();
		const value = part.slice(separator + 1).trim();
		if (key === 't' && timestamp === undefined) timestamp = value;
		else if (key === 'v1' && value) signatures.push(value);
	}
	return { timestamp, signatures };
}

export function signPayload(secret: string, timestamp: string | number, rawBody: Buffer | string): string {
	return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

function hexEqual(expectedHex: string, receivedHex: string): boolean {
	if (!/^[0-9a-fA-F]+$/.test(receivedHex) || receivedHex.length !== expectedHex.length) return false;
	return timingSafeEqual(Buffer.from(expectedHex, 'hex'), Buffer.from(receivedHex.toLowerCase(), 'hex'));
}

export function verifySignature(
	header: string | string[] | undefined,
	rawBody: Buffer,
	secret: string | undefined,
	nowSeconds: number,
): SignatureResult {
	if (!secret) return { verified: false, problem: 'noSecret' };
	const text = Array.isArray(header) ? header.join(',') : header;
	if (!text) return { verified: false, problem: 'missing' };
	const { timestamp, signatures } = parseSignatureHeader(text);
	if (!timestamp || !/^\d{1,12}$/.test(timestamp) || signatures.length === 0) {
		return { verified: false, problem: 'malformed' };
	}
	const expected = signPayload(secret, timestamp, rawBody);
	// Compare against every v1 entry (Luma may send several while rotating secrets); no early exit.
	let matched = false;
	for (const candidate of signatures) matched = hexEqual(expected, candidate) || matched;
	if (!matched) return { verified: false, problem: 'mismatch' };
	if (Math.abs(nowSeconds - Number(timestamp)) > SIGNATURE_TOLERANCE_SECONDS) {
		return { verified: false, problem: 'stale' };
	}
	return { verified: true };
}
