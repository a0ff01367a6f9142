import { contactTaggingOperation } from './contactTagging';

export const { description, execute } = contactTaggingOperation('unapply');
