/**
 * Bad input for the Luma Events node, one case per row (see harness.ts for what each row proves:
 * real n8n execution, Continue On Fail off and on, no request to Luma for the bad item). Rows are
 * grouped by the classes of issue 14; each class covers several operations.
 *
 * Rows name simulator fixtures as <<name>> (filled in from the seeded simulator before each run).
 * Good items that create something unique (codes, tag names, webhook URLs, hosts) take a value made
 * of the execution ID and the item index, so every run creates something new. The batch operations
 * (Guest → Add, Guest → Send Invites, Contact → Import) give the two good items different settings,
 * so that each good item is its own request, as the harness counts.
 */
import type { IDataObject } from 'n8n-workflow';

import type { BadInputCase, BadInputSim } from './harness';
import { checkBadInput, restoreTimings, startBadInputSim, useFastTimings } from './harness';

let env: BadInputSim;
const fixtures: Record<string, string> = {};

/** A request straight to the simulator (fixtures), not through the node. */
async function lumaCall(method: 'GET' | 'POST', path: string, body?: IDataObject): Promise<IDataObject> {
	const response = await fetch(`${env.sim.eventsUrl}${path}`, {
		method,
		headers: { 'x-luma-api-key': 'test-calendar-key', 'content-type': 'application/json' },
		body: body ? JSON.stringify(body) : undefined,
	});
	const answer = (await response.json()) as IDataObject;
	if (!response.ok) throw new Error(`fixture ${path}: ${response.status} ${JSON.stringify(answer)}`);
	return answer;
}

beforeAll(async () => {
	env = await startBadInputSim();
	const state = env.sim.state;
	const primary = state.primaryCalendarId;
	const upcoming = [...state.events.values()].filter(
		(event) => event.calendar_id === primary && !event.canceled && event.guestIds.length === 0 && Date.parse(event.start_at) > Date.now(),
	);
	fixtures.event = upcoming[0].id;
	fixtures.transferEvent = upcoming[1].id;
	fixtures.bigEvent = state.bigEventId;
	fixtures.vip = state.ticketTypesOf(state.bigEventId).find((type) => type.name === 'VIP')!.id;
	fixtures.guest = state.guestsOf(state.bigEventId)[0].id;
	fixtures.contactTag = [...state.contactTags.keys()][0];
	fixtures.eventTag = [...state.eventTags.keys()][0];
	fixtures.tier = [...state.tiers.keys()][0];
	fixtures.calendar = primary;
	fixtures.secondCalendar = state.secondCalendarId;
	const blast = await lumaCall('POST', '/v1/events/blasts/create', {
		event_id: fixtures.event,
		content_md: 'Fixture blast',
		scheduled_for: new Date(Date.now() + 30 * 86_400_000).toISOString(),
	});
	fixtures.blast = String(blast.id);
	// Webhooks here subscribe to types the simulator never sends, so no delivery outlives the suite.
	const webhook = await lumaCall('POST', '/v2/webhooks/create', { url: 'https://example.com/bad-input-fixture', event_types: ['event.canceled'] });
	fixtures.webhook = String(webhook.id);
	const submission = await lumaCall('POST', '/v1/calendars/events/add', {
		platform: 'external',
		url: 'https://example.com/fixture-event',
		name: 'Fixture Event',
		start_at: '2027-05-01T18:00:00.000Z',
		duration_interval: 'PT1H',
		timezone: 'UTC',
		submission_mode: 'pending',
	});
	fixtures.calendarEvent = String(submission.id);
	await lumaCall('POST', '/v1/events/hosts/add', { event_id: fixtures.event, email: 'fixture-host@example.com' });
	await lumaCall('POST', '/v1/memberships/members/add', { email: 'fixture-member@example.com', membership_tier_id: fixtures.tier });
	fixtures.member = state.usersByEmail.get('fixture-member@example.com')!.id;
});
afterAll(async () => {
	await env.close();
	restoreTimings();
});
beforeEach(() => useFastTimings());

/** The case with <<name>> replaced by the fixture's ID. */
function withFixtures<T>(value: T): T {
	if (typeof value === 'string') {
		return value.replace(/<<(\w+)>>/g, (_, name: string) => {
			if (!(name in fixtures)) throw new Error(`no fixture ${name}`);
			return fixtures[name];
		}) as T;
	}
	if (Array.isArray(value)) return value.map(withFixtures) as T;
	if (value instanceof RegExp || typeof value !== 'object' || value === null) return value;
	return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, withFixtures(entry)])) as T;
}

const V = '={{ $json.value }}';
const rl = (value: string, mode = 'id'): IDataObject => ({ __rl: true, mode, value });
/** Text no run has made before: the execution ID and the item index. */
const unique = (prefix: string, suffix = '') => `={{ '${prefix}' + $execution.id + '-' + $itemIndex + '${suffix}' }}`;
/** The bad value, or for good items ({ value: 'UNIQUE' }) unique text. */
const uniqueOr = (prefix: string, suffix = '') => `={{ $json.value === 'UNIQUE' ? '${prefix}' + $execution.id + '-' + $itemIndex + '${suffix}' : $json.value }}`;
const UNIQUE = { value: 'UNIQUE' };
/** Batch operations: the good items 0 and 2 in requests of their own. */
const perItemEmail = "={{ $itemIndex === 0 }}";
const ORG = { apiKey: 'org-test-key', keyType: 'organization' };
/** Start-time filters inside the seeded events (which start around now). */
const DAY = 86_400_000;
const LAST_WEEK = new Date(Date.now() - 7 * DAY).toISOString();
const TWO_WEEKS_AGO = new Date(Date.now() - 14 * DAY).toISOString();
const NEXT_YEAR = new Date(Date.now() + 365 * DAY).toISOString();

