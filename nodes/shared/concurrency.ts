import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

export interface ConcurrencySettings {
	maxConcurrentRequests: number;
	/** 0 = take the limit from the credential. */
	requestsPerMinute: number;
	maxRetryWaitSeconds: number;
}

/**
 * "Options → Concurrency": the same group on every operation of every Luma node. Limits are
 * account-wide: two nodes (or two executions) using the same credential share one budget.
 */
export const concurrencyOption: INodeProperties = {
	displayName: 'Concurrency',
	name: 'concurrency',
	type: 'collection',
	placeholder: 'Add Limit',
	default: {},
	description: 'How hard this node may use the Luma account. Retries on "too many requests" happen automatically.',
	options: [
		{
			displayName: 'Max Concurrent Requests',
			name: 'maxConcurrentRequests',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 50 },
			default: 5,
			description:
				'How many requests to Luma may be in flight at once for this account (input items are processed this many at a time); retries count too',
		},
		{
			displayName: 'Requests Per Minute',
			name: 'requestsPerMinute',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description:
				"Budget the node paces itself to. 0 uses the credential's limit (events: 200 for a calendar key, 500 for an organization key; generation creates: the plan's creates per minute).",
		},
		{
			displayName: 'Max Retry Wait (Seconds)',
			name: 'maxRetryWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 300,
			description:
				'Longest total time one request may wait for Luma\'s rate limit to reopen before the node gives up with an error',
		},
	],
};

/** The defaults users see in the fields above, read from them (n8n's linter wants literal defaults there). */
function fieldDefault(name: keyof ConcurrencySettings): number {
	const field = (concurrencyOption.options as INodeProperties[]).find((option) => option.name === name);
	return Number(field?.default);
}

export const DEFAULT_CONCURRENCY: ConcurrencySettings = {
	maxConcurrentRequests: fieldDefault('maxConcurrentRequests'),
	requestsPerMinute: fieldDefault('requestsPerMinute'),
	maxRetryWaitSeconds: fieldDefault('maxRetryWaitSeconds'),
};

/**
 * Reads Options → Concurrency once per node run (the router does, and hands the result to the
 * transport). Operations without the group get the defaults.
 */
export function readConcurrencySettings(this: IExecuteFunctions): ConcurrencySettings {
	const raw = (this.getNodeParameter('options.concurrency', 0, {}) as IDataObject | undefined) ?? {};
	const positive = (value: unknown, fallback: number) => {
		const n = Number(value);
		return Number.isFinite(n) && n >= 0 ? n : fallback;
	};
	return {
		maxConcurrentRequests: Math.max(1, positive(raw.maxConcurrentRequests, DEFAULT_CONCURRENCY.maxConcurrentRequests)),
		requestsPerMinute: positive(raw.requestsPerMinute, DEFAULT_CONCURRENCY.requestsPerMinute),
		maxRetryWaitSeconds: positive(raw.maxRetryWaitSeconds, DEFAULT_CONCURRENCY.maxRetryWaitSeconds),
	};
}

/**
 * The "Options" collection of an operation: its own options first, then the Concurrency group (the
 * shared one, or a node's extension of it).
 */
export function optionsCollection(operationOptions: INodeProperties[] = [], concurrency = concurrencyOption): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...operationOptions, concurrency],
	};
}
