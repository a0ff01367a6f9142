import { searchCalendars, searchMembershipTiers } from './calendars';
import { searchEvents, searchTicketTypes } from './events';
import { searchContactTags, searchEventTags } from './tags';
import { searchWebhooks } from './webhooks';

/**
 * The resource locators' searches over the events API (method names are what node descriptions
 * reference in `searchListMethod`). The Luma Events node registers all of them, the Luma Events
 * Trigger the event search its "Only for Event" filter uses.
 */
export const listSearch = {
	searchEvents,
	searchCalendars,
	searchTicketTypes,
	searchContactTags,
	searchEventTags,
	searchWebhooks,
	searchMembershipTiers,
};

export { searchEvents };
