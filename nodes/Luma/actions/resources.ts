import type { INodePropertyOptions } from 'n8n-workflow';

import type { ResourceModule } from '../../shared/types';
import { contact } from './contact/Contact.resource';
import { contactTag } from './contactTag/ContactTag.resource';
import { entity } from './entity/Entity.resource';
import { eventTag } from './eventTag/EventTag.resource';
import { image } from './image/Image.resource';
import { membership } from './membership/Membership.resource';
import { organization } from './organization/Organization.resource';
import { place } from './place/Place.resource';
import { user } from './user/User.resource';
import { webhook } from './webhook/Webhook.resource';

/**
 * Every resource of the Luma Events node: the picker entry (what users see) and its module.
 * Adding a resource: one file under actions/<resource>/ and one line here.
 */
export const resources: Record<string, { option: INodePropertyOptions; module: ResourceModule }> = {
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
