import { CONTACT_TAG, tagUpdate } from './tagOperations';

export const { description, execute } = tagUpdate(CONTACT_TAG);
