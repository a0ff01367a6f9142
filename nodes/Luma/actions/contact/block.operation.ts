import { contactStatusOperation } from './contactStatus';

export const { description, prepare, execute } = contactStatusOperation(
	'block',
	'Email address or contact ID of the contact to block. Blocked people can no longer register for the calendar\'s events.',
);
