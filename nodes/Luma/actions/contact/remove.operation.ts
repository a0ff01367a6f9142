import { contactStatusOperation } from './contactStatus';

export const { description, prepare, execute } = contactStatusOperation(
	'remove',
	'Email address or contact ID of the contact to remove from the calendar\'s contacts (Restore brings them back)',
);
