import { eventTaggingOperation } from './eventTagging';

export const { description, prepare, execute } = eventTaggingOperation('apply');
