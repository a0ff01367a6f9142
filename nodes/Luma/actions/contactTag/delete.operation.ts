import { CONTACT_TAG, tagDelete } from './tagOperations';

export const { description, execute } = tagDelete(CONTACT_TAG);
