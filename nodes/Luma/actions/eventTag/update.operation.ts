import { EVENT_TAG, tagUpdate } from '../common/tagOperations';

export const { description, execute } = tagUpdate(EVENT_TAG);
