/**
 * INTERIM: a small stand-in for the events simulator's webhook routes and signed deliveries, used
 * only while test/simulator/index.ts (startSimulator) does not exist yet. It follows Luma's spec
 * (shared/api/luma-events.openapi.json) and notes §12: flat Webhook objects with `secret`, cursor
 * lists, `Webhook-Signature: t=..,v1=..` over `${t}.${body}` keyed with the secret string, and a
 * `Webhook-Id` per delivery. Remove once the trigger suites run on startSimulator.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Json = Record<string, any>;

export interface StandInWebhook {
	id: string;
	url: string;
	event_types: string[];
	status: 'active' | 'paused';
	secret: string;
	created_at: string;
}

function iso(offsetDays = 0) {
	return new Date(Date.UTC(2026, 8, 1 + offsetDays, 17)).toISOString();
}

function makeEvent(id: string, name: string): Json {
	return {
		platform: 'luma',
		id,
		user_id: 'usr-host1',
		calendar_id: 'cal-standin',
		start_at: iso(),
		duration_interval: 'PT2H',
		end_at: iso(0.1),
		created_at: iso(-30),
		timezone: 'Europe/Berlin',
		name,
		description: 'A test event',
		description_md: 'A test event',
		geo_address_json: {
			address: 'Main St 1',
			city: 'Berlin',
			region: null,
			country: 'Germany',
			city_state: 'Berlin',
			full_address: 'Main St 1, Berlin, Germany',
			google_maps_place_id: null,
			apple_maps_place_id: null,
			description: null,
		},
		coordinate: { longitude: 13.4, latitude: 52.5 },
		meeting_url: null,
		location_type: 'offline',
		location_visibility: 'public',
		cover_url: 'https://images.example/cover.jpg',
		url: `https://luma.com/${id}`,
		visibility: 'public',
		waitlist_status: 'disabled',
		feedback_email: { enabled: false },
	};
}

function makeTicket(id: string): Json {
	return {
		id,
		amount: 2500,
		amount_discount: 0,
		amount_tax: 0,
		currency: 'usd',
		checked_in_at: null,
		event_ticket_type_id: 'ttype-standard',
		is_captured: true,
		name: 'Standard',
	};
}

function makeGuest(id: string, eventId: string, name: string): Json {
	return {
		id,
		user_id: `usr-${id}`,
		user_email: `${id}@example.com`,
		user_name: name,
		user_first_name: name.split(' ')[0],
		user_last_name: name.split(' ')[1] ?? null,
		approval_status: 'approved',
		check_in_qr_code: `https://luma.com/check-in/${id}`,
		eth_address: null,
		invited_at: null,
		joined_at: null,
		phone_number: null,
		registered_at: iso(-1),
		registration_answers: [],
		solana_address: null,
		utm_source: null,
		event_tickets: [makeTicket(`${id}-t1`), makeTicket(`${id}-t2`)],
		event_ticket_orders: [],
		event_id: eventId,
	};
}

export class EventsStandIn {
	readonly key = 'luma-test-key';
	readonly webhooks = new Map<string, StandInWebhook>();
	readonly events = new Map<string, Json>([
		['evt-seed1', makeEvent('evt-seed1', 'Launch Party')],
		['evt-seed2', makeEvent('evt-seed2', 'Workshop')],
	]);
	readonly guests = new Map<string, Json>([
		['gst-seed1', makeGuest('gst-seed1', 'evt-seed1', 'Ada Lovelace')],
		['gst-seed2', makeGuest('gst-seed2', 'evt-seed2', 'Alan Turing')],
	]);
	deliveries = 0;
	private server!: Server;
	url = '';
	private sequence = 0;

	async start() {
		this.server = createServer((request, response) => void this.handle(request, response));
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this;
	}

	async close() {
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	/** The webhook form of an event (spec: no hosts, + tags, + deprecated coordinates). */
	webhookEvent(id: string): Json {
		return { ...this.events.get(id), tags: [], geo_latitude: '52.5', geo_longitude: '13.4' };
	}

	samplePayload(type: string, { otherEvent = false } = {}): { type: string; data: Json } {
		const eventId = otherEvent ? 'evt-seed2' : 'evt-seed1';
		const guestId = otherEvent ? 'gst-seed2' : 'gst-seed1';
		const { event_id: _eventId, ...guest } = this.guests.get(guestId)!;
		const withEvent = { ...guest, custom_source: null, event: this.webhookEvent(eventId) };
		switch (type) {
			case 'event.created':
			case 'event.updated':
			case 'event.canceled':
				return { type, data: this.webhookEvent(eventId) };
			case 'guest.registered':
			case 'guest.updated':
				return { type, data: withEvent };
			case 'guest.refunded':
				return { type, data: { ...withEvent, refund: { amount: 2500, currency: 'usd' } } };
			case 'ticket.registered':
				return { type, data: { ...withEvent, event_ticket: guest.event_tickets[0] } };
			case 'calendar.person.subscribed':
				return {
					type,
					data: {
						id: 'cont-1',
						created_at: iso(-2),
						event_approved_count: 1,
						event_checked_in_count: 0,
						revenue_usd_cents: 0,
						tags: [],
						membership: null,
						email: 'fan@example.com',
						user: { id: 'usr-fan', name: 'Fan', avatar_url: 'https://images.example/a.png', email: 'fan@example.com', first_name: 'Fan', last_name: null },
					},
				};
			case 'calendar.person.unsubscribed':
				return { type, data: { email: 'fan@example.com' } };
			case 'calendar.event.added': {
				const event = this.events.get(eventId)!;
				return {
					type,
					data: {
						platform: 'luma',
						id: eventId,
						api_id: eventId,
						name: event.name,
						url: event.url,
						cover_url: event.cover_url,
						start_at: event.start_at,
						end_at: event.end_at,
						timezone: event.timezone,
						calendar: null,
						hosts: [],
					},
				};
			}
			case 'calendar.event.submitted':
				return { type, data: { id: eventId, name: this.events.get(eventId)!.name } };
			default:
				return { type, data: { id: 'x' } };
		}
	}

	/** Delivers one event of `type` to every active registration subscribed to it; resolves when answered. */
	async emitWebhookEvent(type: string): Promise<number[]> {
		const payload = JSON.stringify(this.samplePayload(type));
		const targets = [...this.webhooks.values()].filter(
			(webhook) => webhook.status === 'active' && (webhook.event_types.includes('*') || webhook.event_types.includes(type)),
		);
		return await Promise.all(
			targets.map(async (webhook) => {
				const t = Math.floor(Date.now() / 1000);
				const signature = createHmac('sha256', webhook.secret).update(`${t}.${payload}`).digest('hex');
				this.deliveries++;
				const response = await fetch(webhook.url, {
					method: 'POST',
					headers: {
						'content-type': 'application/json',
						'webhook-signature': `t=${t},v1=${signature}`,
						'webhook-id': `msg_${randomUUID()}`,
					},
					body: payload,
				});
				await response.text();
				return response.status;
			}),
		);
	}

	private send(response: ServerResponse, status: number, body: unknown) {
		response.writeHead(status, { 'content-type': 'application/json' });
		response.end(JSON.stringify(body));
	}

	private async handle(request: IncomingMessage, response: ServerResponse) {
		const chunks: Buffer[] = [];
		for await (const chunk of request) chunks.push(chunk as Buffer);
		const url = new URL(request.url ?? '/', this.url);
		const q = url.searchParams;
		const body: Json = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
		if (request.headers['x-luma-api-key'] !== this.key) return this.send(response, 401, { message: 'Invalid API key' });
		const notFound = () => this.send(response, 404, { message: 'Not found' });
		const route = `${request.method} ${url.pathname}`;
		switch (route) {
			case 'GET /v1/webhooks/list': {
				const all = [...this.webhooks.values()];
				const start = Number(q.get('pagination_cursor') ?? 0);
				const limit = Math.min(Number(q.get('pagination_limit') ?? 50), 2); // small pages: exercise paging
				const entries = all.slice(start, start + limit);
				const hasMore = start + limit < all.length;
				return this.send(response, 200, { entries, has_more: hasMore, ...(hasMore ? { next_cursor: String(start + limit) } : {}) });
			}
			case 'GET /v2/webhooks/get': {
				const webhook = this.webhooks.get(q.get('id') ?? '');
				return webhook ? this.send(response, 200, webhook) : notFound();
			}
			case 'POST /v2/webhooks/create': {
				if (typeof body.url !== 'string' || !/^http/.test(body.url) || !Array.isArray(body.event_types) || !body.event_types.length) {
					return this.send(response, 400, { message: 'Invalid webhook' });
				}
				const webhook: StandInWebhook = {
					id: `wh-${++this.sequence}`,
					url: body.url,
					event_types: body.event_types,
					status: 'active',
					secret: `whsec_${randomBytes(24).toString('hex')}`,
					created_at: new Date().toISOString(),
				};
				this.webhooks.set(webhook.id, webhook);
				return this.send(response, 200, webhook);
			}
			case 'POST /v2/webhooks/update': {
				const webhook = this.webhooks.get(body.id);
				if (!webhook) return notFound();
				if (body.event_types) webhook.event_types = body.event_types;
				if (body.status) webhook.status = body.status;
				return this.send(response, 200, webhook);
			}
			case 'POST /v1/webhooks/delete':
				return this.webhooks.delete(body.id) ? this.send(response, 200, {}) : notFound();
			case 'GET /v1/events/get': {
				const event = this.events.get(q.get('event_id') ?? '');
				return event ? this.send(response, 200, { ...event, hosts: [] }) : notFound();
			}
			case 'GET /v1/events/guests/get': {
				const guest = this.guests.get(q.get('id') ?? '');
				if (!guest || guest.event_id !== q.get('event_id')) return notFound();
				const { event_id: _eventId, ...rest } = guest;
				return this.send(response, 200, rest);
			}
			default:
				return notFound();
		}
	}
}
