import { CONTACT_TAG, tagUpdate } from '../common/tagOperations';

export const { description, execute } = tagUpdate(CONTACT_TAG);
