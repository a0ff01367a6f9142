import { randomBytes } from 'crypto';
import type { IDataObject, IHookFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError, isNotFound } from '../shared/errors';
import { readWebhookTypes } from '../shared/events/webhookTypes';
import { cursorPages, lumaApiRequest } from '../shared/transport';

/**
 * The node's webhook registration at Luma (webhookMethods.default). The URL given to Luma is n8n's
 * webhook URL plus `?token=<64 hex>`: a random value made on create and kept in the node's static
 * data, so only Luma (which the URL was given to) can reach the node. Luma allows one registration
 * per URL and cannot change a registration's URL, so create() first looks for registrations that
 * point at this node's webhook URL (any token) and adopts one instead of adding another.
 */

/** What the node keeps in `getWorkflowStaticData('node')`. */
export interface RegistrationState extends IDataObject {
	webhookId?: string;
	/** The signing secret Luma returned (e.g. "whsec_..."), used as-is as the HMAC key. */
	webhookSecret?: string;
	/** The `token` query parameter of the registered URL. */
	token?: string;
	registeredUrl?: string;
	eventTypes?: string[];
	/** Event locator value → resolved event ID (public luma.com URLs need a lookup). */
	eventFilter?: { input: string; id: string };
}

const TOKEN_PATTERN = /^[0-9a-f]{64}$/;

export function newToken(): string {
	return randomBytes(32).toString('hex');
}

