import { EVENT_TAG, tagCreate } from '../common/tagOperations';

export const { description, execute } = tagCreate(EVENT_TAG);
