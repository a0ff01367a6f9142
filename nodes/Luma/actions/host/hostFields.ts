import type { IDataObject, INodeProperties } from 'n8n-workflow';

export const accessLevelField: INodeProperties = {
	displayName: 'Access Level',
	name: 'access_level',
	type: 'options',
	options: [
		{ name: 'Manager', value: 'manager', description: 'Can edit the event and manage guests' },
		{ name: 'Check-In', value: 'check-in', description: 'Can check guests in' },
		{ name: 'None', value: 'none', description: 'Shown as host only' },
	],
	default: 'manager',
};
export const visibleField: INodeProperties = { displayName: 'Visible', name: 'is_visible', type: 'boolean', default: true, description: 'Whether the host is shown on the event page' };

/** For a lost answer of Add or Remove (body `{ event_id, email }`): where the user sees what happened. */
export function hostWhatToCheck(body: IDataObject): string {
	return `Check the hosts of ${String(body.event_id)} (Event → Get) for ${String(body.email)}`;
}