const eventCreate = (overrides: IDataObject = {}) => ({
	resource: 'event',
	operation: 'create',
	name: 'Breakfast',
	start_at: '2027-03-01T09:00:00',
	timezone: 'Europe/Berlin',
	...overrides,
});
const eventUpdate = (updateFields: IDataObject, overrides: IDataObject = {}) => ({
	resource: 'event',
	operation: 'update',
	eventId: rl('<<event>>'),
	updateFields,
	...overrides,
});
const eventGet = (eventId: string | IDataObject) => ({ resource: 'event', operation: 'get', eventId });
const guestAdd = (overrides: IDataObject = {}, additionalFields: IDataObject = {}) => ({
	resource: 'guest',
	operation: 'add',
	eventId: rl('<<bigEvent>>'),
	email: 'bad-input-guest@example.com',
	additionalFields: { send_email: perItemEmail, ...additionalFields },
	...overrides,
});
const guestGet = (guestId: string) => ({ resource: 'guest', operation: 'get', eventId: rl('<<bigEvent>>'), guestId });
const guestStatus = (overrides: IDataObject = {}, additionalFields: IDataObject = {}) => ({
	resource: 'guest',
	operation: 'updateStatus',
	eventId: rl('<<bigEvent>>'),
	guestId: 'guest0001@example.com',
	status: 'approved',
	additionalFields: { send_email: false, ...additionalFields },
	...overrides,
});
const ticketCreate = (overrides: IDataObject = {}, additionalFields: IDataObject = {}) => ({
	resource: 'ticketType',
	operation: 'create',
	eventId: rl('<<event>>'),
	name: 'General',
	price: 10,
	currency: 'eur',
	additionalFields,
	...overrides,
});
const ticketUpdate = (updateFields: IDataObject) => ({
	resource: 'ticketType',
	operation: 'update',
	eventId: rl('<<bigEvent>>'),
	ticketTypeId: rl('<<vip>>'),
	updateFields,
});
const couponCreate = (overrides: IDataObject = {}, additionalFields: IDataObject = {}) => ({
	resource: 'coupon',
	operation: 'create',
	scope: 'event',
	eventId: rl('<<event>>'),
	code: unique('C'),
	discountType: 'percent',
	percentOff: 10,
	additionalFields,
	...overrides,
});
const couponUpdate = (updateFields: IDataObject) => ({
	resource: 'coupon',
	operation: 'update',
	scope: 'calendar',
	code: 'MEMBERS10',
	updateFields,
});
const hostAdd = (overrides: IDataObject = {}, additionalFields: IDataObject = {}) => ({
	resource: 'host',
	operation: 'add',
	eventId: rl('<<event>>'),
	email: unique('host', '@example.com'),
	additionalFields,
	...overrides,
});
const blastUpdate = (updateFields: IDataObject) => ({ resource: 'blast', operation: 'update', blastId: '<<blast>>', updateFields });
const calendarUpdate = (updateFields: IDataObject) => ({ resource: 'calendar', operation: 'update', calendarId: rl('<<calendar>>'), updateFields });
const externalEvent = (overrides: IDataObject = {}) => ({
	resource: 'calendar',
	operation: 'addEvent',
	platform: 'external',
	url: 'https://example.com/partner-event',
	name: 'Partner Event',
	start_at: '2027-02-02T19:00:00',
	duration: 'PT2H',
	timezone: 'America/New_York',
	submission_mode: 'auto',
	...overrides,
});
const webhookCreate = (url: string, overrides: IDataObject = {}) => ({
	resource: 'webhook',
	operation: 'create',
	url,
	eventTypes: ['event.canceled'],
	...overrides,
});
const tagApply = (overrides: IDataObject = {}) => ({
	resource: 'contactTag',
	operation: 'apply',
	tagId: rl('<<contactTag>>'),
	contacts: 'contact001@example.com',
	...overrides,
});

type Row = Omit<BadInputCase, 'node'>;
const luma = (rows: Row[]): BadInputCase[] => rows.map((row) => ({ node: 'luma', ...row }));

// Class 1: an expression that yields nothing, in a field Luma requires.
const nothing = luma([
	{ name: 'Event → Create: a Name expression that returns nothing', parameters: eventCreate({ name: V }), good: { value: 'Breakfast' }, bad: {}, message: 'Name is required (the expression returned nothing)' },
	{ name: 'Event → Create: a Start expression that returns nothing', parameters: eventCreate({ start_at: V }), good: { value: '2027-03-01T09:00:00' }, bad: {}, message: 'Start is required (the expression returned nothing)' },
	{ name: 'Event → Create: a Timezone expression that returns nothing', parameters: eventCreate({ timezone: V }), good: { value: 'Europe/Berlin' }, bad: {}, message: 'Timezone is required (the expression returned nothing)' },
	{ name: 'Event → Get: an Event ID expression that returns nothing', parameters: eventGet(rl(V)), good: { value: '<<event>>' }, bad: {}, message: 'Event is required (the expression returned nothing)' },
	{ name: 'Event → Update: Update Fields → Name from an expression that returns nothing', parameters: eventUpdate({ name: V }), good: { value: 'Renamed' }, bad: {}, message: 'Name is empty: give a value, or remove it from Update Fields' },
	{ name: 'Guest → Add: an Email expression that returns nothing', parameters: guestAdd({ email: V }), good: { value: 'bad-input-guest@example.com' }, bad: {}, message: 'Email is required (the expression returned nothing)' },
	{ name: 'Guest → Get: a Guest expression that returns nothing', parameters: guestGet(V), good: { value: 'guest0002@example.com' }, bad: {}, message: 'Guest is required (the expression returned nothing)' },
	{ name: 'Guest → Update Status: a Status expression that returns nothing', parameters: guestStatus({ status: V }), good: { value: 'approved' }, bad: {}, message: 'Status is required (the expression returned nothing)' },
	{ name: 'Ticket Type → Create: a Name expression that returns nothing', parameters: ticketCreate({ name: V }), good: { value: 'General' }, bad: {}, message: 'Name is required (the expression returned nothing)' },
	{ name: 'Coupon → Create: a Code expression that returns nothing', parameters: couponCreate({ code: uniqueOr('C') }), good: UNIQUE, bad: {}, message: 'Code is required (the expression returned nothing)' },
	{ name: 'Host → Add: an Email expression that returns nothing', parameters: hostAdd({ email: uniqueOr('host', '@example.com') }), good: UNIQUE, bad: {}, message: 'Email is required (the expression returned nothing)' },
	{ name: 'Blast → Get: a Blast ID expression that returns nothing', parameters: { resource: 'blast', operation: 'get', blastId: V }, good: { value: '<<blast>>' }, bad: {}, message: 'Blast ID is required (the expression returned nothing)' },
	{ name: 'Calendar → Lookup Event: an Event ID expression that returns nothing', parameters: { resource: 'calendar', operation: 'lookupEvent', lookupBy: 'eventId', eventId: V }, good: { value: '<<event>>' }, bad: {}, message: 'Event ID is required (the expression returned nothing)' },
	{ name: 'Calendar → Add Event (external): a Name expression that returns nothing', parameters: externalEvent({ name: V }), good: { value: 'Partner Event' }, bad: {}, message: 'Name is required (the expression returned nothing)' },
	{ name: 'Calendar → Add Admins: an Emails expression that returns nothing', parameters: { resource: 'calendar', operation: 'addAdmins', emails: V }, good: { value: 'admin@example.com' }, bad: {}, message: 'Emails is required (the expression returned nothing)' },
	{ name: 'Contact → Block: a Contact expression that returns nothing', parameters: { resource: 'contact', operation: 'block', contact: V }, good: { value: 'contact010@example.com' }, bad: {}, message: 'Contact is required (the expression returned nothing)' },
	{ name: 'Contact Tag → Create: a Name expression that returns nothing', parameters: { resource: 'contactTag', operation: 'create', name: uniqueOr('Tag ') }, good: UNIQUE, bad: {}, message: 'Name is required (the expression returned nothing)' },
	{ name: 'Contact Tag → Apply: a Contacts expression that returns nothing', parameters: tagApply({ contacts: V }), good: { value: 'contact001@example.com' }, bad: {}, message: 'Contacts is required (the expression returned nothing)' },
	{ name: 'Webhook → Create: a URL expression that returns nothing', parameters: webhookCreate(uniqueOr('https://example.com/hook/')), good: UNIQUE, bad: {}, message: 'URL is required (the expression returned nothing)' },
	{ name: 'Membership → Add Member: an Email expression that returns nothing', parameters: { resource: 'membership', operation: 'addMember', email: uniqueOr('member', '@example.com'), membershipTierId: rl('<<tier>>') }, good: UNIQUE, bad: {}, message: 'Email is required (the expression returned nothing)' },
	{ name: 'Image → Search: a Query expression that returns nothing', parameters: { resource: 'image', operation: 'search', query: V, returnAll: false, limit: 1 }, good: { value: 'sunset' }, bad: {}, message: 'Query is required (the expression returned nothing)' },
	{ name: 'Entity → Lookup: a Slug or URL expression that returns nothing', parameters: { resource: 'entity', operation: 'lookup', slug: V }, good: { value: 'simulated-community' }, bad: {}, message: 'Slug or URL is required (the expression returned nothing)' },
]);

