import { EVENT_TAG, tagCreate } from '../contactTag/tagOperations';

export const { description, execute } = tagCreate(EVENT_TAG);
