import { EVENT_TAG, tagUpdate } from '../contactTag/tagOperations';

export const { description, execute } = tagUpdate(EVENT_TAG);
