import type { IDataObject, IExecuteFunctions, INode, INodeParameters, INodeProperties } from 'n8n-workflow';
import { NodeHelpers, NodeOperationError } from 'n8n-workflow';

import { requiredProblem } from './readers';
import { booleanProblem, dateTimeProblem, describeValue, fixedCollectionGroups, isEmpty, isExpression, locatorProblem, multiOptionProblem, numberProblem, optionProblem, textProblem } from './values';

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
			fail(requiredProblem(raw));
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
				if (prop.required) fail(requiredProblem(raw));
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

/** The field a parameter stands for, as the item shows it (display rules read with its resolved values). */
function shownField(properties: INodeProperties[], name: string, resolved: INodeParameters, node: INode): INodeProperties | undefined {
	const prop = properties.find((candidate) => candidate.name === name && NodeHelpers.displayParameter(resolved, candidate, node, null));
	return !prop || prop.type === 'notice' || prop.type === 'hidden' ? undefined : prop;
}

/** The parameter names the display rules of a field read ('/name' reads the top-level name). */
function displayRuleNames(prop: INodeProperties): string[] {
	const { show = {}, hide = {} } = prop.displayOptions ?? {};
	return [...Object.keys(show), ...Object.keys(hide)].map((name) => name.replace(/^\//, ''));
}

/**
 * A checker for the items of one node run: each top-level parameter the node has is resolved for
 * the item, matched to the field the item really shows (display rules read with the item's resolved
 * values, so a field hidden by an expression's value is not demanded), and checked.
 *
 * Parameters without expressions are the same for every item: they are resolved once, and checked
 * once unless a display rule of theirs reads a parameter that has one. Only what can differ per item
 * is resolved and checked per item.
 */
export function itemParameterChecker(
	ctx: IExecuteFunctions,
	properties: INodeProperties[],
	config: ItemCheckConfig = {},
): (itemIndex: number) => void {
	const node: INode = ctx.getNode();
	const names = Object.keys(node.parameters);
	const perItemNames = names.filter((name) => isExpression(node.parameters[name]));
	const varying = new Set(perItemNames);
	let once: { resolved: INodeParameters; byName: Map<string, Problem[]>; problems: Problem[]; recheck: Set<string> } | undefined;

	const check = (name: string, resolved: INodeParameters, problems: Problem[]) => {
		const prop = shownField(properties, name, resolved, node);
		if (prop) checkField(prop, resolved[name], prop.displayName, node.parameters[name], config, problems);
	};
	const staticPart = () => {
		if (once) return once;
		const resolved: INodeParameters = {};
		for (const name of names) resolved[name] = ctx.getNodeParameter(name, 0) as INodeParameters[string];
		const byName = new Map<string, Problem[]>();
		const recheck = new Set<string>();
		for (const name of names) {
			if (varying.has(name)) continue;
			// Shown or not depending on a value an expression gives per item: decided per item.
			const dependsOnItem = properties.some((candidate) => candidate.name === name && displayRuleNames(candidate).some((rule) => varying.has(rule)));
			if (dependsOnItem) {
				recheck.add(name);
				continue;
			}
			const problems: Problem[] = [];
			check(name, resolved, problems);
			byName.set(name, problems);
		}
		once = { resolved, byName, problems: [...byName.values()].flat(), recheck };
		return once;
	};

	return (itemIndex: number) => {
		const { resolved: staticValues, byName, problems: staticProblems, recheck } = staticPart();
		let problems = staticProblems;
		if (perItemNames.length > 0) {
			const resolved: INodeParameters = { ...staticValues };
			for (const name of perItemNames) resolved[name] = ctx.getNodeParameter(name, itemIndex) as INodeParameters[string];
			problems = [];
			// In the order of the node's parameters, as the user reads them.
			for (const name of names) {
				if (varying.has(name) || recheck.has(name)) check(name, resolved, problems);
				else problems.push(...(byName.get(name) ?? []));
			}
		}
		if (problems.length === 0) return;
		const [first, ...others] = problems;
		throw new NodeOperationError(ctx.getNode(), `${first.label} ${first.message}`, {
			itemIndex,
			description: others.length ? `Also: ${others.map((problem) => `${problem.label} ${problem.message}`).join('; ')}` : undefined,
		});
	};
}
