import { CONTACT_TAG, tagGetMany } from '../common/tagOperations';

export const { description, execute } = tagGetMany(CONTACT_TAG);
