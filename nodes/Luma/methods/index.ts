import { calendarSearches } from './calendarSearches';
import { eventSearches } from './eventSearches';

/** Resource-locator searches (each pages through the API with the search filter). */
export const listSearch = { ...eventSearches, ...calendarSearches };
