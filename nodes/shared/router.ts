import type { IExecuteFunctions, IGetNodeParameterOptions, INodeExecutionData, INodeParameters, INodeProperties } from 'n8n-workflow';
import { deepCopy, NodeHelpers, NodeOperationError } from 'n8n-workflow';

import { readConcurrencySettings } from './concurrency';
import { runPerItem } from './itemRunner';
import { setRunSettings } from './transport';
import type { NodeRun, ResourceModule } from './types';
import type { ItemCheckConfig } from './validation/itemParameters';
import { itemParameterChecker } from './validation/itemParameters';
import { isExpression } from './validation/values';

/** The raw value at `path` ('eventId', 'options.concurrency') of the node's parameters; undefined when absent. */
function rawParameter(parameters: INodeParameters, path: string): unknown {
	let current: unknown = parameters;
	for (const key of path.split('.')) {
		if (typeof current !== 'object' || current === null || !(key in current)) return undefined;
		current = (current as INodeParameters)[key];
	}
	return current;
}

type DisplayedProperty = ReturnType<typeof NodeHelpers.findDisplayedProperty>;

/**
 * A resource locator's value as n8n's `extractValue` gives it, when its mode extracts nothing (the
 * value as it is: an ID mode); undefined when n8n must do the extracting (a URL mode).
 */
function plainLocatorValue(value: unknown, property: DisplayedProperty): { value: unknown } | undefined {
	if (typeof value !== 'object' || value === null || !('__rl' in value) || !('mode' in value)) return undefined;
	if (!property || !('type' in property) || property.type !== 'resourceLocator') return undefined;
	const mode = (property.modes ?? []).find((candidate) => candidate.name === value.mode);
	return mode && !mode.extractValue ? { value: (value as { value?: unknown }).value } : undefined;
}

/**
 * Each parameter is read once per item for the node run (once for the run when it holds no expression). n8n evaluates an expression in an isolate
 * (about half a millisecond each), and an item's parameters are read by the check before it runs
 * and again by the operation (a resource locator twice: whole, then its value); without this,
 * `{{ $json.id }}` costs three evaluations per item where n8n's HTTP Request node spends one.
 * Every read gets its own copy, so an operation that changes what it read changes nothing else.
 */
function readParametersOnce(ctx: IExecuteFunctions, properties: INodeProperties[]): void {
	const read = ctx.getNodeParameter.bind(ctx);
	const node = ctx.getNode();
	const values = new Map<string, unknown>();
	// The field a path shows: display rules read the node's parameters as saved, the same for the whole run.
	const shown = new Map<string, DisplayedProperty>();
	const fieldAt = (path: string): DisplayedProperty => {
		if (!shown.has(path)) shown.set(path, NodeHelpers.findDisplayedProperty(path, properties, node.parameters, node, null));
		return shown.get(path);
	};
	const readOnce = (parameterName: string, itemIndex: number, fallbackValue?: unknown, options?: IGetNodeParameterOptions): unknown => {
		const raw = rawParameter(node.parameters, parameterName);
		const present = raw !== undefined;
		if (present && options?.extractValue && Object.keys(options).length === 1) {
			const plain = plainLocatorValue(readOnce(parameterName, itemIndex), fieldAt(parameterName));
			if (plain) return plain.value;
		}
		// Present, the fallback plays no part; without an expression, neither does the item.
		const key = JSON.stringify([parameterName, isExpression(raw) ? itemIndex : null, present ? null : (fallbackValue ?? null), options ?? null]);
		if (!values.has(key)) values.set(key, read(parameterName, itemIndex, fallbackValue, options));
		const value = values.get(key);
		return typeof value === 'object' && value !== null ? deepCopy(value) : value;
	};
	try {
		ctx.getNodeParameter = readOnce as IExecuteFunctions['getNodeParameter'];
	} catch {
		// A context that does not let the method be replaced just reads every time: slower, not different.
	}
}

/**
 * Dispatches resource/operation to its operation module (shared by the Luma Events and Luma
 * Generate nodes). It reads Options → Concurrency once and hands it to the transport for this run,
 * and checks every item's parameters against the operation's fields before the item runs.
 */
export async function routeOperation(
	this: IExecuteFunctions,
	resources: Record<string, ResourceModule>,
	checks: ItemCheckConfig = {},
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = resources[resource]?.operations[operation];
	if (!module) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	readParametersOnce(this, resources[resource].description);
	const settings = readConcurrencySettings.call(this);
	setRunSettings(this, settings);
	const run: NodeRun = { settings, checkItem: itemParameterChecker(this, resources[resource].description, checks) };
	if (module.executeBatch) return [await module.executeBatch.call(this, items, run)];
	const { prepare, execute } = module;
	return [
		await runPerItem.call(
			this,
			items.length,
			settings.maxConcurrentRequests,
			async (itemIndex, prepared) => await execute.call(this, itemIndex, prepared),
			run.checkItem,
			prepare ? async (itemIndex) => await prepare.call(this, itemIndex) : undefined,
		),
	];
}
