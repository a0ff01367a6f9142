import type { INodePropertyOptions } from 'n8n-workflow';

export const APPROVAL_STATUS_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Approved (Going)', value: 'approved' },
	{ name: 'Declined', value: 'declined' },
	{ name: 'Invited', value: 'invited' },
	{ name: 'Pending Approval', value: 'pending_approval' },
	{ name: 'Session', value: 'session' },
	{ name: 'Waitlist', value: 'waitlist' },
];

/** The summary Simplify returns for guests. */
export const GUEST_SUMMARY_KEYS = ['id', 'user_id', 'user_email', 'user_name', 'approval_status', 'registered_at', 'checked_in_at', 'event_tickets'];
