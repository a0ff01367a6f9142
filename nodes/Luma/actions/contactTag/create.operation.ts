import { CONTACT_TAG, tagCreate } from './tagOperations';

export const { description, execute } = tagCreate(CONTACT_TAG);
