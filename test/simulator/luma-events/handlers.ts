/**
 * What each route does to the store. Handlers get validated input and return a plain result (or
 * throw ApiError); index.ts shapes results with the spec's response schema and validates them.
 */
import { randomBytes } from 'node:crypto';

import { type EventsStore, iso, isoDuration, type Rec } from './store';

export class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly code: string,
	) {
		super(message);
	}
}

export interface HandlerContext {
	store: EventsStore;
	query: Record<string, any>;
	body: Record<string, any>;
	/** The calendar the key is scoped to (organization keys: the primary calendar unless the route names one). */
	calendarId: string;
	keyType: 'calendar' | 'organization';
	/** The simulator's own origin (upload URLs point back at it). */
	origin: string;
	emit(type: string, data: Rec): void;
	/** Shape a record as the schema of another operation's response (e.g. Event for webhooks). */
	now(): number;
}

type Handler = (ctx: HandlerContext) => unknown;

const notFound = (what: string) => new ApiError(404, `${what} not found.`, 'not_found');
const invalid = (message: string) => new ApiError(400, message, 'invalid_request');

// ---- pagination ---------------------------------------------------------------------------------

export const PAGE_DEFAULT = 50;
export const PAGE_MAX = 100;

function paginate(items: Rec[], query: Record<string, any>, shape: (item: Rec) => Rec = (item) => item) {
	const limit = Math.min(PAGE_MAX, Math.max(1, Math.floor(Number(query.pagination_limit ?? PAGE_DEFAULT)) || PAGE_DEFAULT));
	let offset = 0;
	if (query.pagination_cursor) {
		const decoded = Number(Buffer.from(String(query.pagination_cursor), 'base64url').toString('utf8').replace(/^o:/, ''));
		if (!Number.isInteger(decoded) || decoded < 0) throw invalid('Invalid value for pagination_cursor');
		offset = decoded;
	}
	const page = items.slice(offset, offset + limit);
	const hasMore = offset + limit < items.length;
	return {
		entries: page.map(shape),
		has_more: hasMore,
		...(hasMore ? { next_cursor: Buffer.from(`o:${offset + limit}`).toString('base64url') } : {}),
	};
}

function sortBy(items: Rec[], column: string | undefined, direction: string | undefined, fallback: string): Rec[] {
	const key = column ?? fallback;
	const descending = String(direction ?? 'asc').startsWith('desc');
	const nullsLast = String(direction ?? '').includes('nulls last');
	return [...items].sort((a, b) => {
		const left = a[key];
		const right = b[key];
		if (left === right) return String(a.id).localeCompare(String(b.id));
		if (left === null || left === undefined) return nullsLast ? 1 : descending ? 1 : -1;
		if (right === null || right === undefined) return nullsLast ? -1 : descending ? -1 : 1;
		const order = left < right ? -1 : 1;
		return descending ? -order : order;
	});
}

// ---- lookups ------------------------------------------------------------------------------------

function event(ctx: HandlerContext, id: unknown, options: { anyCalendar?: boolean } = {}): Rec {
	const found = ctx.store.events.get(String(id));
	if (!found || found.canceled) throw notFound('Event');
	if (!options.anyCalendar && ctx.keyType === 'calendar' && found.calendar_id !== ctx.calendarId) {
		throw new ApiError(403, 'This API key does not have access to this event.', 'forbidden');
	}
	return found;
}

function calendar(ctx: HandlerContext): Rec {
	return ctx.store.calendars.get(ctx.calendarId)!;
}

function eventWithHosts(store: EventsStore, record: Rec): Rec {
	return {
		...record,
		hosts: record.hostEmails
			.filter((email: string) => record.hostSettings[email]?.is_visible !== false)
			.map((email: string) => {
				const user = store.user(email);
				return { id: user.id, email: user.email, name: user.name, first_name: user.first_name, last_name: user.last_name, avatar_url: user.avatar_url };
			}),
	};
}

function eventEntry(store: EventsStore, record: Rec): Rec {
	return {
		...eventWithHosts(store, record),
		tags: record.tagIds.map((id: string) => store.eventTags.get(id)).filter(Boolean).map((tag: Rec) => ({ id: tag.id, name: tag.name })),
	};
}

function guestOut(store: EventsStore, guest: Rec): Rec {
	const event = store.events.get(guest.eventId);
	return { ...guest, event_ticket_orders: [], custom_source: guest.utm_source, event: event ? eventWithHosts(store, event) : undefined };
}

function contactOut(store: EventsStore, contact: Rec): Rec {
	return { ...contact, tags: [...contact.tagIds].map((id) => store.contactTags.get(id)).filter(Boolean).map((tag) => ({ id: tag!.id, name: tag!.name })) };
}

function tagByIdOrName(map: Map<string, Rec>, calendarId: string, value: string): Rec {
	const found = [...map.values()].find((tag) => tag.calendarId === calendarId && (tag.id === value || tag.name.toLowerCase() === value.toLowerCase()));
	if (!found) throw notFound('Tag');
	return found;
}

const EVENT_FIELDS = [
	'name', 'description_md', 'cover_url', 'coordinate', 'geo_address_json', 'max_capacity', 'meeting_url', 'name_requirement',
	'phone_number_requirement', 'registration_questions', 'can_register_for_multiple_tickets', 'visibility', 'timezone', 'slug',
	'location_visibility', 'registration_open', 'waitlist_status', 'feedback_email', 'require_rsvp_approval', 'font', 'theme',
];

