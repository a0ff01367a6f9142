import { contactStatusOperation } from './contactStatus';

export const { description, prepare, execute } = contactStatusOperation(
	'restore',
	'Email address or contact ID of the blocked or removed contact to bring back',
);
