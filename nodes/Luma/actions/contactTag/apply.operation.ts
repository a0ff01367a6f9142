import { contactTaggingOperation } from './contactTagging';

export const { description, prepare, execute } = contactTaggingOperation('apply');