// Class 2: objects, lists and booleans where Luma takes text.
const notText = luma([
	{ name: 'Event → Create: an object as the Name', parameters: eventCreate({ name: V }), good: { value: 'Breakfast' }, bad: { value: { first: 'Break', second: 'fast' } }, message: /^Name must be text, got an object/ },
	{ name: 'Event → Create: a list as the Name', parameters: eventCreate({ name: V }), good: { value: 'Breakfast' }, bad: { value: ['Break', 'fast'] }, message: 'Name must be text, got a list ["Break","fast"]' },
	{ name: 'Event → Create: a boolean as the Name', parameters: eventCreate({ name: V }), good: { value: 'Breakfast' }, bad: { value: true }, message: 'Name must be text, got true' },
	{ name: 'Event → Get: an object as the Event ID', parameters: eventGet(rl(V)), good: { value: '<<event>>' }, bad: { value: { id: '<<event>>' } }, message: /^Event must be text, got an object/ },
	{ name: 'Event → Update: an object as Description (Markdown)', parameters: eventUpdate({ description_md: V }), good: { value: 'New text' }, bad: { value: { text: 'x' } }, message: /^Description \(Markdown\) must be text, got an object/ },
	{ name: 'Guest → Get: an object as the Guest (was looked up as [object Object])', parameters: guestGet(V), good: { value: 'guest0002@example.com' }, bad: { value: { email: 'guest0002@example.com' } }, message: /^Guest must be text, got an object/ },
	{ name: 'Guest → Add: a list as the Email', parameters: guestAdd({ email: V }), good: { value: 'bad-input-guest@example.com' }, bad: { value: ['a@example.com'] }, message: /^Email must be text, got a list/ },
	{ name: 'Guest → Send Invites: an object as the Message', parameters: { resource: 'guest', operation: 'sendInvites', eventId: rl('<<bigEvent>>'), email: 'invitee@example.com', additionalFields: { message: "={{ typeof $json.value === 'string' ? $json.value + $itemIndex : $json.value }}" } }, good: { value: 'Hi ' }, bad: { value: { text: 'Hi' } }, message: /^Message must be text, got an object/ },
	{ name: 'Ticket Type → Create: a boolean as the Name', parameters: ticketCreate({ name: V }), good: { value: 'General' }, bad: { value: false }, message: 'Name must be text, got false' },
	{ name: 'Coupon → Create: an object as the Code', parameters: couponCreate({ code: uniqueOr('C') }), good: UNIQUE, bad: { value: { code: 'X' } }, message: /^Code must be text, got an object/ },
	{ name: 'Host → Add: a list as the Name', parameters: hostAdd({}, { name: V }), good: { value: 'Co Host' }, bad: { value: ['Co', 'Host'] }, message: /^Name must be text, got a list/ },
	{ name: 'Blast → Update: an object as the Subject', parameters: blastUpdate({ subject: V }), good: { value: 'Reminder' }, bad: { value: { subject: 'x' } }, message: /^Subject must be text, got an object/ },
	{ name: 'Calendar → Update: a boolean as the Name', parameters: calendarUpdate({ name: V }), good: { value: 'Simulated Community' }, bad: { value: true }, message: 'Name must be text, got true' },
	{ name: 'Contact → Import: an object as the Tags', parameters: { resource: 'contact', operation: 'import', email: 'imported@example.com', additionalFields: { tags: "={{ typeof $json.value === 'string' ? ($itemIndex === 0 ? 'VIP' : 'Speaker') : $json.value }}" } }, good: { value: 'tags' }, bad: { value: { tag: 'VIP' } }, message: /^Tags must be text, got an object/ },
	{ name: 'Contact Tag → Apply: a list as the Contacts (join it into text)', parameters: tagApply({ contacts: V }), good: { value: 'contact001@example.com' }, bad: { value: ['contact001@example.com'] }, message: /^Contacts must be text, got a list/ },
	{ name: 'Webhook → Create: an object as the URL', parameters: webhookCreate(uniqueOr('https://example.com/hook/')), good: UNIQUE, bad: { value: { href: 'https://example.com' } }, message: /^URL must be text, got an object/ },
]);

