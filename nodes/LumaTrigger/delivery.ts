import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { isNotFound } from '../shared/errors';
import { eventIdForSlug, eventIdIn, eventSlugOf, looksLikeUrl } from '../shared/events/eventRef';
import { ALL_TYPES, isKnownType } from '../shared/events/webhookTypes';
import { acknowledge, deliveryKey, DeliveryLog, queryToken, respond, secretsEqual } from '../shared/webhooks/guard';
import { confirmWithApi } from './confirm';
import type { Delivery } from './payload';
import { checkPayload, eventIdOf, simplifyData } from './payload';
import { selectedEventTypes, type RegistrationState } from './registration';
import { SIGNATURE_PROBLEM_TEXT, type SignatureResult, verifySignature } from './signature';

/**
 * One delivery from Luma, in this order: authenticate (URL token, then signature), validate,
 * filter, de-duplicate, optionally re-read from the API, emit. Nothing is emitted before the
 * request is authenticated, and a refused request never starts an execution.
 */

function rawBodyOf(ctx: IWebhookFunctions): Buffer {
	// n8n keeps the exact bytes it received as `rawBody` (not part of Express's Request type).
	const request = ctx.getRequestObject();
	const raw: unknown = 'rawBody' in request ? request.rawBody : undefined;
	if (Buffer.isBuffer(raw)) return raw;
	if (typeof raw === 'string') return Buffer.from(raw, 'utf8');
	// No raw body (should not happen in n8n): a re-serialised body rarely matches the signature.
	return Buffer.from(JSON.stringify(ctx.getBodyData() ?? {}), 'utf8');
}

function parsedBody(ctx: IWebhookFunctions, raw: Buffer): unknown {
	const body = ctx.getBodyData();
	if (body && typeof body === 'object' && Object.keys(body).length > 0) return body;
	try {
		return JSON.parse(raw.toString('utf8'));
	} catch {
		return undefined;
	}
}

function header(ctx: IWebhookFunctions, name: string): string | undefined {
	const value = ctx.getHeaderData()[name];
	return Array.isArray(value) ? value.join(',') : value;
}

/** The event chosen in Options → Event, as an ID (a public luma.com URL is looked up once and cached). */
async function filterEventId(ctx: IWebhookFunctions, state: RegistrationState): Promise<string | undefined> {
	const raw = ctx.getNodeParameter('options.eventId', '', { extractValue: true }) as unknown;
	const value = String((typeof raw === 'object' && raw !== null ? (raw as IDataObject).value : raw) ?? '').trim();
	if (!value) return undefined;
	const direct = eventIdIn(value);
	if (direct) return direct;
	if (!looksLikeUrl(value)) return value;
	if (state.eventFilter?.input === value) return state.eventFilter.id;
	const slug = eventSlugOf(value);
	// An unknown URL matches nothing, rather than everything.
	const id = (slug && (await eventIdForSlug(ctx, slug))) || `unresolved:${value}`;
	state.eventFilter = { input: value, id };
	return id;
}

function typeSelected(type: string, selected: string[]): boolean {
	if (selected.includes(ALL_TYPES)) return true;
	return selected.includes(type);
}

export async function handleDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const state = this.getWorkflowStaticData('node') as RegistrationState;

	// (a) The URL token: proves the sender got the URL from Luma. Checked before anything else.
	if (!state.token || !secretsEqual(queryToken(this), state.token)) {
		return respond(this, 401, { error: 'Unknown or missing token' });
	}

	// (b) The signature: proves the body came from Luma, recently.
	const rawBody = rawBodyOf(this);
	const enforce = this.getNodeParameter('options.signatureCheck', 'enforce') !== 'logOnly';
	const signature: SignatureResult = verifySignature(
		this.getHeaderData()['webhook-signature'],
		rawBody,
		state.webhookSecret,
		Math.floor(Date.now() / 1000),
	);
	if (!signature.verified) {
		const reason = SIGNATURE_PROBLEM_TEXT[signature.problem];
		if (enforce) return respond(this, 401, { error: `Signature check failed: ${reason}` });
		this.logger.warn(`Luma webhook delivery accepted without a valid signature (Log Only): ${reason}`);
	}

	// (c) The payload: `{ type, data }` with the keys Luma's spec requires for that type.
	const checked = checkPayload(parsedBody(this, rawBody));
	if (!checked.ok) return respond(this, 400, { error: 'Not a Luma webhook payload', problems: checked.problems.slice(0, 20) });
	let delivery: Delivery = checked.delivery;

	if (!typeSelected(delivery.type, selectedEventTypes(this))) {
		return acknowledge({ reason: isKnownType(delivery.type) ? 'event type not selected' : 'unknown event type' });
	}
	const onlyEvent = await filterEventId(this, state);
	if (onlyEvent && eventIdOf(delivery) !== onlyEvent) return acknowledge({ reason: 'other event' });

	// (e) Luma may deliver the same thing more than once: emit it once.
	const deliveryId = header(this, 'webhook-id');
	const key = deliveryKey(deliveryId ? `id:${deliveryId}` : `body:${delivery.type}`, deliveryId ? '' : rawBody);
	const log = new DeliveryLog(state, `lumaTrigger:${state.webhookId ?? this.getNode().id}`);
	if (!log.claim(key)) return acknowledge({ reason: 'duplicate delivery' });

	const options = this.getNodeParameter('options', {}) as IDataObject;
	let confirmed: boolean | undefined;
	try {
		// (d) Optionally trust only what the API says now.
		if (options.confirmWithApi === true) {
			const result = await confirmWithApi(this, delivery);
			delivery = result.delivery;
			confirmed = result.confirmed;
		}
	} catch (error) {
		log.release(key);
		if (isNotFound(error)) return respond(this, 404, { error: 'Luma does not know the object this delivery is about' });
		this.logger.warn(`Luma webhook delivery could not be confirmed: ${(error as Error).message}`);
		// Not 2xx: Luma sends it again later.
		return respond(this, 503, { error: 'Could not confirm the delivery with the Luma API; try again' });
	}
	log.commit(key);

	const json: IDataObject = {
		type: delivery.type,
		data: options.simplify === true ? simplifyData(delivery.type, delivery.data) : delivery.data,
		received_at: new Date().toISOString(),
		signature_verified: signature.verified,
	};
	if (!signature.verified) json.signature_problem = signature.problem;
	if (confirmed !== undefined) json.confirmed_with_api = confirmed;
	if (deliveryId) json.delivery_id = deliveryId;
	return { workflowData: [[{ json }]] };
}
