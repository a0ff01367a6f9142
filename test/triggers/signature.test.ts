import { createHmac } from 'node:crypto';

import { parseSignatureHeader, SIGNATURE_TOLERANCE_SECONDS, verifySignature } from '../../nodes/LumaTrigger/signature';
import { secretsEqual } from '../../nodes/shared/webhooks/guard';

const secret = 'whsec_test_secret';
const body = Buffer.from(JSON.stringify({ type: 'event.created', data: { id: 'evt-1' } }));
const now = 1_760_000_000;

/** Independent of the node's signPayload: the scheme as test/simulator/luma-events/README.md describes it. */
function sign(t: number, raw: Buffer, key = secret) {
	return createHmac('sha256', key).update(`${t}.`).update(raw).digest('hex');
}

describe('Luma webhook signature', () => {
	it('accepts t=<seconds>,v1=<hmac of "t.body"> keyed with the secret string as returned', () => {
		expect(verifySignature(`t=${now},v1=${sign(now, body)}`, body, secret, now)).toEqual({ verified: true });
	});

	it('accepts any of several v1 entries and tolerates spaces', () => {
		const header = `t=${now}, v1=${'0'.repeat(64)}, v1=${sign(now, body)}`;
		expect(verifySignature(header, body, secret, now)).toEqual({ verified: true });
	});

	it('refuses a signature made with another secret, another body or a decoded secret', () => {
		expect(verifySignature(`t=${now},v1=${sign(now, body, 'whsec_other')}`, body, secret, now)).toEqual({
			verified: false,
			problem: 'mismatch',
		});
		const tampered = Buffer.from(body.toString().replace('evt-1', 'evt-2'));
		expect(verifySignature(`t=${now},v1=${sign(now, body)}`, tampered, secret, now)).toMatchObject({ problem: 'mismatch' });
		const decoded = Buffer.from('test_secret').toString();
		expect(verifySignature(`t=${now},v1=${sign(now, body, decoded)}`, body, secret, now)).toMatchObject({ problem: 'mismatch' });
	});

	it('refuses a timestamp outside the 300 s window (replay), in both directions', () => {
		const old = now - SIGNATURE_TOLERANCE_SECONDS - 1;
		expect(verifySignature(`t=${old},v1=${sign(old, body)}`, body, secret, now)).toMatchObject({ problem: 'stale' });
		const future = now + SIGNATURE_TOLERANCE_SECONDS + 1;
		expect(verifySignature(`t=${future},v1=${sign(future, body)}`, body, secret, now)).toMatchObject({ problem: 'stale' });
		const edge = now - SIGNATURE_TOLERANCE_SECONDS;
		expect(verifySignature(`t=${edge},v1=${sign(edge, body)}`, body, secret, now)).toEqual({ verified: true });
	});

	it('names missing and malformed headers, and a missing secret', () => {
		expect(verifySignature(undefined, body, secret, now)).toMatchObject({ problem: 'missing' });
		expect(verifySignature('v1=abc', body, secret, now)).toMatchObject({ problem: 'malformed' });
		expect(verifySignature(`t=${now}`, body, secret, now)).toMatchObject({ problem: 'malformed' });
		expect(verifySignature(`t=soon,v1=${sign(now, body)}`, body, secret, now)).toMatchObject({ problem: 'malformed' });
		expect(verifySignature(`t=${now},v1=nothex`, body, secret, now)).toMatchObject({ problem: 'mismatch' });
		expect(verifySignature(`t=${now},v1=${sign(now, body)}`, body, '', now)).toMatchObject({ problem: 'noSecret' });
	});

	it('parses the header parts', () => {
		expect(parseSignatureHeader('t=1,v1=aa,v0=bb,v1=cc')).toEqual({ timestamp: '1', signatures: ['aa', 'cc'] });
	});

	it('compares tokens exactly, whatever their length', () => {
		expect(secretsEqual('abc', 'abc')).toBe(true);
		expect(secretsEqual('abc', 'abcd')).toBe(false);
		expect(secretsEqual('', '')).toBe(false);
	});
});
