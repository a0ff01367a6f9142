import type { INodeProperties } from 'n8n-workflow';

import { PROCESSES_FIELD } from '../nodes/shared/transport/sharing';

/**
 * "n8n Processes Sharing This Key", the same field in every Luma credential (read by the transport:
 * nodes/shared/transport/sharing.ts, docs/queue-mode.md); `whatItDoes` says what it changes for that API.
 */
export function processesSharingKeyField(whatItDoes: string): INodeProperties {
	return {
		displayName: 'n8n Processes Sharing This Key',
		name: PROCESSES_FIELD,
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 1,
		description: `How many n8n processes send requests with this key: 1 for a single n8n; in queue mode the main instance plus every worker. ${whatItDoes}`,
	};
}