/** The URL without query or fragment (and without a trailing slash), for comparing registrations. */
export function urlBase(url: string): string {
	try {
		const parsed = new URL(url);
		return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
	} catch {
		return url.split(/[?#]/)[0].replace(/\/+$/, '');
	}
}

export function tokenInUrl(url: unknown): string | undefined {
	if (typeof url !== 'string') return undefined;
	try {
		const token = new URL(url).searchParams.get('token') ?? '';
		return TOKEN_PATTERN.test(token) ? token : undefined;
	} catch {
		return undefined;
	}
}

export function urlWithToken(webhookUrl: string, token: string): string {
	const url = new URL(webhookUrl);
	url.searchParams.set('token', token);
	return url.toString();
}

/** The selected event types as Luma wants them: `['*']` alone, or the sorted specific types. */
export function selectedEventTypes(ctx: {
	getNodeParameter(name: string, fallback?: unknown): unknown;
	getNode(): INode;
}): string[] {
	const read = readWebhookTypes(ctx.getNodeParameter('events', []));
	if ('problem' in read) throw new NodeOperationError(ctx.getNode(), `Trigger On: ${read.problem}`);
	return read.types;
}

function sameTypes(remote: unknown, wanted: string[]): boolean {
	if (!Array.isArray(remote)) return false;
	const have = [...new Set(remote.map(String))].sort();
	return have.length === wanted.length && have.every((type, index) => type === wanted[index]);
}

/** Luma answers the webhook routes with the flat Webhook object; tolerate a `{ webhook }` wrapper. */
function webhookObject(response: unknown): IDataObject {
	const body = (response ?? {}) as IDataObject;
	return (typeof body.webhook === 'object' && body.webhook !== null ? body.webhook : body) as IDataObject;
}

function nodeWebhookUrl(ctx: IHookFunctions): string {
	const url = ctx.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(ctx.getNode(), 'n8n did not provide a webhook URL for this node');
	return url;
}

function signatureEnforced(ctx: IHookFunctions): boolean {
	return ctx.getNodeParameter('options.signatureCheck', 'enforce') !== 'logOnly';
}

function clearRegistration(state: RegistrationState) {
	delete state.webhookId;
	delete state.webhookSecret;
	delete state.token;
	delete state.registeredUrl;
	delete state.eventTypes;
}

async function getWebhook(ctx: IHookFunctions, id: string): Promise<IDataObject> {
	return webhookObject(await lumaApiRequest(ctx, 'events', { method: 'GET', path: '/v2/webhooks/get', qs: { id } }));
}

async function updateWebhook(ctx: IHookFunctions, id: string, eventTypes: string[]): Promise<IDataObject> {
	return webhookObject(
		await lumaApiRequest(ctx, 'events', {
			method: 'POST',
			path: '/v2/webhooks/update',
			body: { id, event_types: eventTypes, status: 'active' },
			// Setting the same types and status twice has the same effect as once.
			idempotent: true,
		}),
	);
}

/** Deletes a registration; one that is already gone counts as deleted. */
async function deleteWebhook(ctx: IHookFunctions, id: string): Promise<void> {
	try {
		await lumaApiRequest(ctx, 'events', {
			method: 'POST',
			path: '/v1/webhooks/delete',
			body: { id },
			idempotent: true,
		});
	} catch (error) {
		if (!isNotFound(error)) throw asNodeError(ctx.getNode(), error);
	}
}

/** Registrations that point at this node's webhook URL, whatever their token. */
async function registrationsFor(ctx: IHookFunctions, webhookUrl: string): Promise<IDataObject[]> {
	const base = urlBase(webhookUrl);
	const matches: IDataObject[] = [];
	for await (const page of cursorPages(ctx, 'events', { method: 'GET', path: '/v1/webhooks/list' })) {
		for (const webhook of page) {
			if (typeof webhook.url === 'string' && urlBase(webhook.url) === base) matches.push(webhook);
		}
	}
	return matches;
}

/**
 * True when the registration in static data still exists at Luma, points at this node with its
 * token and is active. Changed event types or a paused registration are fixed in place. A
 * registration of this node that points elsewhere (n8n's public URL changed) is deleted, and false
 * lets create() make a new one.
 */
export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const state = this.getWorkflowStaticData('node') as RegistrationState;
	const eventTypes = selectedEventTypes(this);
	if (!state.webhookId) return false;
	const webhookUrl = nodeWebhookUrl(this);

	let remote: IDataObject;
	try {
		remote = await getWebhook(this, state.webhookId);
	} catch (error) {
		if (!isNotFound(error)) throw asNodeError(this.getNode(), error);
		this.logger.info(`Luma webhook ${state.webhookId} no longer exists; registering again`);
		clearRegistration(state);
		return false;
	}

	const remoteUrl = typeof remote.url === 'string' ? remote.url : '';
	if (!state.token || urlBase(remoteUrl) !== urlBase(webhookUrl) || tokenInUrl(remoteUrl) !== state.token) {
		this.logger.info(`Luma webhook ${state.webhookId} points at another URL; replacing it`);
		await deleteWebhook(this, state.webhookId);
		clearRegistration(state);
		return false;
	}

	if (!sameTypes(remote.event_types, eventTypes) || remote.status !== 'active') {
		remote = { ...remote, ...(await updateWebhook(this, state.webhookId, eventTypes)) };
	}
	// The secret can be rotated in Luma's dashboard: follow it.
	if (typeof remote.secret === 'string' && remote.secret) state.webhookSecret = remote.secret;
	state.eventTypes = eventTypes;
	state.registeredUrl = remoteUrl;
	return true;
}

export async function create(this: IHookFunctions): Promise<boolean> {
	const state = this.getWorkflowStaticData('node') as RegistrationState;
	const eventTypes = selectedEventTypes(this);
	const webhookUrl = nodeWebhookUrl(this);

	const existing = await registrationsFor(this, webhookUrl);
	const adopted = existing.find((webhook) => tokenInUrl(webhook.url) && typeof webhook.id === 'string');
	// Any other registration for this URL (no token, or a second copy) could only ever be refused.
	for (const webhook of existing) {
		if (webhook !== adopted && typeof webhook.id === 'string') await deleteWebhook(this, webhook.id);
	}

	let registration: IDataObject;
	let token: string;
	if (adopted) {
		token = tokenInUrl(adopted.url) as string;
		registration = { ...adopted, ...(await updateWebhook(this, adopted.id as string, eventTypes)) };
	} else {
		token = newToken();
		registration = webhookObject(
			await lumaApiRequest(this, 'events', {
				method: 'POST',
				path: '/v2/webhooks/create',
				body: { url: urlWithToken(webhookUrl, token), event_types: eventTypes },
			}),
		);
	}
	const id = typeof registration.id === 'string' ? registration.id : '';
	if (!id) throw new NodeOperationError(this.getNode(), 'Luma did not return an ID for the new webhook');

	let secret = typeof registration.secret === 'string' ? registration.secret : '';
	if (!secret) {
		const fetched = await getWebhook(this, id);
		secret = typeof fetched.secret === 'string' ? fetched.secret : '';
	}
	if (!secret && signatureEnforced(this)) {
		await deleteWebhook(this, id);
		throw new NodeOperationError(this.getNode(), 'Luma did not return a signing secret for the webhook', {
			description: 'Deliveries cannot be verified without it. Set Options → Signature Check to "Log Only" to run without one.',
		});
	}

	state.webhookId = id;
	state.webhookSecret = secret;
	state.token = token;
	state.registeredUrl = typeof registration.url === 'string' ? registration.url : urlWithToken(webhookUrl, token);
	state.eventTypes = eventTypes;
	return true;
}

export async function remove(this: IHookFunctions): Promise<boolean> {
	const state = this.getWorkflowStaticData('node') as RegistrationState;
	if (!state.webhookId) return true;
	try {
		await deleteWebhook(this, state.webhookId);
	} catch (error) {
		// Keep the ID: the next activation finds the registration again (by ID or by URL) and reuses it.
		this.logger.warn(`Could not delete Luma webhook ${state.webhookId}: ${(error as Error).message}`);
		return false;
	}
	clearRegistration(state);
	return true;
}
