import { EVENT_TAG, tagGetMany } from '../common/tagOperations';

export const { description, execute } = tagGetMany(EVENT_TAG);