// Class 3: numbers: not numbers, not whole where Luma counts, out of Luma's range. Numeric text is a number.
const numbers = luma([
	{ name: 'Event → Create: "abc" as Max Capacity', parameters: eventCreate({ additionalFields: { max_capacity: V } }), good: { value: 40 }, bad: { value: 'abc' }, message: 'Max Capacity must be a number, got "abc"' },
	{ name: 'Event → Create: NaN as Max Capacity (numeric text "40" is fine)', parameters: eventCreate({ additionalFields: { max_capacity: '={{ Number($json.value) }}' } }), good: { value: '40' }, bad: { value: 'forty' }, message: 'Max Capacity must be a number, got NaN' },
	{ name: 'Event → Create: -5 as Max Capacity', parameters: eventCreate({ additionalFields: { max_capacity: V } }), good: { value: '40' }, bad: { value: -5 }, message: 'Max Capacity must be at least 1, got -5' },
	{ name: 'Event → Create: 0 as Max Capacity', parameters: eventCreate({ additionalFields: { max_capacity: V } }), good: { value: 40 }, bad: { value: 0 }, message: 'Max Capacity must be at least 1, got 0' },
	{ name: 'Event → Update: 2.5 as Max Capacity', parameters: eventUpdate({ max_capacity: V }), good: { value: 60 }, bad: { value: 2.5 }, message: 'Max Capacity must be a whole number, got 2.5' },
	{ name: 'Event → Get Many: 0 as Limit', parameters: { resource: 'event', operation: 'getMany', returnAll: false, limit: V }, good: { value: 1 }, bad: { value: 0 }, message: 'Limit must be at least 1, got 0' },
	{ name: 'Event → Get Many: -1 as Limit', parameters: { resource: 'event', operation: 'getMany', returnAll: false, limit: V }, good: { value: 1 }, bad: { value: -1 }, message: 'Limit must be at least 1, got -1' },
	{ name: 'Event → Get Many: NaN as Limit', parameters: { resource: 'event', operation: 'getMany', returnAll: false, limit: '={{ Number($json.value) }}' }, good: { value: '1' }, bad: { value: 'all' }, message: 'Limit must be a number, got NaN' },
	{ name: 'Guest → Get Many: 1.5 as Limit', parameters: { resource: 'guest', operation: 'getMany', eventId: rl('<<bigEvent>>'), returnAll: false, limit: V }, good: { value: 1 }, bad: { value: 1.5 }, message: 'Limit must be a whole number, got 1.5' },
	{ name: 'Ticket Type → Get Many: "ten" as Limit', parameters: { resource: 'ticketType', operation: 'getMany', eventId: rl('<<bigEvent>>'), returnAll: false, limit: V }, good: { value: '1' }, bad: { value: 'ten' }, message: 'Limit must be a number, got "ten"' },
	{ name: 'Coupon → Create: -5 as Percent Off', parameters: couponCreate({ percentOff: V }), good: { value: 15 }, bad: { value: -5 }, message: 'Percent Off must be at least 0, got -5' },
	{ name: 'Coupon → Create: 150 as Percent Off', parameters: couponCreate({ percentOff: V }), good: { value: '15' }, bad: { value: 150 }, message: 'Percent Off must be at most 100, got 150' },
	{ name: 'Coupon → Create: 5.001 as Amount Off (more than cents)', parameters: couponCreate({ discountType: 'amount', amountOff: V, currency: 'usd' }), good: { value: 5.25 }, bad: { value: 5.001 }, message: 'Amount Off has more than two decimals (5.001)' },
	{ name: 'Coupon → Update: 1.5 as Uses Left', parameters: couponUpdate({ remaining_count: V }), good: { value: 500 }, bad: { value: 1.5 }, message: 'Uses Left must be a whole number, got 1.5' },
	{ name: 'Coupon → Update: 2,000,000 as Uses Left', parameters: couponUpdate({ remaining_count: V }), good: { value: 1_000_000 }, bad: { value: 2_000_000 }, message: 'Uses Left must be at most 1000000, got 2000000' },
	{ name: 'Ticket Type → Create: -1 as Price', parameters: ticketCreate({ price: V }), good: { value: 12.5 }, bad: { value: -1 }, message: 'Price must be at least 0, got -1' },
	{ name: 'Ticket Type → Create: 25.555 as Price', parameters: ticketCreate({ price: V }), good: { value: '25.55' }, bad: { value: 25.555 }, message: 'Price has more than two decimals (25.555)' },
	{ name: 'Ticket Type → Create: "cheap" as Minimum Price', parameters: ticketCreate({}, { is_flexible: true, minPrice: V }), good: { value: 5 }, bad: { value: 'cheap' }, message: 'Minimum Price must be a number, got "cheap"' },
	{ name: 'Ticket Type → Update: 0.5 as Max Capacity', parameters: ticketUpdate({ max_capacity: V }), good: { value: 100 }, bad: { value: 0.5 }, message: 'Max Capacity must be a whole number, got 0.5' },
	{ name: 'Contact → Import: 0 as Batch Size', parameters: { resource: 'contact', operation: 'import', email: 'batched@example.com', additionalFields: { tags: "={{ $itemIndex === 0 ? 'VIP' : 'Speaker' }}" }, options: { batchSize: V } }, good: { value: 50 }, bad: { value: 0 }, message: 'Batch Size must be at least 1, got 0' },
]);

// Class 4: dates that do not exist, zones that do not exist, ends before starts.
const dates = luma([
	{ name: 'Event → Create: February 30th as Start (not rolled over to March 2)', parameters: eventCreate({ start_at: V }), good: { value: '2027-02-28T10:00:00' }, bad: { value: '2027-02-30T10:00:00' }, message: 'Start is not a valid date and time (ISO 8601, e.g. 2027-03-01T18:30:00): "2027-02-30T10:00:00"' },
	{ name: 'Event → Create: "next tuesday" as Start', parameters: eventCreate({ start_at: V }), good: { value: '2027-02-28T10:00:00' }, bad: { value: 'next tuesday' }, message: 'Start is not a valid date and time' },
	{ name: 'Event → Create: month 13 as End', parameters: eventCreate({ additionalFields: { end_at: V } }), good: { value: '2027-03-01T11:00:00' }, bad: { value: '2027-13-01T11:00:00' }, message: 'End is not a valid date and time' },
	{ name: 'Event → Create: an unknown time zone, with a Start that carries an offset', parameters: eventCreate({ start_at: '2027-03-01T09:00:00+01:00', timezone: V }), good: { value: 'Europe/Berlin' }, bad: { value: 'Mars/Olympus_Mons' }, message: 'Timezone is not an IANA time zone (such as Europe/Berlin or America/New_York): "Mars/Olympus_Mons"' },
	{ name: 'Event → Create: End before Start (both with offsets)', parameters: eventCreate({ start_at: '2027-03-01T09:00:00+01:00', additionalFields: { end_at: V } }), good: { value: '2027-03-01T10:00:00+01:00' }, bad: { value: '2027-03-01T08:00:00+01:00' }, message: 'End must be after Start' },
	{ name: 'Event → Update: an unknown time zone (an IANA alias such as US/Pacific is fine)', parameters: eventUpdate({ timezone: V, name: 'Moved' }), good: { value: 'US/Pacific' }, bad: { value: 'Europe/Atlantis' }, message: 'Timezone is not an IANA time zone' },
	{ name: 'Event → Update: End before Start, both set', parameters: eventUpdate({ start_at: '2027-06-01T18:00:00', end_at: V }), good: { value: '2027-06-01T20:00:00' }, bad: { value: '2027-06-01T17:00:00' }, message: 'End must be after Start' },
	{ name: 'Event → Update: 24:00 as Start', parameters: eventUpdate({ start_at: V, end_at: '2027-06-01T20:00:00' }), good: { value: '2027-06-01T18:00:00' }, bad: { value: '2027-06-01T24:00:00' }, message: 'Start is not a valid date and time' },
	{ name: 'Event → Get Many: April 31st as Starts After', parameters: { resource: 'event', operation: 'getMany', returnAll: false, limit: 1, filters: { after: V } }, good: { value: LAST_WEEK }, bad: { value: '2027-04-31T00:00:00' }, message: 'Starts After is not a valid date and time' },
	{ name: 'Event → Get Many: Starts Before earlier than Starts After', parameters: { resource: 'event', operation: 'getMany', returnAll: false, limit: 1, filters: { after: LAST_WEEK, before: V } }, good: { value: NEXT_YEAR }, bad: { value: TWO_WEEKS_AGO }, message: 'Starts Before must be after Starts After' },
	{ name: 'Organization → List Events: February 29th of a common year as Starts After', parameters: { resource: 'organization', operation: 'listEvents', returnAll: false, limit: 1, filters: { after: V } }, good: { value: LAST_WEEK }, bad: { value: '2027-02-29T00:00:00' }, message: 'Starts After is not a valid date and time', credentials: ORG },
	{ name: 'Calendar → Add Event (external): an unknown time zone', parameters: externalEvent({ timezone: V }), good: { value: 'America/New_York' }, bad: { value: 'Nowhere/Land' }, message: 'Timezone is not an IANA time zone' },
	{ name: 'Ticket Type → Create: Sales End before Sales Start', parameters: ticketCreate({}, { valid_start_at: '2027-01-10T00:00:00Z', valid_end_at: V }), good: { value: '2027-02-10T00:00:00Z' }, bad: { value: '2027-01-01T00:00:00Z' }, message: 'Sales End must be after Sales Start' },
	{ name: 'Coupon → Create: February 29th of a common year as Valid Until', parameters: couponCreate({}, { valid_end_at: V }), good: { value: '2027-02-28T23:59:00' }, bad: { value: '2027-02-29T23:59:00' }, message: 'Valid Until is not a valid date and time' },
	{ name: 'Coupon → Update: Valid Until before Valid From', parameters: couponUpdate({ valid_start_at: '2027-05-01T00:00:00Z', valid_end_at: V }), good: { value: '2027-06-01T00:00:00Z' }, bad: { value: '2027-04-01T00:00:00Z' }, message: 'Valid Until must be after Valid From' },
	{ name: 'Blast → Create: "tomorrow" as Schedule For', parameters: { resource: 'blast', operation: 'create', eventId: rl('<<event>>'), content_md: 'See you soon', additionalFields: { scheduled_for: V } }, good: { value: '2030-01-01T10:00:00Z' }, bad: { value: 'tomorrow' }, message: 'Schedule For is not a valid date and time' },
]);

