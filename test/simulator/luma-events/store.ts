/**
 * In-memory state of the events API with real relations, and the deterministic seed.
 * Records keep relation fields (calendarId, eventId, ...) that responses never show; handlers shape
 * responses with fillFromSchema, so only documented keys leave the simulator.
 */
export type Rec = Record<string, any>;

/** Deterministic PRNG (mulberry32), so a seed always gives the same data set. */
export function prng(seed: number) {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (max: number) => Math.floor(next() * max),
		pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
		id: (prefix: string) => {
			const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
			let out = '';
			for (let i = 0; i < 14; i++) out += alphabet[Math.floor(next() * alphabet.length)];
			return `${prefix}-${out}`;
		},
	};
}

export const TIMEZONES = ['America/New_York', 'Europe/London', 'Asia/Tokyo', 'America/Los_Angeles', 'Europe/Berlin', 'Australia/Sydney'];
const FIRST = ['Ada', 'Grace', 'Alan', 'Linus', 'Margaret', 'Tim', 'Barbara', 'Ken', 'Radia', 'Dennis', 'Frances', 'John'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Torvalds', 'Hamilton', 'Berners-Lee', 'Liskov', 'Thompson', 'Perlman', 'Ritchie', 'Allen', 'Backus'];
const TOPICS = ['Founders Breakfast', 'AI Meetup', 'Design Critique', 'Demo Night', 'Hack Day', 'Book Club', 'Product Workshop', 'Community Dinner'];

export const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export class EventsStore {
	readonly rand: ReturnType<typeof prng>;
	organization: Rec;
	calendars = new Map<string, Rec>();
	users = new Map<string, Rec>();
	usersByEmail = new Map<string, Rec>();
	events = new Map<string, Rec>();
	/** calev- submissions (calendar/add-event) by id. */
	calendarEvents = new Map<string, Rec>();
	guests = new Map<string, Rec>();
	ticketTypes = new Map<string, Rec>();
	coupons = new Map<string, Rec>();
	contacts = new Map<string, Rec>();
	contactTags = new Map<string, Rec>();
	eventTags = new Map<string, Rec>();
	tiers = new Map<string, Rec>();
	webhooks = new Map<string, Rec>();
	blasts = new Map<string, Rec>();
	cancellations = new Map<string, Rec>();
	uploads = new Map<string, { contentType: string; bytes?: Buffer }>();
	primaryCalendarId: string;
	secondCalendarId: string;
	/** The seeded event with more than 1,000 guests. */
	bigEventId: string;
	owner: Rec;
	private sequence = 0;

	constructor(seed = 1, now = Date.now()) {
		this.rand = prng(seed);
		const r = this.rand;
		this.organization = { id: r.id('org'), name: 'Simulated Org' };
		this.owner = this.user('owner@example.com', 'Olive Owner');
		const primary = this.addCalendar({ name: 'Simulated Community', slug: 'simulated-community' });
		const second = this.addCalendar({ name: 'Simulated Side Calendar', slug: 'simulated-side' });
		this.primaryCalendarId = primary.id;
		this.secondCalendarId = second.id;
		primary.admins = [this.owner.id, this.user('admin@example.com', 'Adam Admin').id];
		second.admins = [this.owner.id];

		for (const [name, color] of [['VIP', '#f59e0b'], ['Speaker', '#3b82f6'], ['Sponsor', '#10b981']]) {
			const tag = { id: r.id('tag'), name, color, calendarId: primary.id };
			this.contactTags.set(tag.id, tag);
		}
		for (const [name, color] of [['Meetup', '#6366f1'], ['Workshop', '#ec4899'], ['Online', '#14b8a6']]) {
			const tag = { id: r.id('tag'), name, color, calendarId: primary.id };
			this.eventTags.set(tag.id, tag);
		}
		for (const [name, access] of [
			['Community', { type: 'free', require_approval: false }],
			['Patron', { type: 'free', require_approval: true }],
		] as const) {
			const tier = { id: r.id('cmt'), name, tint_color: '#8b5cf6', access_info: access, calendarId: primary.id, description: null };
			this.tiers.set(tier.id, tier);
		}

		// 230 events: most in the past, a good number upcoming, several timezones.
		const base = Math.floor(now / DAY) * DAY;
		for (let i = 0; i < 230; i++) {
			const start = base + (i - 150) * DAY + (9 + (i % 8)) * HOUR;
			const event = this.addEvent(primary.id, {
				name: `${TOPICS[i % TOPICS.length]} #${i + 1}`,
				start_at: iso(start),
				end_at: iso(start + 2 * HOUR),
				timezone: TIMEZONES[i % TIMEZONES.length],
				created_at: iso(start - 30 * DAY),
			});
			if (i % 5 === 0) event.tagIds.push([...this.eventTags.keys()][i % 3]);
			for (let g = 0; g < i % 4; g++) this.addGuest(event, this.seedPerson(), { approval_status: 'approved' });
		}
		for (let i = 0; i < 6; i++) {
			const start = base + (i + 3) * DAY + 18 * HOUR;
			this.addEvent(second.id, { name: `Side Event ${i + 1}`, start_at: iso(start), end_at: iso(start + HOUR), timezone: 'Europe/Paris' });
		}

		// The big one: upcoming, 1,250 guests in every status, some checked in.
		const bigStart = base + 14 * DAY + 18 * HOUR;
		const big = this.addEvent(primary.id, {
			name: 'Annual Conference',
			start_at: iso(bigStart),
			end_at: iso(bigStart + 8 * HOUR),
			timezone: 'America/New_York',
		});
		this.bigEventId = big.id;
		const vip = this.addTicketType(big, { name: 'VIP', type: 'paid', cents: 15000, currency: 'usd', max_capacity: 100 });
		const statuses = ['approved', 'approved', 'approved', 'pending_approval', 'declined', 'waitlist', 'invited'];
		for (let g = 0; g < 1250; g++) {
			const person = { email: `guest${String(g).padStart(4, '0')}@example.com`, name: `${r.pick(FIRST)} ${r.pick(LAST)}` };
			const guest = this.addGuest(big, person, {
				approval_status: statuses[g % statuses.length],
				ticketTypeId: g % 10 === 0 ? vip.id : undefined,
			});
			if (guest.approval_status === 'approved' && g % 3 === 0) {
				for (const ticket of guest.event_tickets) ticket.checked_in_at = iso(bigStart + (g % 60) * 60_000);
			}
		}
		this.addCoupon({ calendarId: primary.id, eventId: big.id, code: 'EARLYBIRD', percent_off: 20 });
		this.addCoupon({ calendarId: primary.id, eventId: big.id, code: 'SPEAKER', percent_off: 100, remaining_count: 25 });
		this.addCoupon({ calendarId: primary.id, code: 'MEMBERS10', cents_off: 1000, currency: 'usd' });

		// Contacts: everyone who registered, plus subscribers; some tagged, some members.
		const tagIds = [...this.contactTags.keys()];
		const tierIds = [...this.tiers.keys()];
		for (let c = 0; c < 320; c++) {
			const contact = this.addContact(primary.id, { email: `contact${String(c).padStart(3, '0')}@example.com`, name: `${r.pick(FIRST)} ${r.pick(LAST)}` });
			if (c % 4 === 0) contact.tagIds.add(tagIds[c % tagIds.length]);
			if (c % 9 === 0) contact.membership = { status: 'approved', calendar_membership_tier_id: tierIds[c % tierIds.length] };
		}
	}

	nextId(prefix: string): string {
		this.sequence += 1;
		return this.rand.id(prefix);
	}

	private seedPerson() {
		const n = this.rand.int(1_000_000);
		return { email: `person${n}@example.com`, name: `${this.rand.pick(FIRST)} ${this.rand.pick(LAST)}` };
	}

	user(email: string, name?: string | null): Rec {
		const key = email.toLowerCase();
		const existing = this.usersByEmail.get(key);
		if (existing) {
			if (name && !existing.name) Object.assign(existing, splitName(name));
			return existing;
		}
		const user = { id: this.rand.id('usr'), email: key, avatar_url: 'https://images.lumacdn.com/avatars/default.png', ...splitName(name ?? null) };
		this.users.set(user.id, user);
		this.usersByEmail.set(key, user);
		return user;
	}

	addCalendar(fields: Rec): Rec {
		const id = this.rand.id('cal');
		const calendar = {
			id,
			name: fields.name,
			slug: fields.slug ?? null,
			description: fields.description ?? null,
			avatar_url: fields.avatar_url ?? null,
			tint_color: fields.tint_color ?? '#6366f1',
			url: `https://luma.com/${fields.slug ?? id}`,
			is_personal: false,
			location: null,
			coordinate: null,
			instagram_handle: null,
			twitter_handle: null,
			youtube_handle: null,
			website: null,
			social_image_url: null,
			cover_image_url: null,
			launch_status: 'launched',
			organizationId: this.organization.id,
			admins: [] as string[],
			...fields,
		};
		this.calendars.set(id, calendar);
		return calendar;
	}

	addEvent(calendarId: string, fields: Rec): Rec {
		const id = this.rand.id('evt');
		const slug = fields.slug ?? id.slice(4, 12).toLowerCase();
		const start = Date.parse(fields.start_at);
		const end = fields.end_at ? Date.parse(fields.end_at) : start + HOUR;
		const event: Rec = {
			platform: 'luma',
			id,
			user_id: this.owner.id,
			calendar_id: calendarId,
			created_at: fields.created_at ?? iso(Date.now()),
			description: '',
			description_md: '',
			geo_address_json: null,
			coordinate: null,
			meeting_url: null,
			location_type: 'offline',
			location_visibility: 'public',
			cover_url: 'https://images.lumacdn.com/covers/default.png',
			visibility: 'public',
			waitlist_status: 'disabled',
			registration_questions: [],
			...fields,
			slug,
			url: `https://luma.com/${slug}`,
			start_at: iso(start),
			end_at: iso(end),
			duration_interval: isoDuration(end - start),
			hostEmails: [this.owner.email],
			hostSettings: { [this.owner.email]: { access_level: 'creator', is_visible: true } },
			tagIds: [] as string[],
			guestIds: [] as string[],
			canceled: false,
		};
		this.events.set(id, event);
		this.addTicketType(event, { name: 'Standard', type: 'free' });
		return event;
	}

	addTicketType(event: Rec, fields: Rec): Rec {
		const ticketType = {
			id: this.rand.id('evtticktyp'),
			eventId: event.id,
			name: fields.name,
			type: fields.type ?? 'free',
			require_approval: false,
			is_hidden: false,
			description: null,
			valid_start_at: null,
			valid_end_at: null,
			max_capacity: null,
			cents: null,
			currency: null,
			is_flexible: false,
			min_cents: null,
			...fields,
		};
		this.ticketTypes.set(ticketType.id, ticketType);
		return ticketType;
	}

	ticketTypesOf(eventId: string): Rec[] {
		return [...this.ticketTypes.values()].filter((ticketType) => ticketType.eventId === eventId && !ticketType.deleted);
	}

	addGuest(event: Rec, person: { email: string; name?: string | null }, options: { approval_status?: string; ticketTypeIds?: string[]; ticketTypeId?: string }): Rec {
		const user = this.user(person.email, person.name);
		const now = iso(Date.now());
		const defaultType = this.ticketTypesOf(event.id).find((ticketType) => !ticketType.is_hidden) ?? this.ticketTypesOf(event.id)[0];
		const typeIds = options.ticketTypeIds ?? [options.ticketTypeId ?? defaultType?.id].filter(Boolean);
		const guest: Rec = {
			id: this.rand.id('gst'),
			eventId: event.id,
			user_id: user.id,
			user_email: user.email,
			user_name: user.name,
			user_first_name: user.first_name,
			user_last_name: user.last_name,
			approval_status: options.approval_status ?? 'approved',
			check_in_qr_code: `https://luma.com/check-in/${event.id}?pk=${this.rand.id('g')}`,
			guestKey: this.rand.id('g'),
			eth_address: null,
			solana_address: null,
			invited_at: options.approval_status === 'invited' ? now : null,
			joined_at: null,
			phone_number: null,
			registered_at: options.approval_status === 'invited' ? null : now,
			registration_answers: [],
			utm_source: null,
			event_tickets: [] as Rec[],
		};
		for (const typeId of typeIds) guest.event_tickets.push(this.ticket(typeId as string));
		this.guests.set(guest.id, guest);
		event.guestIds.push(guest.id);
		const contact = [...this.contacts.values()].find((entry) => entry.calendarId === event.calendar_id && entry.email === user.email);
		if (!contact) this.addContact(event.calendar_id, { email: user.email, name: user.name });
		return guest;
	}

	ticket(typeId: string): Rec {
		const ticketType = this.ticketTypes.get(typeId);
		return {
			id: this.rand.id('evtticket'),
			key: this.rand.id('tk').slice(3, 13),
			event_ticket_type_id: typeId,
			name: ticketType?.name ?? 'Ticket',
			amount: ticketType?.cents ?? 0,
			amount_discount: 0,
			amount_tax: 0,
			currency: ticketType?.currency ?? null,
			is_captured: true,
			checked_in_at: null,
		};
	}

	guestsOf(eventId: string): Rec[] {
		return (this.events.get(eventId)?.guestIds ?? []).map((id: string) => this.guests.get(id)).filter(Boolean);
	}

	/** Guest by gst- ID, guest key (g-), ticket key or email. */
	findGuest(eventId: string, key: string): Rec | undefined {
		const lowered = key.toLowerCase();
		return this.guestsOf(eventId).find(
			(guest) =>
				guest.id === key ||
				guest.guestKey === key ||
				guest.user_email === lowered ||
				guest.event_tickets.some((ticket: Rec) => ticket.key === key || ticket.id === key),
		);
	}

	addCoupon(fields: Rec): Rec {
		const coupon = {
			id: this.rand.id('cpn'),
			remaining_count: 1_000_000,
			valid_start_at: null,
			valid_end_at: null,
			percent_off: null,
			cents_off: null,
			currency: null,
			event_ticket_type_id: null,
			...fields,
			code: String(fields.code).toUpperCase(),
		};
		this.coupons.set(coupon.id, coupon);
		return coupon;
	}

	addContact(calendarId: string, person: { email: string; name?: string | null }): Rec {
		const user = this.user(person.email, person.name);
		const contact: Rec = {
			id: this.rand.id('cont'),
			calendarId,
			user_id: user.id,
			email: user.email,
			name: user.name,
			first_name: user.first_name,
			last_name: user.last_name,
			avatar_url: user.avatar_url,
			created_at: iso(Date.now()),
			event_approved_count: 0,
			event_checked_in_count: 0,
			revenue_usd_cents: 0,
			membership: null,
			tagIds: new Set<string>(),
			state: 'active' as 'active' | 'blocked' | 'removed',
		};
		this.contacts.set(contact.id, contact);
		return contact;
	}

	contactsOf(calendarId: string): Rec[] {
		return [...this.contacts.values()].filter((contact) => contact.calendarId === calendarId);
	}
}

export function splitName(name: string | null) {
	if (!name) return { name: null, first_name: null, last_name: null };
	const [first, ...rest] = name.trim().split(/\s+/);
	return { name: name.trim(), first_name: first ?? null, last_name: rest.length ? rest.join(' ') : null };
}

export function isoDuration(ms: number): string {
	const totalMinutes = Math.max(0, Math.round(ms / 60_000));
	const days = Math.floor(totalMinutes / 1440);
	const hours = Math.floor((totalMinutes % 1440) / 60);
	const minutes = totalMinutes % 60;
	return `P${days ? `${days}D` : ''}T${hours}H${minutes}M`;
}
