import type { IDataObject, IExecuteFunctions, INode, INodeParameters, INodeProperties } from 'n8n-workflow';
import { NodeHelpers, NodeOperationError } from 'n8n-workflow';

import { booleanProblem, dateTimeProblem, describeValue, fixedCollectionGroups, isEmpty, locatorProblem, multiOptionProblem, numberProblem, optionProblem, textProblem } from './values';

/**
 * Every parameter an item uses, checked against its field before anything is sent to Luma: the
 * class of mistakes where an expression hands a field something it never promised to take (nothing,
 * an object, "abc" for a number, a value outside a closed list, a malformed ID). The fields come
 * from the operation's own description, so a new operation is covered the day it is written.
 *
 * What a field description cannot say (a date's time zone, a URL Luma must be able to fetch, an
 * update with nothing in it) is checked by the operation with the readers in readers.ts.
 */

export interface ItemCheckConfig {
	/** Option fields whose list Luma documents as open (new values pass through). */
	openOptions?: ReadonlySet<string>;
}

interface Problem {
	label: string;
	message: string;
}

/** The raw (unresolved) value below `raw` at `key`: tells whether an empty value came from an expression. */
function rawChild(raw: unknown, key: string | number): unknown {
	return typeof raw === 'object' && raw !== null ? (raw as IDataObject)[key] : undefined;
}

function isExpression(raw: unknown): boolean {
	if (typeof raw === 'string') return raw.startsWith('=');
	if (typeof raw === 'object' && raw !== null) {
		if ('__rl' in raw) return isExpression((raw as IDataObject).value);
		return Object.values(raw).some(isExpression);
	}
	return false;
}

/** Checks one value against one field; nested collections are walked. */
function checkField(
	prop: INodeProperties,
	value: unknown,
	label: string,
	raw: unknown,
	config: ItemCheckConfig,
	problems: Problem[],
): void {
	const fail = (message: string) => problems.push({ label, message });
	if (isEmpty(value) && prop.type !== 'boolean') {
		if (prop.required && prop.type !== 'collection' && prop.type !== 'fixedCollection') {
			fail(isExpression(raw) ? 'is required (the expression returned nothing)' : 'is required');
		}
		return;
	}
	let problem: string | undefined;
	switch (prop.type) {
		case 'string':
		case 'color':
			problem = textProblem(value);
			break;
		case 'number':
			problem = numberProblem(value, prop.typeOptions);
			break;
		case 'boolean':
			problem = value === undefined || value === null ? undefined : booleanProblem(value);
			break;
		case 'options':
			if (!prop.typeOptions?.loadOptionsMethod && !config.openOptions?.has(prop.name)) problem = optionProblem(prop, value);
			else problem = textProblem(value);
			break;
		case 'multiOptions':
			if (!prop.typeOptions?.loadOptionsMethod) problem = multiOptionProblem(prop, value);
			break;
		case 'dateTime':
			problem = dateTimeProblem(value);
			break;
		case 'resourceLocator': {
			const locator = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as IDataObject) : undefined;
			const mode = locator ? String(locator.mode ?? '') : undefined;
			const inner = locator ? locator.value : value;
			if (isEmpty(inner)) {
				if (prop.required) fail(isExpression(raw) ? 'is required (the expression returned nothing)' : 'is required');
				return;
			}
			problem = locatorProblem(prop, inner, mode);
			break;
		}
		case 'collection': {
			if (typeof value !== 'object' || Array.isArray(value)) {
				problem = `must be a set of fields, got ${describeValue(value)}`;
				break;
			}
			const options = (prop.options ?? []) as INodeProperties[];
			for (const [key, entry] of Object.entries(value as IDataObject)) {
				const sub = options.find((option) => option.name === key);
				// Named as the user sees it in the collection: the option's own name.
				if (sub) checkField(sub, entry, sub.displayName, rawChild(raw, key), config, problems);
			}
			return;
		}
		case 'fixedCollection': {
			if (typeof value !== 'object' || Array.isArray(value)) {
				problem = `must be a set of fields, got ${describeValue(value)}`;
				break;
			}
			const groups = fixedCollectionGroups(prop);
			for (const [groupName, groupValue] of Object.entries(value as IDataObject)) {
				const group = groups.get(groupName);
				if (!group) continue;
				const entries = Array.isArray(groupValue) ? groupValue : [groupValue];
				entries.forEach((entry, index) => {
					// "Image Reference 2 Weight": the entry as the user added it, numbered when there can be several.
					const where = prop.typeOptions?.multipleValues ? `${group.displayName} ${index + 1}` : group.displayName;
					if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
						problems.push({ label: where, message: `must be a set of fields, got ${describeValue(entry)}` });
						return;
					}
					const rawGroup = rawChild(raw, groupName);
					const rawEntry = Array.isArray(rawGroup) ? rawChild(rawGroup, index) : rawGroup;
					for (const sub of group.values) {
						if (!(sub.name in entry)) continue;
						checkField(sub, (entry as IDataObject)[sub.name], `${where} ${sub.displayName}`, rawChild(rawEntry, sub.name), config, problems);
					}
				});
			}
			return;
		}
		default:
			return;
	}
	if (problem) fail(problem);
}

/**
 * The problems of one item: each top-level parameter the node has is resolved for the item, matched
 * to the field the item really shows (display rules read with the item's resolved values, so a field
 * hidden by an expression's value is not demanded), and checked.
 */
function itemProblems(ctx: IExecuteFunctions, itemIndex: number, properties: INodeProperties[], config: ItemCheckConfig): Problem[] {
	const node: INode = ctx.getNode();
	const names = Object.keys(node.parameters);
	const resolved: INodeParameters = {};
	for (const name of names) resolved[name] = ctx.getNodeParameter(name, itemIndex) as INodeParameters[string];
	const problems: Problem[] = [];
	for (const name of names) {
		const prop = properties.find((candidate) => candidate.name === name && NodeHelpers.displayParameter(resolved, candidate, node, null));
		if (!prop || prop.type === 'notice' || prop.type === 'hidden') continue;
		checkField(prop, resolved[name], prop.displayName, node.parameters[name], config, problems);
	}
	return problems;
}

/**
 * A checker for the items of one node run. Parameters without expressions are the same for every
 * item, so such a run is checked once (item 0) and the result reused.
 */
export function itemParameterChecker(
	ctx: IExecuteFunctions,
	properties: INodeProperties[],
	config: ItemCheckConfig = {},
): (itemIndex: number) => void {
	const perItem = isExpression(ctx.getNode().parameters);
	let staticProblems: Problem[] | undefined;
	return (itemIndex: number) => {
		const problems = perItem ? itemProblems(ctx, itemIndex, properties, config) : (staticProblems ??= itemProblems(ctx, 0, properties, config));
		if (problems.length === 0) return;
		const [first, ...others] = problems;
		throw new NodeOperationError(ctx.getNode(), `${first.label} ${first.message}`, {
			itemIndex,
			description: others.length ? `Also: ${others.map((problem) => `${problem.label} ${problem.message}`).join('; ')}` : undefined,
		});
	};
}
