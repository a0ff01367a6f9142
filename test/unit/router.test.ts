/**
 * The router reads each parameter once per item for a node run (nodes/shared/router.ts): n8n
 * evaluates every expression in an isolate, and the check before an item runs, the operation, and a
 * resource locator's extracted value would otherwise each evaluate it again. Driven through real n8n
 * execution (n8n-core's WorkflowExecute and getNodeParameter), counting the reads n8n serves.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { routeOperation } from '../../nodes/shared/router';
import type { ResourceModule } from '../../nodes/shared/types';
import { runWorkflow } from '../helpers/n8n';
import { probeDescription } from '../helpers/probeNode';

const show = { show: { resource: ['thing'], operation: ['get'] } };

const properties: INodeProperties[] = [
	{ displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, options: [{ name: 'Thing', value: 'thing' }], default: 'thing' },
	{ displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, options: [{ name: 'Get', value: 'get' }], default: 'get' },
	{
		displayName: 'Thing',
		name: 'thingId',
		type: 'resourceLocator',
		default: { mode: 'id', value: '' },
		required: true,
		displayOptions: show,
		modes: [
			{ displayName: 'ID', name: 'id', type: 'string' },
			{ displayName: 'URL', name: 'url', type: 'string', extractValue: { type: 'regex', regex: 'https://things\\.example/(\\w+)' } },
		],
	},
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'collection',
		default: {},
		displayOptions: show,
		options: [{ displayName: 'Label', name: 'label', type: 'string', default: '' }],
	},
];

/** n8n's own reads, per parameter, for the last run. */
let reads: Record<string, number> = {};

const resources: Record<string, ResourceModule> = {
	thing: {
		description: properties.slice(2),
		operations: {
			get: {
				description: properties.slice(2),
				async execute(this: IExecuteFunctions, itemIndex: number) {
					const whole = this.getNodeParameter('thingId', itemIndex) as IDataObject;
					const id = this.getNodeParameter('thingId', itemIndex, '', { extractValue: true }) as string;
					const fields = this.getNodeParameter('fields', itemIndex, {}) as IDataObject;
					fields.label = 'changed by the operation';
					const again = this.getNodeParameter('fields', itemIndex, {}) as IDataObject;
					return { mode: whole.mode, id, label: again.label ?? null };
				},
			},
		},
	},
};

class RouterProbe implements INodeType {
	description: INodeTypeDescription = probeDescription('routerProbe', properties);

	async execute(this: IExecuteFunctions) {
		const read = this.getNodeParameter.bind(this);
		reads = {};
		const counted = (name: string, itemIndex: number, fallback?: unknown, options?: IDataObject) => {
			reads[name] = (reads[name] ?? 0) + 1;
			return read(name, itemIndex, fallback, options);
		};
		this.getNodeParameter = counted as IExecuteFunctions['getNodeParameter'];
		return await routeOperation.call(this, resources);
	}
}

async function probe(thingId: IDataObject, fields: IDataObject, items: IDataObject[]) {
	const run = await runWorkflow({
		nodes: [{ name: 'Probe', type: 'routerProbe', parameters: { resource: 'thing', operation: 'get', thingId, fields } }],
		credentials: {},
		input: items,
		extraNodeTypes: { routerProbe: new RouterProbe() },
	});
	const error = run.error('Probe') ?? run.error();
	if (error) throw error;
	return run.output('Probe').map((item) => item.json);
}

test('an expression is evaluated once per item: by the check, then served to the operation (whole and extracted)', async () => {
	const items = [{ id: 'a1' }, { id: 'b2' }, { id: 'c3' }, { id: 'd4' }];
	const output = await probe({ __rl: true, mode: 'id', value: '={{ $json.id }}' }, { label: 'static' }, items);
	expect(output.map((json) => json.id)).toEqual(['a1', 'b2', 'c3', 'd4']);
	expect(reads.thingId).toBe(items.length);
	// A static parameter is read once for the whole run.
	expect(reads.fields).toBe(1);
});

test('every read is a copy: what the operation changes in one does not reach the next', async () => {
	const output = await probe({ __rl: true, mode: 'id', value: 'x9' }, { label: 'static' }, [{}, {}]);
	expect(output.map((json) => json.label)).toEqual(['static', 'static']);
});

test('a mode that extracts (a URL) is still extracted by n8n', async () => {
	const output = await probe({ __rl: true, mode: 'url', value: '={{ "https://things.example/" + $json.id }}' }, {}, [{ id: 'q7' }, { id: 'r8' }]);
	expect(output.map((json) => [json.mode, json.id])).toEqual([
		['url', 'q7'],
		['url', 'r8'],
	]);
});
