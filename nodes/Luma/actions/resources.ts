import type { INodePropertyOptions } from 'n8n-workflow';

import type { ResourceModule } from '../../shared/types';
import { blast } from './blast/Blast.resource';
import { calendar } from './calendar/Calendar.resource';
import { contact } from './contact/Contact.resource';
import { contactTag } from './contactTag/ContactTag.resource';
import { coupon } from './coupon/Coupon.resource';
import { entity } from './entity/Entity.resource';
import { event } from './event/Event.resource';
import { eventTag } from './eventTag/EventTag.resource';
import { guest } from './guest/Guest.resource';
import { host } from './host/Host.resource';
import { image } from './image/Image.resource';
import { membership } from './membership/Membership.resource';
import { organization } from './organization/Organization.resource';
import { place } from './place/Place.resource';
import { ticketType } from './ticketType/TicketType.resource';
import { user } from './user/User.resource';
import { webhook } from './webhook/Webhook.resource';

/**
 * Every resource of the Luma Events node: the picker entry (what users see) and its module.
 * Adding a resource: one file under actions/<resource>/ and one line here.
 */
export const resources: Record<string, { option: INodePropertyOptions; module: ResourceModule }> = {
	event: {
		option: { name: 'Event', value: 'event', description: 'Events of the calendar: get, list, create, update, cancel, move' },
		module: event,
	},
	guest: {
		option: { name: 'Guest', value: 'guest', description: "An event's guests: look up, list, add, approve or decline, invite, change tickets" },
		module: guest,
	},
	ticketType: {
		option: { name: 'Ticket Type', value: 'ticketType', description: "An event's free and paid ticket types" },
		module: ticketType,
	},
	coupon: {
		option: { name: 'Coupon', value: 'coupon', description: 'Discount codes for one event or the whole calendar' },
		module: coupon,
	},
	host: { option: { name: 'Host', value: 'host', description: "An event's hosts and their access" }, module: host },
	blast: {
		option: { name: 'Blast', value: 'blast', description: "Email blasts to an event's guests" },
		module: blast,
	},
	calendar: {
		option: { name: 'Calendar', value: 'calendar', description: 'The calendar itself: settings, admins, submitted events, organization calendars' },
		module: calendar,
	},
	contact: {
		option: { name: 'Contact', value: 'contact', description: "People on the calendar's contact list: list, import, block, remove, restore" },
		module: contact,
	},
	contactTag: {
		option: { name: 'Contact Tag', value: 'contactTag', description: 'Tags that group contacts: manage them and tag contacts' },
		module: contactTag,
	},
	entity: {
		option: { name: 'Entity', value: 'entity', description: 'What a luma.com slug or link points to (an event or a calendar)' },
		module: entity,
	},
	eventTag: {
		option: { name: 'Event Tag', value: 'eventTag', description: "Tags that group the calendar's events: manage them and tag events" },
		module: eventTag,
	},
	image: {
		option: { name: 'Image', value: 'image', description: "Upload images to Luma's CDN (event covers) or search stock images" },
		module: image,
	},
	membership: {
		option: { name: 'Membership', value: 'membership', description: 'Calendar membership tiers and their members' },
		module: membership,
	},
	organization: {
		option: { name: 'Organization', value: 'organization', description: 'Admins, calendars and events of a whole organization (organization API key)' },
		module: organization,
	},
	place: {
		option: { name: 'Place', value: 'place', description: 'Find venues (Google Maps places) for event locations' },
		module: place,
	},
	user: { option: { name: 'User', value: 'user', description: 'The user that owns the API key' }, module: user },
	webhook: {
		option: { name: 'Webhook', value: 'webhook', description: 'Webhook registrations that notify a URL of calendar activity' },
		module: webhook,
	},
};

/** The Resource picker's options, in the order users see them. */
export const resourceOptions: INodePropertyOptions[] = Object.values(resources).map(({ option }) => option);

/** Every resource's operation picker and fields. */
export const resourceProperties = Object.values(resources).flatMap(({ module }) => module.description);
