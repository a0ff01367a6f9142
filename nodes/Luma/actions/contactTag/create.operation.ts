import { CONTACT_TAG, tagCreate } from '../common/tagOperations';

export const { description, execute } = tagCreate(CONTACT_TAG);
