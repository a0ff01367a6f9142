import { CONTACT_TAG, tagDelete } from '../common/tagOperations';

export const { description, execute } = tagDelete(CONTACT_TAG);
