import { EVENT_TAG, tagUpdate } from '../common/tagOperations';

export const { description, prepare, execute } = tagUpdate(EVENT_TAG);
