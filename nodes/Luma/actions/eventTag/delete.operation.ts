import { EVENT_TAG, tagDelete } from '../common/tagOperations';

export const { description, prepare, execute } = tagDelete(EVENT_TAG);
