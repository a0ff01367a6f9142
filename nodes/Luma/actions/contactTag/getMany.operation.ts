import { CONTACT_TAG, tagGetMany } from './tagOperations';

export const { description, execute } = tagGetMany(CONTACT_TAG);