// Class 5: values outside a closed option list, set by expression (the message lists the allowed values).
const options = luma([
	{ name: 'Event → Create: "secret" as Visibility', parameters: eventCreate({ additionalFields: { visibility: V } }), good: { value: 'private' }, bad: { value: 'secret' }, message: 'Visibility must be one of: public, members-only, private; got "secret"' },
	{ name: 'Event → Create: "nickname" as Name Requirement', parameters: eventCreate({ additionalFields: { name_requirement: V } }), good: { value: 'first-last' }, bad: { value: 'nickname' }, message: 'Name Requirement must be one of: full-name, first-last; got "nickname"' },
	{ name: 'Event → Get Many: "facebook" among the Platforms', parameters: { resource: 'event', operation: 'getMany', returnAll: false, limit: 1, filters: { platforms: V } }, good: { value: ['luma', 'external'] }, bad: { value: ['luma', 'facebook'] }, message: 'Platforms must only contain: luma, external; got "facebook"' },
	{ name: 'Guest → Add: "maybe" as Approval Status', parameters: guestAdd({}, { approval_status: V }), good: { value: 'waitlist' }, bad: { value: 'maybe' }, message: 'Approval Status must be one of: approved, pending_approval, waitlist; got "maybe"' },
	{ name: 'Guest → Add: "no" as Send Email', parameters: guestAdd({}, { send_email: V, name: '={{ "Guest " + $itemIndex }}', approval_status: "={{ $itemIndex === 0 ? 'approved' : 'waitlist' }}" }), good: { value: false }, bad: { value: 'no' }, message: 'Send Email must be true or false, got "no"' },
	{ name: 'Guest → Update Status: "going" as Status', parameters: guestStatus({ status: V }), good: { value: 'approved' }, bad: { value: 'going' }, message: 'Status must be one of: approved, declined, pending_approval, waitlist; got "going"' },
	{ name: 'Guest → Update Status: "yes" as Send Email', parameters: guestStatus({}, { send_email: V }), good: { value: false }, bad: { value: 'yes' }, message: 'Send Email must be true or false, got "yes"' },
	{ name: 'Guest → Get Many: "up" as Sort Direction', parameters: { resource: 'guest', operation: 'getMany', eventId: rl('<<bigEvent>>'), returnAll: false, limit: 1, options: { sort_direction: V } }, good: { value: 'desc' }, bad: { value: 'up' }, message: 'Sort Direction must be one of: asc, asc nulls last, desc, desc nulls last; got "up"' },
	{ name: 'Host → Add: "owner" as Access Level', parameters: hostAdd({}, { access_level: V }), good: { value: 'check-in' }, bad: { value: 'owner' }, message: 'Access Level must be one of: manager, check-in, none; got "owner"' },
	{ name: 'Ticket Type → Create: "xyz" as Currency', parameters: ticketCreate({ currency: V }), good: { value: 'chf' }, bad: { value: 'xyz' }, message: /^Currency must be one of: aed, afn, .*\(142 in all\); got "xyz"$/ },
	{ name: 'Event Tag → Create: "teal" as Color', parameters: { resource: 'eventTag', operation: 'create', name: unique('Event tag '), additionalFields: { color: V } }, good: { value: 'green' }, bad: { value: 'teal' }, message: 'Color must be one of: barney, blue, cranberry, green, orange, purple, red, yellow; got "teal"' },
	{ name: 'Webhook → Create: an unknown type among the Event Types', parameters: webhookCreate(unique('https://example.com/types/'), { eventTypes: V }), good: { value: ['event.canceled'] }, bad: { value: ['event.canceled', 'guest.exploded'] }, message: /^Event Types must only contain: \*, calendar\.event\.added, .*; got "guest\.exploded"$/ },
	{ name: 'Webhook → Update: "stopped" as Status', parameters: { resource: 'webhook', operation: 'update', webhookId: rl('<<webhook>>'), updateFields: { status: V } }, good: { value: 'paused' }, bad: { value: 'stopped' }, message: 'Status must be one of: active, paused; got "stopped"' },
	{ name: 'Blast → Update: "everyone" among the Recipients', parameters: blastUpdate({ recipients: V }), good: { value: ['approved', 'waitlist'] }, bad: { value: ['everyone'] }, message: 'Recipients must only contain: checked_in, approved, invited, pending_approval, waitlist; got "everyone"' },
	{ name: 'Membership → Update Member Status: "maybe" as Status', parameters: { resource: 'membership', operation: 'updateMemberStatus', member: '<<member>>', status: V }, good: { value: 'approved' }, bad: { value: 'maybe' }, message: 'Status must be one of: approved, declined; got "maybe"' },
	{ name: 'Calendar → Update: "live" as Launch Status', parameters: calendarUpdate({ launch_status: V }), good: { value: 'launched' }, bad: { value: 'live' }, message: 'Launch Status must be one of: launched, coming-soon, archived; got "live"' },
	{ name: 'Calendar → Add Event: "later" as Submission', parameters: externalEvent({ submission_mode: V }), good: { value: 'pending' }, bad: { value: 'later' }, message: 'Submission must be one of: auto, pending; got "later"' },
	{ name: 'Image → Create Upload URL: "image/gif" as Content Type', parameters: { resource: 'image', operation: 'createUploadUrl', contentType: V }, good: { value: 'image/png' }, bad: { value: 'image/gif' }, message: 'Content Type must be one of: image/jpeg, image/png; got "image/gif"' },
	{ name: 'Contact → Get Many: "vip" as Membership Status', parameters: { resource: 'contact', operation: 'getMany', returnAll: false, limit: 1, filters: { membership_status: V } }, good: { value: 'approved' }, bad: { value: 'vip' }, message: 'Membership Status must be one of: approved, approved-pending-payment, declined, pending; got "vip"' },
]);

