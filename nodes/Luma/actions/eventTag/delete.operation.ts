import { EVENT_TAG, tagDelete } from '../common/tagOperations';

export const { description, execute } = tagDelete(EVENT_TAG);
