import { CONTACT_TAG, tagDelete } from '../common/tagOperations';

export const { description, prepare, execute } = tagDelete(CONTACT_TAG);