// Class 6: IDs with junk are refused, never trimmed into another ID; URLs are read from their path only.
const ids = luma([
	{ name: 'Event → Get: an ID with a query string that names another event', parameters: eventGet(rl(V)), good: { value: '<<event>>' }, bad: { value: 'evt-abc123?x=1&event_id=evt-other' }, message: 'Event Not a valid ID: it starts with "evt-"; got "evt-abc123?x=1&event_id=evt-other"' },
	{ name: 'Event → Get: an ID with a fragment', parameters: eventGet(rl(V)), good: { value: '<<event>>' }, bad: { value: 'evt-abc123#frag' }, message: 'Event Not a valid ID' },
	{ name: 'Event → Get: an ID with a space in it', parameters: eventGet(rl(V)), good: { value: '<<event>>' }, bad: { value: 'evt-abc 123' }, message: 'Event Not a valid ID' },
	{ name: 'Event → Get: an expression in "From List" mode giving an ID with junk', parameters: eventGet(rl(V, 'list')), good: { value: '<<event>>' }, bad: { value: 'evt-abc123?x=1' }, message: 'Event is not an event ID (it starts with "evt-" followed by letters and digits): "evt-abc123?x=1"' },
	{ name: 'Event → Get: a whole-field expression giving text around an ID', parameters: eventGet(V), good: { value: '<<event>>' }, bad: { value: 'see evt-abc123' }, message: 'Event is not an event ID' },
	{ name: 'Event → Get: a luma.com URL with the ID only in its query', parameters: eventGet(rl(V, 'url')), good: { value: 'https://luma.com/event/manage/<<event>>' }, bad: { value: 'https://luma.com/?event_id=evt-abc123' }, message: 'is not the link of one event page' },
	{ name: 'Event → Get: a luma.com URL with the ID only in its fragment', parameters: eventGet(rl(V, 'url')), good: { value: 'https://luma.com/event/manage/<<event>>?tab=guests' }, bad: { value: 'https://luma.com/#evt-abc123' }, message: 'is not the link of one event page' },
	{ name: 'Event → Get: a manage URL with two event IDs in its path', parameters: eventGet(rl(V, 'url')), good: { value: 'https://lu.ma/event/manage/<<event>>' }, bad: { value: 'https://luma.com/event/manage/evt-abc/evt-other' }, message: 'is not the link of one event page' },
	{ name: 'Event → Get: a URL of another site', parameters: eventGet(rl(V, 'url')), good: { value: 'https://luma.com/event/manage/<<event>>' }, bad: { value: 'https://evil.example/event/manage/evt-abc123' }, message: 'Event Not a luma.com or lu.ma URL' },
	{ name: 'Event → Request Cancellation: an ID with junk', parameters: { resource: 'event', operation: 'requestCancellation', eventId: rl(V) }, good: { value: '<<event>>' }, bad: { value: 'evt-abc123&x' }, message: 'Event Not a valid ID' },
	{ name: 'Event → Transfer Calendar: a Target Calendar ID with junk', parameters: { resource: 'event', operation: 'transferCalendar', eventId: rl('<<transferEvent>>'), calendarId: rl(V) }, good: { value: '<<secondCalendar>>' }, bad: { value: 'cal-abc?x=1' }, message: 'Target Calendar Not a valid ID: it starts with "cal-"', credentials: ORG },
	{ name: 'Event → Update: a Place ID with junk', parameters: eventUpdate({ place_id: V }), good: { value: 'ChIJAVkDPzdOqEcRcDteW0YgIQQ' }, bad: { value: 'ChIJ?x=1' }, message: 'Place ID is not a Google Maps place ID (letters, digits, - and _ only): "ChIJ?x=1"' },
	{ name: 'Guest → Get: a guest ID with a query string', parameters: guestGet(V), good: { value: '<<guest>>' }, bad: { value: 'gst-abc?x=1' }, message: 'Guest is not a guest ID, guest key or ticket key (letters, digits, - and _ only): "gst-abc?x=1"' },
	{ name: 'Guest → Update Tickets: a ticket type ID with a space', parameters: { resource: 'guest', operation: 'updateTickets', eventId: rl('<<bigEvent>>'), guestId: '<<guest>>', ticketTypesToAdd: V }, good: { value: '<<vip>>' }, bad: { value: '<<vip>>, ttype-a b' }, message: 'Ticket Types to Add is not a ticket type ID (it starts with "ttype-" or "evtticktyp-" followed by letters and digits): "ttype-a b"' },
	{ name: 'Guest → Add: a Ticket Type ID with junk', parameters: guestAdd({}, { ticketTypeIds: V }), good: { value: '<<vip>>' }, bad: { value: '<<vip>>#x' }, message: 'Ticket Type IDs is not a ticket type ID' },
	{ name: 'Ticket Type → Get: an ID with a fragment', parameters: { resource: 'ticketType', operation: 'get', eventId: rl('<<bigEvent>>'), ticketTypeId: rl(V) }, good: { value: '<<vip>>' }, bad: { value: '<<vip>>#frag' }, message: 'Ticket Type Not a valid ID' },
	{ name: 'Coupon → Create: a Ticket Type ID with a query string', parameters: couponCreate({}, { event_ticket_type_id: V }), good: { value: '' }, bad: { value: 'ttype-abc?x=1' }, message: 'Ticket Type ID is not a ticket type ID' },
	{ name: 'Blast → Get: an ID without the ep- prefix', parameters: { resource: 'blast', operation: 'get', blastId: V }, good: { value: '<<blast>>' }, bad: { value: 'blast-123' }, message: 'Blast ID is not an email blast ID (it starts with "ep-" followed by letters and digits): "blast-123"' },
	{ name: 'Blast → Update: an ID with a query string', parameters: { resource: 'blast', operation: 'update', blastId: V, updateFields: { subject: 'Reminder' } }, good: { value: '<<blast>>' }, bad: { value: '<<blast>>?x=1' }, message: 'Blast ID is not an email blast ID' },
	{ name: 'Calendar → Approve Event: a Calendar Event ID with a space', parameters: { resource: 'calendar', operation: 'approveEvent', calendarEventId: V }, good: { value: '<<calendarEvent>>' }, bad: { value: 'calev-abc 1' }, message: 'Calendar Event ID is not a calendar event ID (calev-…) or an event ID (evt-…)' },
	{ name: 'Calendar → Lookup Event: an Event ID with a path', parameters: { resource: 'calendar', operation: 'lookupEvent', lookupBy: 'eventId', eventId: V }, good: { value: '<<event>>' }, bad: { value: 'evt-abc/../evt-other' }, message: 'Event ID is not an event ID' },
	{ name: 'Contact Tag → Update: a tag ID with a space, from an expression in "From List" mode', parameters: { resource: 'contactTag', operation: 'update', tagId: rl(V, 'list'), updateFields: { color: 'red' } }, good: { value: '<<contactTag>>' }, bad: { value: 'tag-abc 1' }, message: 'Contact Tag is not a tag ID' },
	{ name: 'Event Tag → Apply: a tag ID with junk (a tag name would be fine)', parameters: { resource: 'eventTag', operation: 'apply', tagId: rl(V, 'list'), eventId: rl('<<event>>') }, good: { value: 'Meetup' }, bad: { value: 'tag-abc?x=1' }, message: 'Event Tag is not a tag ID' },
	{ name: 'Webhook → Get: an ID with a query string', parameters: { resource: 'webhook', operation: 'get', webhookId: rl(V) }, good: { value: '<<webhook>>' }, bad: { value: '<<webhook>>?id=other' }, message: 'Webhook Not a valid ID' },
	{ name: 'Membership → Add Member: a tier ID with a space', parameters: { resource: 'membership', operation: 'addMember', email: unique('tiered', '@example.com'), membershipTierId: rl(V) }, good: { value: '<<tier>>' }, bad: { value: 'cmt-abc 1' }, message: 'Membership Tier Not a valid membership tier ID' },
	{ name: 'Membership → Update Member Status: a user ID with junk', parameters: { resource: 'membership', operation: 'updateMemberStatus', member: V, status: 'approved' }, good: { value: '<<member>>' }, bad: { value: 'usr-abc?x=1' }, message: 'Member: "usr-abc?x=1" is neither an email address nor a user ID (usr-...)' },
	{ name: 'Contact → Get Many: a Membership Tier ID with junk', parameters: { resource: 'contact', operation: 'getMany', returnAll: false, limit: 1, filters: { calendar_membership_tier_id: V } }, good: { value: '<<tier>>' }, bad: { value: '<<tier>>&x=1' }, message: 'Membership Tier ID is not a membership tier ID' },
	{ name: 'Contact → Remove: a contact ID with a space', parameters: { resource: 'contact', operation: 'remove', contact: V }, good: { value: 'contact011@example.com' }, bad: { value: 'cont-abc 1' }, message: 'Contact: "cont-abc 1" is neither an email address nor a contact ID' },
]);

