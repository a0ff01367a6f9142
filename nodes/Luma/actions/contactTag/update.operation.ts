import { CONTACT_TAG, tagUpdate } from '../common/tagOperations';

export const { description, prepare, execute } = tagUpdate(CONTACT_TAG);
