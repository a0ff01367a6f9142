import { CONTACT_TAG, tagCreate } from '../common/tagOperations';

export const { description, prepare, execute } = tagCreate(CONTACT_TAG);
