import { EVENT_TAG, tagDelete } from '../contactTag/tagOperations';

export const { description, execute } = tagDelete(EVENT_TAG);
