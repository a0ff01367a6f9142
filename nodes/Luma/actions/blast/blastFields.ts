import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toLumaDateTime } from '../common/fields';
import { ID_FORMS, readId, readText, requireId } from '../common/inputs';

export const blastIdField: INodeProperties = {
	displayName: 'Blast ID',
	name: 'blastId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'ep-...',
	description: 'ID of the email blast (from Blast → Get Many or Create)',
};

export const blastOptionalFields: INodeProperties[] = [
	{
		displayName: 'Recipients',
		name: 'recipients',
		type: 'multiOptions',
		options: [
			{ name: 'Checked In', value: 'checked_in' },
			{ name: 'Going (Approved)', value: 'approved' },
			{ name: 'Invited', value: 'invited' },
			{ name: 'Pending Approval', value: 'pending_approval' },
			{ name: 'Waitlist', value: 'waitlist' },
		],
		default: ['approved'],
		description: 'Which guests receive the email (default: going)',
	},
	{
		displayName: 'Schedule For',
		name: 'scheduled_for',
		type: 'dateTime',
		default: '',
		description: "Send later at this time (the workflow's time zone unless it carries an offset); empty sends now",
	},
	{ displayName: 'Subject', name: 'subject', type: 'string', default: '' },
	{
		displayName: 'Ticket Type ID',
		name: 'ticketTypeId',
		type: 'string',
		default: '',
		placeholder: 'ttype-...',
		description: 'Only recipients holding this ticket type (its ID, ttype-...)',
	},
];

/** The Blast ID field's value (ep-…). */
export function readBlastId(this: IExecuteFunctions, itemIndex: number): string {
	return requireId(this, itemIndex, this.getNodeParameter('blastId', itemIndex), 'Blast ID', ID_FORMS.blast);
}

export function readBlastFields(this: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	const subject = readText(this, itemIndex, fields.subject, 'Subject');
	if (subject) body.subject = subject;
	if (fields.scheduled_for) body.scheduled_for = toLumaDateTime.call(this, itemIndex, fields.scheduled_for, 'Schedule For');
	const ticketTypeId = readId(this, itemIndex, fields.ticketTypeId, 'Ticket Type ID', ID_FORMS.ticketType);
	if (Array.isArray(fields.recipients) && fields.recipients.length) {
		body.recipient_groups = fields.recipients.map((status) => ({ status, ...(ticketTypeId ? { event_ticket_type_id: ticketTypeId } : {}) }));
	} else if (ticketTypeId) {
		throw new NodeOperationError(this.getNode(), 'Ticket Type ID needs Recipients', { itemIndex });
	}
	return body;
}