// Class 7: an update with nothing to change fails instead of sending only the ID and reporting success.
const nothingToUpdate = luma([
	{ name: 'Event → Update: the only field is empty', parameters: eventUpdate({ description_md: V }), good: { value: 'New text' }, bad: { value: '' }, message: 'Nothing to update' },
	{ name: 'Event → Update: only Suppress Notifications', parameters: eventUpdate({ suppress_notifications: true, description_md: V }), good: { value: 'New text' }, bad: {}, message: 'Nothing to update' },
	{ name: 'Ticket Type → Update: the only field is empty', parameters: ticketUpdate({ description: V }), good: { value: 'Front row' }, bad: { value: '' }, message: 'Nothing to update' },
	{ name: 'Coupon → Update: the only field is empty', parameters: couponUpdate({ remaining_count: V }), good: { value: 300 }, bad: { value: '' }, message: 'Nothing to update' },
	{ name: 'Host → Update: the only field returns nothing', parameters: { resource: 'host', operation: 'update', eventId: rl('<<event>>'), email: 'fixture-host@example.com', updateFields: { is_visible: V } }, good: { value: true }, bad: {}, message: 'Nothing to update' },
	{ name: 'Blast → Update: the only field is empty', parameters: blastUpdate({ subject: V }), good: { value: 'Reminder' }, bad: { value: ' ' }, message: 'Nothing to update' },
	{ name: 'Calendar → Update: the only field is empty', parameters: calendarUpdate({ description: V }), good: { value: 'From n8n' }, bad: { value: '' }, message: 'Nothing to update' },
	{ name: 'Contact Tag → Update: the only field returns nothing', parameters: { resource: 'contactTag', operation: 'update', tagId: rl('<<contactTag>>'), updateFields: { color: V } }, good: { value: 'red' }, bad: {}, message: 'Nothing to update' },
	{ name: 'Event Tag → Update: the only field returns nothing', parameters: { resource: 'eventTag', operation: 'update', tagId: rl('<<eventTag>>'), updateFields: { color: V } }, good: { value: 'blue' }, bad: {}, message: 'Nothing to update' },
	{ name: 'Webhook → Update: the only field returns nothing', parameters: { resource: 'webhook', operation: 'update', webhookId: rl('<<webhook>>'), updateFields: { status: V } }, good: { value: 'active' }, bad: {}, message: 'Nothing to update' },
	{ name: 'Guest → Update Tickets: nothing to add or remove', parameters: { resource: 'guest', operation: 'updateTickets', eventId: rl('<<bigEvent>>'), guestId: '<<guest>>', ticketTypesToAdd: V }, good: { value: '<<vip>>' }, bad: { value: '' }, message: 'Nothing to update: set Ticket Types to Add or Ticket IDs to Remove' },
]);

