import { eventTaggingOperation } from './eventTagging';

export const { description, execute } = eventTaggingOperation('unapply');
