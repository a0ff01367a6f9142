import { contactStatusOperation } from './contactStatus';

export const { description, execute } = contactStatusOperation(
	'block',
	'Email address or contact ID of the contact to block. Blocked people can no longer register for the calendar\'s events.',
);