// Class 9: strings Luma would take but should never get: unsafe links, private addresses, junk colors, oversize text.
const strings = luma([
	{ name: 'Event → Create: javascript: as Meeting URL', parameters: eventCreate({ additionalFields: { meeting_url: V } }), good: { value: 'https://zoom.us/j/123' }, bad: { value: 'javascript:alert(1)' }, message: 'Meeting URL must be an http(s) URL, got "javascript:"' },
	{ name: 'Event → Create: "notacolor" as Tint Color', parameters: eventCreate({ additionalFields: { tint_color: V } }), good: { value: '#1f6feb' }, bad: { value: 'notacolor' }, message: 'Tint Color must be a color like #1f6feb, got "notacolor"' },
	{ name: 'Event → Create: a Slug with a space', parameters: eventCreate({ additionalFields: { slug: uniqueOr('bad-input-') } }), good: UNIQUE, bad: { value: 'my event' }, message: 'Slug must be 3 to 50 letters, digits or dashes, got "my event"' },
	{ name: 'Event → Create: Registration Questions that are not JSON', parameters: eventCreate({ additionalFields: { registration_questions: V } }), good: { value: '[{"id":"company","label":"Company","question_type":"company","required":false}]' }, bad: { value: '[{"label":' }, message: 'Registration Questions is not valid JSON' },
	{ name: 'Event → Create: a registration question without an ID', parameters: eventCreate({ additionalFields: { registration_questions: V } }), good: { value: [{ id: 'company', label: 'Company', question_type: 'company', required: false }] }, bad: { value: [{ label: 'Company', question_type: 'company', required: false }] }, message: 'Registration Questions is invalid at 0.id: Required' },
	{ name: 'Event → Update: a Cover Image URL outside Luma\'s CDN', parameters: eventUpdate({ cover_url: V }), good: { value: 'https://images.lumacdn.com/covers/x.png' }, bad: { value: 'https://example.com/x.png' }, message: "Cover Image URL must be an image on Luma's CDN" },
	{ name: 'Event → Update: "#12345" as Tint Color', parameters: eventUpdate({ tint_color: V }), good: { value: '#abc' }, bad: { value: '#12345' }, message: 'Tint Color must be a color like #1f6feb, got "#12345"' },
	{ name: 'Guest → Add: a 10,000-character email', parameters: guestAdd({ email: V }), good: { value: 'bad-input-guest@example.com' }, bad: { value: `${'a'.repeat(9988)}@example.com` }, message: 'Email is too long (10000 characters, at most 254)' },
	{ name: 'Host → Add: an email without a domain', parameters: hostAdd({ email: uniqueOr('host', '@example.com') }), good: UNIQUE, bad: { value: 'cohost@' }, message: 'Email is not a valid email address: "cohost@"' },
	{ name: 'Guest → Update Status: a 201-character Message', parameters: guestStatus({}, { send_email: true, message: V }), good: { value: 'Welcome' }, bad: { value: 'x'.repeat(201) }, message: 'Message is too long (201 characters, at most 200)' },
	{ name: 'Guest → Send Invites: a 201-character Message', parameters: { resource: 'guest', operation: 'sendInvites', eventId: rl('<<bigEvent>>'), email: 'invitee2@example.com', additionalFields: { message: '={{ $json.value + $itemIndex }}' } }, good: { value: 'Come along ' }, bad: { value: 'x'.repeat(200) }, message: 'Message is too long (201 characters, at most 200)' },
	{ name: 'Coupon → Create: a 23-character Code', parameters: couponCreate({ code: uniqueOr('C') }), good: UNIQUE, bad: { value: 'TOO-LONG-CODE-123456789' }, message: 'Code is 23 characters; Luma allows 20' },
	{ name: 'Webhook → Create: the cloud metadata address as URL', parameters: webhookCreate(uniqueOr('https://example.com/hook/')), good: UNIQUE, bad: { value: 'http://169.254.169.254/latest/meta-data/' }, message: 'URL points at a private or local address (169.254.169.254), which Luma cannot reach' },
	{ name: 'Webhook → Create: localhost as URL', parameters: webhookCreate(uniqueOr('https://example.com/hook/')), good: UNIQUE, bad: { value: 'http://localhost:5678/webhook/luma' }, message: 'URL points at a private or local address (localhost)' },
	{ name: 'Webhook → Create: a private network address as URL', parameters: webhookCreate(uniqueOr('https://example.com/hook/')), good: UNIQUE, bad: { value: 'https://10.1.2.3/hook' }, message: 'URL points at a private or local address (10.1.2.3)' },
	{ name: 'Calendar → Update: a private address as Avatar URL', parameters: calendarUpdate({ avatar_url: V }), good: { value: 'https://images.lumacdn.com/avatars/cal.png' }, bad: { value: 'http://192.168.1.10/avatar.png' }, message: 'Avatar URL points at a private or local address (192.168.1.10)' },
	{ name: 'Calendar → Update: ftp: as Website', parameters: calendarUpdate({ website: V }), good: { value: 'https://example.com' }, bad: { value: 'ftp://example.com' }, message: 'Website must be an http(s) URL, got "ftp:"' },
	{ name: 'Calendar → Add Event (external): "not a url" as URL', parameters: externalEvent({ url: V }), good: { value: 'https://example.com/partner' }, bad: { value: 'not a url' }, message: 'URL is not a valid URL: "not a url"' },
	{ name: 'Calendar → Add Event (external): "2 hours" as Duration', parameters: externalEvent({ duration: V }), good: { value: 'PT2H' }, bad: { value: '2 hours' }, message: 'Duration is not an ISO 8601 duration like PT1H30M: "2 hours"' },
	{ name: 'Calendar → Add Admins: one entry is no email', parameters: { resource: 'calendar', operation: 'addAdmins', emails: V }, good: { value: 'admin@example.com' }, bad: { value: 'admin@example.com, nope' }, message: 'Emails is not a valid email address: "nope"' },
	{ name: 'Contact Tag → Apply: a contact that is neither an email nor a user ID', parameters: tagApply({ contacts: V }), good: { value: 'contact001@example.com' }, bad: { value: 'contact001@example.com, Ada' }, message: 'Contacts: "Ada" is neither a valid email address nor a user ID (usr-...)' },
	{ name: 'Entity → Lookup: a link of another site', parameters: { resource: 'entity', operation: 'lookup', slug: V }, good: { value: 'https://luma.com/simulated-community' }, bad: { value: 'https://evil.example/simulated-community' }, message: 'Slug or URL: "evil.example" is not a Luma address' },
]);

const cases: BadInputCase[] = [...nothing, ...notText, ...numbers, ...dates, ...options, ...ids, ...nothingToUpdate, ...strings];

describe('Luma Events: bad input never reaches Luma', () => {
	it('has enough rows for every class', () => {
		const counts = { nothing, notText, numbers, dates, options, ids, nothingToUpdate, strings };
		expect(Object.values(counts).every((rows) => rows.length >= 5)).toBe(true);
		expect(cases.length).toBeGreaterThanOrEqual(90);
		expect(new Set(cases.map((testCase) => testCase.name)).size).toBe(cases.length);
	});

	it.each(cases.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
		await checkBadInput(env, withFixtures(testCase));
	});
});
