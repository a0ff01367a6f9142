import { EVENT_TAG, tagCreate } from '../common/tagOperations';

export const { description, prepare, execute } = tagCreate(EVENT_TAG);
