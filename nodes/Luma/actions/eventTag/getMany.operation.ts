import { EVENT_TAG, tagGetMany } from '../contactTag/tagOperations';

export const { description, execute } = tagGetMany(EVENT_TAG);