function applyEventFields(target: Rec, body: Rec): void {
	for (const key of EVENT_FIELDS) if (body[key] !== undefined) target[key] = body[key];
	if (body.description_md !== undefined) target.description = String(body.description_md).replace(/[#*_`>]/g, '');
	if (body.meeting_url) target.location_type = /zoom/.test(body.meeting_url) ? 'zoom' : /meet\.google/.test(body.meeting_url) ? 'meet' : 'unknown';
	const start = body.start_at ? Date.parse(body.start_at) : Date.parse(target.start_at);
	let end = body.end_at ? Date.parse(body.end_at) : Date.parse(target.end_at ?? '') || start + 3_600_000;
	if (body.duration_interval && !body.end_at) {
		const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(body.duration_interval);
		if (match) end = start + ((Number(match[1] ?? 0) * 24 + Number(match[2] ?? 0)) * 60 + Number(match[3] ?? 0)) * 60_000;
	}
	if (end < start) throw invalid('end_at must be after start_at');
	target.start_at = iso(start);
	target.end_at = iso(end);
	target.duration_interval = isoDuration(end - start);
}

function checkSlug(ctx: HandlerContext, slug: unknown, exceptId?: string) {
	if (slug === undefined || slug === null) return;
	const value = String(slug);
	if (!/^[a-z0-9-]{3,50}$/i.test(value)) throw invalid('Invalid value for slug: 3 to 50 letters, digits or dashes');
	if ([...ctx.store.events.values()].some((other) => other.slug === value && other.id !== exceptId && !other.canceled)) {
		throw invalid(`The slug "${value}" is already taken.`);
	}
}

function findContact(ctx: HandlerContext, body: Rec): Rec {
	const contact = ctx.store
		.contactsOf(ctx.calendarId)
		.find((entry) => (body.contact_id && entry.id === body.contact_id) || (body.email && entry.email === String(body.email).toLowerCase()));
	if (!contact) throw notFound('Contact');
	return contact;
}

function blastOf(ctx: HandlerContext, id: unknown): Rec {
	const blast = ctx.store.blasts.get(String(id));
	if (!blast || blast.deleted) throw notFound('Blast');
	event(ctx, blast.event_id);
	return blast;
}

function recipientCount(store: EventsStore, eventId: string, groups: Rec[] | undefined): number {
	const wanted = groups?.length ? groups : [{ status: 'approved' }];
	return store.guestsOf(eventId).filter((guest) =>
		wanted.some((group) => {
			const statusMatch =
				group.status === 'checked_in'
					? guest.event_tickets.some((ticket: Rec) => ticket.checked_in_at)
					: guest.approval_status === group.status;
			const typeMatch = !group.event_ticket_type_id || guest.event_tickets.some((ticket: Rec) => ticket.event_ticket_type_id === group.event_ticket_type_id);
			return statusMatch && typeMatch;
		}),
	).length;
}

const GUEST_EVENTS = (ctx: HandlerContext, guest: Rec, registered: boolean) => {
	const data = guestOut(ctx.store, guest);
	if (registered) {
		ctx.emit('guest.registered', data);
		for (const ticket of guest.event_tickets) ctx.emit('ticket.registered', { ...data, event_ticket: ticket });
	}
	ctx.emit('guest.updated', data);
};

// ---- routes -------------------------------------------------------------------------------------

export const HANDLERS: Record<string, Handler> = {
	'GET /v1/users/get-self': ({ store }) => store.owner,

	// Events
	'GET /v1/events/get': (ctx) => eventWithHosts(ctx.store, event(ctx, ctx.query.event_id)),
	'POST /v1/events/create': (ctx) => {
		const { body, store } = ctx;
		checkSlug(ctx, body.slug);
		const record = store.addEvent(ctx.calendarId, { name: body.name, start_at: body.start_at, timezone: body.timezone, created_at: iso(ctx.now()) });
		applyEventFields(record, body);
		for (const ticketType of body.ticket_types ?? []) store.addTicketType(record, ticketType);
		ctx.emit('event.created', eventEntry(store, record));
		ctx.emit('calendar.event.added', { ...record, api_id: record.id, calendar: calendar(ctx), hosts: eventWithHosts(store, record).hosts });
		return { id: record.id };
	},
	'POST /v1/events/update': (ctx) => {
		const record = event(ctx, ctx.body.event_id);
		checkSlug(ctx, ctx.body.slug, record.id);
		applyEventFields(record, ctx.body);
		ctx.emit('event.updated', eventEntry(ctx.store, record));
		return {};
	},
	'POST /v1/events/cancel/request': (ctx) => {
		const record = event(ctx, ctx.body.event_id);
		const guests = ctx.store.guestsOf(record.id).filter((guest) => guest.approval_status === 'approved');
		const isPaid = ctx.store.ticketTypesOf(record.id).some((ticketType) => ticketType.type === 'paid' && (ticketType.cents ?? 0) > 0) &&
			guests.some((guest) => guest.event_tickets.some((ticket: Rec) => ticket.amount > 0));
		const token = `cxl_${randomBytes(12).toString('hex')}`;
		ctx.store.cancellations.set(token, { eventId: record.id, expiresAt: ctx.now() + 15 * 60_000, isPaid });
		return { cancellation_token: token, is_paid: isPaid, guest_count: guests.length };
	},
	'POST /v1/events/cancel': (ctx) => {
		const record = event(ctx, ctx.body.event_id);
		const pending = ctx.store.cancellations.get(ctx.body.cancellation_token);
		if (!pending || pending.eventId !== record.id || pending.expiresAt < ctx.now()) {
			throw invalid('Invalid or expired cancellation_token: request a new one with /v1/events/cancel/request');
		}
		if (pending.isPaid && ctx.body.should_refund === undefined) throw invalid('should_refund is required for events with paid tickets');
		ctx.store.cancellations.delete(ctx.body.cancellation_token);
		const data = eventEntry(ctx.store, record);
		record.canceled = true;
		ctx.emit('event.canceled', data);
		return {};
	},
	'POST /v1/organizations/events/transfer-calendar': (ctx) => {
		const record = event(ctx, ctx.body.event_id, { anyCalendar: true });
		const target = ctx.store.calendars.get(ctx.body.calendar_id);
		if (!target || target.organizationId !== ctx.store.organization.id) throw notFound('Calendar');
		record.calendar_id = target.id;
		return {};
	},

	// Guests
	'GET /v1/events/guests/get': (ctx) => {
		event(ctx, ctx.query.event_id);
		const guest = ctx.store.findGuest(ctx.query.event_id, String(ctx.query.id));
		if (!guest) throw notFound('Guest');
		return guest;
	},
	'GET /v1/events/guests/list': (ctx) => {
		event(ctx, ctx.query.event_id);
		let guests = ctx.store.guestsOf(ctx.query.event_id);
		if (ctx.query.approval_status) guests = guests.filter((guest) => guest.approval_status === ctx.query.approval_status);
		const keyed = guests.map((guest) => ({
			...guest,
			name: guest.user_name,
			email: guest.user_email,
			checked_in_at: guest.event_tickets.map((ticket: Rec) => ticket.checked_in_at).find(Boolean) ?? null,
			created_at: guest.registered_at ?? guest.invited_at,
		}));
		return paginate(sortBy(keyed, ctx.query.sort_column, ctx.query.sort_direction, 'created_at'), ctx.query);
	},
	'POST /v1/events/guests/add': (ctx) => {
		const { body, store } = ctx;
		const record = event(ctx, body.event_id);
		if (body.ticket && body.tickets) throw invalid('Use either ticket or tickets, not both');
		const typeIds: string[] | undefined = body.ticket
			? [body.ticket.event_ticket_type_id]
			: body.tickets
				? body.tickets.map((ticket: Rec) => ticket.event_ticket_type_id)
				: undefined;
		for (const typeId of typeIds ?? []) {
			const ticketType = store.ticketTypes.get(typeId);
			if (!ticketType || ticketType.eventId !== record.id || ticketType.deleted) throw notFound(`Ticket type ${typeId}`);
		}
		for (const person of body.guests) {
			const existing = store.findGuest(record.id, person.email);
			if (existing) continue; // Luma skips people already on the guest list
			const guest = store.addGuest(record, person, { approval_status: body.approval_status ?? 'approved', ticketTypeIds: typeIds });
			GUEST_EVENTS(ctx, guest, guest.approval_status === 'approved');
		}
		return {};
	},
	'POST /v1/events/guests/update-status': (ctx) => {
		const { body, store } = ctx;
		event(ctx, body.event_id);
		if (body.message !== undefined && body.send_email === false) throw invalid('message cannot be used with send_email: false');
		if (body.message !== undefined && String(body.message).length > 200) throw invalid('Invalid value for message: at most 200 characters');
		const guest = store.findGuest(body.event_id, body.guest_id);
		if (!guest) throw notFound('Guest');
		const wasApproved = guest.approval_status === 'approved';
		guest.approval_status = body.status;
		if (!guest.registered_at) guest.registered_at = iso(ctx.now());
		GUEST_EVENTS(ctx, guest, !wasApproved && body.status === 'approved');
		return {};
	},
	'POST /v1/events/guests/send-invites': (ctx) => {
		const record = event(ctx, ctx.body.event_id);
		for (const person of ctx.body.guests) {
			if (ctx.store.findGuest(record.id, person.email)) continue;
			ctx.store.addGuest(record, person, { approval_status: 'invited', ticketTypeIds: [] });
		}
		return {};
	},
	'POST /v1/events/guests/update-tickets': (ctx) => {
		const { body, store } = ctx;
		const record = event(ctx, body.event_id);
		const guest = store.findGuest(record.id, body.guest_id);
		if (!guest) throw notFound('Guest');
		for (const id of body.ticket_ids_to_remove ?? []) {
			const index = guest.event_tickets.findIndex((ticket: Rec) => ticket.id === id);
			if (index < 0) throw notFound(`Ticket ${id}`);
			guest.event_tickets.splice(index, 1);
		}
		for (const { event_ticket_type_id: typeId } of body.tickets_to_add ?? []) {
			const ticketType = store.ticketTypes.get(typeId);
			if (!ticketType || ticketType.eventId !== record.id) throw notFound(`Ticket type ${typeId}`);
			guest.event_tickets.push({ ...store.ticket(typeId), amount: 0 });
		}
		ctx.emit('guest.updated', guestOut(store, guest));
		return {};
	},

	// Hosts
	'POST /v1/events/hosts/add': (ctx) => {
		const record = event(ctx, ctx.body.event_id);
		const email = String(ctx.body.email).toLowerCase();
		if (record.hostEmails.includes(email)) throw invalid(`${email} is already a host of this event`);
		ctx.store.user(email, ctx.body.name);
		record.hostEmails.push(email);
		record.hostSettings[email] = { access_level: ctx.body.access_level ?? 'manager', is_visible: ctx.body.is_visible ?? true };
		return {};
	},
	'POST /v1/events/hosts/update': (ctx) => {
		const record = event(ctx, ctx.body.event_id);
		const email = String(ctx.body.email).toLowerCase();
		if (!record.hostEmails.includes(email)) throw notFound('Host');
		if (record.hostSettings[email].access_level === 'creator') throw invalid('The creator of an event cannot be changed');
		if (ctx.body.access_level !== undefined) record.hostSettings[email].access_level = ctx.body.access_level;
		if (ctx.body.is_visible !== undefined) record.hostSettings[email].is_visible = ctx.body.is_visible;
		return {};
	},
	'POST /v1/events/hosts/remove': (ctx) => {
		const record = event(ctx, ctx.body.event_id);
		const email = String(ctx.body.email).toLowerCase();
		if (!record.hostEmails.includes(email)) throw notFound('Host');
		if (record.hostSettings[email].access_level === 'creator') throw invalid('The creator of an event cannot be removed');
		record.hostEmails = record.hostEmails.filter((entry: string) => entry !== email);
		delete record.hostSettings[email];
		return {};
	},

	// Ticket types
	'GET /v1/events/ticket-types/list': (ctx) => {
		event(ctx, ctx.query.event_id);
		const includeHidden = String(ctx.query.include_hidden ?? 'false') === 'true';
		return { entries: ctx.store.ticketTypesOf(ctx.query.event_id).filter((ticketType) => includeHidden || !ticketType.is_hidden) };
	},
	'GET /v1/events/ticket-types/get': (ctx) => {
		const ticketType = ctx.store.ticketTypes.get(String(ctx.query.event_ticket_type_id));
		if (!ticketType || ticketType.deleted) throw notFound('Ticket type');
		event(ctx, ticketType.eventId);
		return ticketType;
	},
	'POST /v1/events/ticket-types/create': (ctx) => {
		const record = event(ctx, ctx.body.event_id);
		const { event_id: _eventId, ...fields } = ctx.body;
		if (!fields.name) throw invalid('Missing required field: name');
		if (fields.type === 'paid' && !(fields.cents > 0) && !fields.is_flexible) throw invalid('Paid ticket types need cents > 0');
		return ctx.store.addTicketType(record, { type: 'free', ...fields });
	},
	'POST /v1/events/ticket-types/update': (ctx) => {
		const ticketType = ctx.store.ticketTypes.get(String(ctx.body.event_ticket_type_id));
		if (!ticketType || ticketType.deleted) throw notFound('Ticket type');
		event(ctx, ticketType.eventId);
		const { event_ticket_type_id: _id, ...fields } = ctx.body;
		Object.assign(ticketType, fields);
		return ticketType;
	},
	'POST /v1/events/ticket-types/delete': (ctx) => {
		const ticketType = ctx.store.ticketTypes.get(String(ctx.body.event_ticket_type_id));
		if (!ticketType || ticketType.deleted) throw notFound('Ticket type');
		event(ctx, ticketType.eventId);
		const sold = ctx.store.guestsOf(ticketType.eventId).some((guest) => guest.event_tickets.some((ticket: Rec) => ticket.event_ticket_type_id === ticketType.id));
		if (sold) throw invalid('Cannot delete a ticket type that has tickets sold');
		const visible = ctx.store.ticketTypesOf(ticketType.eventId).filter((entry) => !entry.is_hidden);
		if (!ticketType.is_hidden && visible.length <= 1) throw invalid('Cannot delete the last visible ticket type');
		ticketType.deleted = true;
		return {};
	},

	// Coupons
	'GET /v1/events/coupons/list': (ctx) => {
		event(ctx, ctx.query.event_id);
		return paginate([...ctx.store.coupons.values()].filter((coupon) => coupon.eventId === ctx.query.event_id), ctx.query);
	},
	'GET /v1/calendars/coupons/list': (ctx) =>
		paginate([...ctx.store.coupons.values()].filter((coupon) => coupon.calendarId === ctx.calendarId && !coupon.eventId), ctx.query),
	'POST /v1/events/coupons/create': (ctx) => createCoupon(ctx, event(ctx, ctx.body.event_id).id),
	'POST /v1/calendars/coupons/create': (ctx) => createCoupon(ctx),
	'POST /v1/events/coupons/update': (ctx) => updateCoupon(ctx, event(ctx, ctx.body.event_id).id),
	'POST /v1/calendars/coupons/update': (ctx) => updateCoupon(ctx),

	// Calendars
	'GET /v1/calendars/get': (ctx) => calendar(ctx),
	'POST /v1/calendars/update': (ctx) => {
		const target = ctx.store.calendars.get(ctx.body.calendar_id);
		if (!target) throw notFound('Calendar');
		if (ctx.keyType === 'calendar' && target.id !== ctx.calendarId) throw new ApiError(403, 'This API key does not have access to this calendar.', 'forbidden');
		const { calendar_id: _id, ...fields } = ctx.body;
		Object.assign(target, fields);
		if (fields.slug) target.url = `https://luma.com/${fields.slug}`;
		return target;
	},
	'GET /v1/calendars/events/list': (ctx) => {
		const { query } = ctx;
		const platforms: string[] = Array.isArray(query.platforms) ? query.platforms : query.platforms ? [query.platforms] : ['luma'];
		const status = query.status ?? 'approved';
		let events = [...ctx.store.events.values()].filter((record) => record.calendar_id === ctx.calendarId && !record.canceled);
		const submissions = [...ctx.store.calendarEvents.values()].filter((entry) => entry.calendarId === ctx.calendarId && entry.status === status);
		events = status === 'approved' ? events : [];
		const external = submissions.filter((entry) => entry.platform === 'external');
		let combined: Rec[] = [
			...(platforms.includes('luma') ? [...events, ...submissions.filter((entry) => entry.platform === 'luma').map((entry) => ctx.store.events.get(entry.eventId)!).filter(Boolean)] : []),
			...(platforms.includes('external') ? external.map((entry) => entry.external) : []),
		];
		if (query.after) combined = combined.filter((record) => record.start_at >= new Date(query.after).toISOString());
		if (query.before) combined = combined.filter((record) => record.start_at <= new Date(query.before).toISOString());
		return paginate(sortBy(combined, 'start_at', query.sort_direction, 'start_at'), query, (record) =>
			record.platform === 'external' ? { ...record, tags: [] } : eventEntry(ctx.store, record),
		);
	},
	'GET /v1/calendar/lookup-event': (ctx) => {
		const { query } = ctx;
		const id = query.event_id ?? query.event_api_id;
		const submissions = [...ctx.store.calendarEvents.values()].filter((entry) => entry.calendarId === ctx.calendarId);
		const submitted = submissions.find(
			(entry) =>
				(id && entry.eventId === id) ||
				(query.url && (entry.external?.url === query.url || ctx.store.events.get(entry.eventId)?.url === query.url)),
		);
		if (submitted) return { event: { id: submitted.id, api_id: submitted.id, status: submitted.status } };
		const own = [...ctx.store.events.values()].find(
			(record) => !record.canceled && record.calendar_id === ctx.calendarId && ((id && record.id === id) || (query.url && record.url === query.url)),
		);
		// Events created on the calendar are on it without a submission: report them approved.
		if (own) return { event: { id: `calev-${own.id.slice(4)}`, api_id: own.id, status: 'approved' } };
		return { event: null };
	},
	'POST /v1/calendar/add-event': (ctx) => {
		const { body, store } = ctx;
		const id = store.nextId('calev');
		if (body.platform === 'external' || (!body.event_id && body.url)) {
			const start = iso(Date.parse(body.start_at));
			const entry = {
				id,
				calendarId: ctx.calendarId,
				platform: 'external',
				status: body.submission_mode === 'pending' ? 'pending' : 'approved',
				external: {
					platform: 'external', id, calendar_id: ctx.calendarId, name: body.name, url: body.url, start_at: start,
					end_at: start, duration_interval: body.duration_interval, created_at: iso(ctx.now()), timezone: body.timezone,
					geo_address_json: null, coordinate: body.coordinate ?? null, host: body.host ?? null,
				},
			};
			store.calendarEvents.set(id, entry);
			return { id, api_id: id, status: entry.status };
		}
		const record = event(ctx, body.event_id ?? body.event_api_id, { anyCalendar: true });
		const entry = { id, calendarId: ctx.calendarId, platform: 'luma', eventId: record.id, status: body.submission_mode === 'pending' ? 'pending' : 'approved' };
		store.calendarEvents.set(id, entry);
		return { id, api_id: id, status: entry.status };
	},
	'POST /v1/calendar/approve-event': (ctx) => {
		submission(ctx, ctx.body.calendar_event_id).status = 'approved';
		return {};
	},
	'POST /v1/calendar/reject-event': (ctx) => {
		submission(ctx, ctx.body.calendar_event_id).status = 'rejected';
		return {};
	},
	'GET /v1/calendar/admins/list': (ctx) => ({
		entries: (calendar(ctx).admins as string[]).map((id) => ({ ...ctx.store.users.get(id), api_id: id })),
	}),
	'POST /v1/calendars/admins/add': (ctx) => {
		const target = calendar(ctx);
		let added = 0;
		for (const email of ctx.body.emails as string[]) {
			const user = ctx.store.user(email);
			if (target.admins.includes(user.id)) continue;
			target.admins.push(user.id);
			added += 1;
		}
		return { added_count: added, skipped_count: ctx.body.emails.length - added };
	},

	// Contacts and tags
	'GET /v1/calendars/contacts/list': (ctx) => {
		const { query, store } = ctx;
		let contacts = store.contactsOf(ctx.calendarId).filter((contact) => contact.state === 'active');
		if (query.query) {
			const needle = String(query.query).toLowerCase();
			contacts = contacts.filter((contact) => contact.email.includes(needle) || String(contact.name ?? '').toLowerCase().includes(needle));
		}
		if (query.tags !== undefined && query.tags !== null) {
			const wanted = (Array.isArray(query.tags) ? query.tags : [query.tags]).map((value: string) => tagByIdOrName(store.contactTags, ctx.calendarId, value).id);
			contacts = contacts.filter((contact) => wanted.some((id: string) => contact.tagIds.has(id)));
		}
		if (query.calendar_membership_tier_id) contacts = contacts.filter((contact) => contact.membership?.calendar_membership_tier_id === query.calendar_membership_tier_id);
		if (query.membership_status) contacts = contacts.filter((contact) => contact.membership?.status === query.membership_status);
		return paginate(sortBy(contacts, query.sort_column, query.sort_direction, 'created_at'), query, (contact) => contactOut(store, contact));
	},
	'POST /v1/calendars/contacts/import': (ctx) => {
		const { body, store } = ctx;
		const tags = (body.tags ?? []).map((value: string) => tagByIdOrName(store.contactTags, ctx.calendarId, value));
		for (const person of body.contacts) {
			const email = String(person.email).toLowerCase();
			let contact = store.contactsOf(ctx.calendarId).find((entry) => entry.email === email);
			if (!contact) {
				contact = store.addContact(ctx.calendarId, { email, name: person.name });
				ctx.emit('calendar.person.subscribed', { ...contactOut(store, contact), user: store.user(email) });
			}
			for (const tag of tags) contact.tagIds.add(tag.id);
		}
		return {};
	},
	'POST /v1/calendars/contacts/block': (ctx) => setContactState(ctx, 'blocked'),
	'POST /v1/calendars/contacts/remove': (ctx) => setContactState(ctx, 'removed'),
	'POST /v1/calendars/contacts/restore': (ctx) => setContactState(ctx, 'active'),
	'GET /v1/calendars/contact-tags/list': (ctx) => ({ entries: tagsOf(ctx.store.contactTags, ctx.calendarId), has_more: false }),
	'POST /v1/calendars/contact-tags/create': (ctx) => createTag(ctx, ctx.store.contactTags),
	'POST /v1/calendars/contact-tags/update': (ctx) => updateTag(ctx, ctx.store.contactTags),
	'POST /v1/calendars/contact-tags/delete': (ctx) => {
		const tag = tagByIdOrName(ctx.store.contactTags, ctx.calendarId, ctx.body.tag_id);
		ctx.store.contactTags.delete(tag.id);
		for (const contact of ctx.store.contacts.values()) contact.tagIds.delete(tag.id);
		return {};
	},
	'POST /v1/calendars/contact-tags/apply': (ctx) => tagContacts(ctx, true),
	'POST /v1/calendars/contact-tags/unapply': (ctx) => tagContacts(ctx, false),
	'GET /v1/calendars/event-tags/list': (ctx) => ({ entries: tagsOf(ctx.store.eventTags, ctx.calendarId), has_more: false }),
	'POST /v1/calendars/event-tags/create': (ctx) => createTag(ctx, ctx.store.eventTags),
	'POST /v1/calendars/event-tags/update': (ctx) => updateTag(ctx, ctx.store.eventTags),
	'POST /v1/calendars/event-tags/delete': (ctx) => {
		const tag = tagByIdOrName(ctx.store.eventTags, ctx.calendarId, ctx.body.tag_id);
		ctx.store.eventTags.delete(tag.id);
		for (const record of ctx.store.events.values()) record.tagIds = record.tagIds.filter((id: string) => id !== tag.id);
		return {};
	},
	'POST /v1/calendars/event-tags/apply': (ctx) => tagEvents(ctx, true),
	'POST /v1/calendars/event-tags/unapply': (ctx) => tagEvents(ctx, false),

	// Memberships
	'GET /v1/memberships/tiers/list': (ctx) => paginate([...ctx.store.tiers.values()].filter((tier) => tier.calendarId === ctx.calendarId), ctx.query),
	'POST /v1/memberships/members/add': (ctx) => {
		const { body, store } = ctx;
		const tier = store.tiers.get(body.membership_tier_id);
		if (!tier || tier.calendarId !== ctx.calendarId) throw notFound('Membership tier');
		const email = String(body.email).toLowerCase();
		const contact = store.contactsOf(ctx.calendarId).find((entry) => entry.email === email) ?? store.addContact(ctx.calendarId, { email });
		const status = tier.access_info.require_approval ? 'pending' : tier.access_info.type === 'free' || body.skip_payment ? 'approved' : 'approved-pending-payment';
		contact.membership = { status, calendar_membership_tier_id: tier.id };
		contact.membershipId ??= store.nextId('mem');
		return { membership_id: contact.membershipId, status };
	},
	'POST /v1/memberships/members/update-status': (ctx) => {
		const contact = ctx.store.contactsOf(ctx.calendarId).find((entry) => entry.user_id === ctx.body.user_id && entry.membership);
		if (!contact) throw notFound('Member');
		contact.membership.status = ctx.body.status;
		return {};
	},

	// Webhooks
	'GET /v1/webhooks/list': (ctx) => paginate(webhooksOf(ctx), ctx.query),
	'GET /v2/webhooks/get': (ctx) => webhook(ctx, ctx.query.id),
	'POST /v2/webhooks/create': (ctx) => {
		const { body, store } = ctx;
		if (webhooksOf(ctx).some((entry) => entry.url === body.url)) throw invalid('A webhook for this URL already exists');
		const record = {
			id: store.nextId('wh'),
			calendarId: ctx.calendarId,
			url: body.url,
			event_types: body.event_types,
			status: 'active',
			secret: `whsec_${randomBytes(24).toString('hex')}`,
			created_at: iso(ctx.now()),
		};
		store.webhooks.set(record.id, record);
		return record;
	},
	'POST /v2/webhooks/update': (ctx) => {
		const record = webhook(ctx, ctx.body.id);
		if (ctx.body.event_types !== undefined) record.event_types = ctx.body.event_types;
		if (ctx.body.status !== undefined) record.status = ctx.body.status;
		return record;
	},
	'POST /v1/webhooks/delete': (ctx) => {
		ctx.store.webhooks.delete(webhook(ctx, ctx.body.id).id);
		return {};
	},

	// Organization (organization keys only; enforced in index.ts)
	'GET /v1/organizations/admins/list': (ctx) => ({
		entries: [ctx.store.owner].map((user) => ({ ...user, api_id: user.id })),
	}),
	'GET /v1/organizations/calendars/list': (ctx) =>
		paginate([...ctx.store.calendars.values()].filter((entry) => entry.organizationId === ctx.store.organization.id), ctx.query),
	'GET /v1/organizations/events/list': (ctx) => {
		let events = [...ctx.store.events.values()].filter((record) => !record.canceled);
		if (ctx.query.after) events = events.filter((record) => record.start_at >= new Date(ctx.query.after).toISOString());
		if (ctx.query.before) events = events.filter((record) => record.start_at <= new Date(ctx.query.before).toISOString());
		return paginate(sortBy(events, 'start_at', ctx.query.sort_direction, 'start_at'), ctx.query, (record) => eventWithHosts(ctx.store, record));
	},
	'POST /v2/organizations/calendars/create': (ctx) => {
		if (ctx.body.slug && [...ctx.store.calendars.values()].some((entry) => entry.slug === ctx.body.slug)) throw invalid(`The slug "${ctx.body.slug}" is already taken.`);
		return ctx.store.addCalendar({ ...ctx.body });
	},

	// Misc
	'GET /v1/entity/lookup': (ctx) => {
		const slug = String(ctx.query.slug).replace(/^https?:\/\/(www\.)?(luma\.com|lu\.ma)\//, '').replace(/^\//, '');
		const cal = [...ctx.store.calendars.values()].find((entry) => entry.slug === slug);
		if (cal) return { entity: { type: 'calendar', calendar: { ...cal, api_id: cal.id } } };
		const found = [...ctx.store.events.values()].find((record) => record.slug === slug && !record.canceled);
		if (found) return { entity: { type: 'event', event: { ...found, api_id: found.id } } };
		return { entity: null };
	},
	'POST /v1/images/create-upload-url': (ctx) => {
		const id = ctx.store.nextId('img');
		ctx.store.uploads.set(id, { contentType: ctx.body.content_type ?? 'image/png' });
		return { upload_url: `${ctx.origin}/sim-cdn/upload/${id}`, file_url: `${ctx.origin}/sim-cdn/images/${id}` };
	},
	'GET /v1/images/search': (ctx) => {
		const words = String(ctx.query.query).toLowerCase();
		const entries = Array.from({ length: 30 }, (_, index) => ({
			id: `stock-${words.replace(/\W+/g, '-')}-${index + 1}`,
			image_url: `https://images.lumacdn.com/stock/${encodeURIComponent(words)}/${index + 1}.jpg`,
			description: `${words} #${index + 1}`,
		}));
		return paginate(entries, ctx.query);
	},
	'GET /v1/places/search': (ctx) => {
		const words = String(ctx.query.query);
		return {
			entries: ['Hall', 'Cafe', 'Library', 'Park', 'Studio'].map((kind, index) => ({
				place_id: `ChIJ${Buffer.from(`${words}-${index}`).toString('base64url').slice(0, 20)}`,
				name: `${words} ${kind}`,
				address: `${index + 1} ${words} Street`,
				description: `${kind} matching "${words}"`,
			})),
		};
	},

	// Blasts (added after the OpenAPI snapshot: README.md here)
	'GET /v1/events/blasts/list': (ctx) => {
		event(ctx, ctx.query.event_id);
		return { entries: [...ctx.store.blasts.values()].filter((blast) => blast.event_id === ctx.query.event_id && !blast.deleted).reverse() };
	},
	'GET /v1/events/blasts/get': (ctx) => blastOf(ctx, ctx.query.blast_id),
	'POST /v1/events/blasts/create': (ctx) => {
		const { body, store } = ctx;
		const record = event(ctx, body.event_id);
		const recent = [...store.blasts.values()].filter((blast) => store.events.get(blast.event_id)?.calendar_id === record.calendar_id && Date.parse(blast.created_at) > ctx.now() - 5 * 60_000);
		if (recent.length >= 10) throw new ApiError(429, 'Too many blasts: at most 10 per 5 minutes per calendar', 'rate_limited');
		const scheduled = body.scheduled_for && Date.parse(body.scheduled_for) > ctx.now();
		const blast = {
			id: store.nextId('ep'),
			event_id: record.id,
			subject: body.subject ?? null,
			content_md: body.content_md,
			recipient_groups: body.recipient_groups ?? [{ status: 'approved' }],
			scheduled_for: body.scheduled_for ?? null,
			status: scheduled ? 'scheduled' : 'sent',
			sent_at: scheduled ? null : iso(ctx.now()),
			created_at: iso(ctx.now()),
			recipient_count: scheduled ? null : recipientCount(store, record.id, body.recipient_groups),
			email_open_count: scheduled ? null : 0,
		};
		store.blasts.set(blast.id, blast);
		return blast;
	},
	'POST /v1/events/blasts/update': (ctx) => {
		const blast = blastOf(ctx, ctx.body.blast_id);
		if (blast.status === 'sent' && (ctx.body.recipient_groups !== undefined || ctx.body.scheduled_for !== undefined)) {
			throw invalid('A sent blast can only change subject and content_md');
		}
		for (const key of ['content_md', 'subject', 'recipient_groups', 'scheduled_for']) if (ctx.body[key] !== undefined) blast[key] = ctx.body[key];
		return blast;
	},
	'POST /v1/events/blasts/delete': (ctx) => {
		const blast = blastOf(ctx, ctx.body.blast_id);
		blast.deleted = true;
		if (blast.status === 'scheduled') blast.status = 'canceled';
		return {};
	},
};

function submission(ctx: HandlerContext, id: string): Rec {
	const entry =
		ctx.store.calendarEvents.get(id) ??
		[...ctx.store.calendarEvents.values()].find((candidate) => candidate.eventId === id && candidate.calendarId === ctx.calendarId);
	if (!entry || entry.calendarId !== ctx.calendarId) throw notFound('Calendar event');
	return entry;
}

function createCoupon(ctx: HandlerContext, eventId?: string) {
	const { body, store } = ctx;
	const code = String(body.code);
	if (code.length > 20) throw invalid('Invalid value for code: at most 20 characters');
	const clash = [...store.coupons.values()].some(
		(coupon) => coupon.code === code.toUpperCase() && coupon.calendarId === ctx.calendarId && coupon.eventId === eventId,
	);
	if (clash) throw invalid(`A coupon with code ${code.toUpperCase()} already exists`);
	const discount = body.discount;
	if (body.event_ticket_type_id) {
		const ticketType = store.ticketTypes.get(body.event_ticket_type_id);
		if (!ticketType || ticketType.eventId !== eventId) throw notFound('Ticket type');
	}
	return store.addCoupon({
		calendarId: ctx.calendarId,
		eventId,
		code,
		remaining_count: body.remaining_count ?? 1_000_000,
		valid_start_at: body.valid_start_at ?? null,
		valid_end_at: body.valid_end_at ?? null,
		percent_off: discount.discount_type === 'percent' ? discount.percent_off : null,
		cents_off: discount.discount_type === 'amount' ? discount.cents_off : null,
		currency: discount.discount_type === 'amount' ? discount.currency : null,
		event_ticket_type_id: body.event_ticket_type_id ?? null,
	});
}

function updateCoupon(ctx: HandlerContext, eventId?: string) {
	const code = String(ctx.body.code).toUpperCase();
	const coupon = [...ctx.store.coupons.values()].find((entry) => entry.code === code && entry.calendarId === ctx.calendarId && entry.eventId === eventId);
	if (!coupon) throw notFound('Coupon');
	for (const key of ['remaining_count', 'valid_start_at', 'valid_end_at']) if (ctx.body[key] !== undefined) coupon[key] = ctx.body[key];
	return {};
}

function setContactState(ctx: HandlerContext, state: 'active' | 'blocked' | 'removed') {
	findContact(ctx, ctx.body).state = state;
	return {};
}

function tagsOf(map: Map<string, Rec>, calendarId: string) {
	return [...map.values()].filter((tag) => tag.calendarId === calendarId);
}

function createTag(ctx: HandlerContext, map: Map<string, Rec>) {
	if (tagsOf(map, ctx.calendarId).some((tag) => tag.name.toLowerCase() === String(ctx.body.name).toLowerCase())) {
		throw invalid(`A tag named "${ctx.body.name}" already exists`);
	}
	const tag = { id: ctx.store.nextId('tag'), name: ctx.body.name, color: ctx.body.color ?? 'gray', calendarId: ctx.calendarId };
	map.set(tag.id, tag);
	return { id: tag.id };
}

function updateTag(ctx: HandlerContext, map: Map<string, Rec>) {
	const tag = tagByIdOrName(map, ctx.calendarId, ctx.body.tag_id);
	if (ctx.body.name !== undefined) tag.name = ctx.body.name;
	if (ctx.body.color !== undefined) tag.color = ctx.body.color;
	return {};
}

function tagContacts(ctx: HandlerContext, apply: boolean) {
	const tag = tagByIdOrName(ctx.store.contactTags, ctx.calendarId, ctx.body.tag);
	const contacts = ctx.store.contactsOf(ctx.calendarId);
	let changed = 0;
	let skipped = 0;
	const targets: Array<Rec | undefined> = [
		...(ctx.body.user_ids ?? []).map((id: string) => contacts.find((contact) => contact.user_id === id)),
		...(ctx.body.emails ?? []).map((email: string) => contacts.find((contact) => contact.email === email.toLowerCase())),
	];
	for (const contact of targets) {
		if (!contact || contact.tagIds.has(tag.id) === apply) skipped += 1;
		else {
			if (apply) contact.tagIds.add(tag.id);
			else contact.tagIds.delete(tag.id);
			changed += 1;
		}
	}
	return apply ? { applied_count: changed, skipped_count: skipped } : { removed_count: changed, skipped_count: skipped };
}

function tagEvents(ctx: HandlerContext, apply: boolean) {
	const tag = tagByIdOrName(ctx.store.eventTags, ctx.calendarId, ctx.body.tag);
	let changed = 0;
	let skipped = 0;
	for (const id of ctx.body.event_ids as string[]) {
		const record = ctx.store.events.get(id);
		if (!record || record.calendar_id !== ctx.calendarId || record.tagIds.includes(tag.id) === apply) skipped += 1;
		else {
			record.tagIds = apply ? [...record.tagIds, tag.id] : record.tagIds.filter((entry: string) => entry !== tag.id);
			changed += 1;
		}
	}
	return apply ? { applied_count: changed, skipped_count: skipped } : { removed_count: changed, skipped_count: skipped };
}

function webhooksOf(ctx: HandlerContext): Rec[] {
	return [...ctx.store.webhooks.values()].filter((entry) => entry.calendarId === ctx.calendarId);
}

function webhook(ctx: HandlerContext, id: unknown): Rec {
	const record = ctx.store.webhooks.get(String(id));
	if (!record || record.calendarId !== ctx.calendarId) throw notFound('Webhook');
	return record;
}
