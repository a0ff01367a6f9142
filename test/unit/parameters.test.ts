/**
 * Why this snapshot exists: a saved workflow stores a node's parameters by name, and stores only the
 * values that differ from the default. Renaming a parameter, an option value or a resource locator
 * mode, changing a type, or changing a default therefore silently changes (or breaks) workflows
 * users already saved, while every behaviour test still passes, because tests use the new names.
 * This snapshot lists what workflows depend on, for every node and credential, so that such a change
 * appears as a diff in review. A change here is a decision: either keep the old name (n8n can only
 * migrate through a new node version), or accept the break knowingly and update the snapshot with
 * `npx jest test/unit/parameters -u`.
 *
 * Per field: its path (collection children as `parent.child`, fixed-collection values as
 * `parent.group.child`), type, default, option values (sorted: their order is not stored),
 * resource-locator modes, `multiple` where the value is stored as a list, and any display condition
 * beyond resource and operation. Action nodes list fields per `resource/operation`. Notices are left
 * out: they hold no value. The time-zone picker offers whatever zones the runtime's ICU knows, which
 * differs between Node versions, so it is summarised instead of listed.
 */
import type { ICredentialType, INodeProperties, INodePropertyCollection, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { credentialTypes, nodeClasses } from '../helpers/nodeClasses';

const runtimeTimeZones = new Set(['UTC', ...Intl.supportedValuesOf('timeZone')]);

function optionValues(property: INodeProperties): string {
	if (property.typeOptions?.loadOptionsMethod) return ` options from ${property.typeOptions.loadOptionsMethod}()`;
	const values = ((property.options ?? []) as INodePropertyOptions[]).map((option) => String(option.value));
	if (values.length > 50 && values.every((value) => runtimeTimeZones.has(value))) return ' options: every IANA time zone';
	return ` options: ${[...values].sort().join(' | ')}`;
}

/** Display conditions other than resource/operation and the API (those are the grouping). */
function conditions(property: INodeProperties): string {
	const parts: string[] = [];
	for (const [kind, rules] of Object.entries(property.displayOptions ?? {})) {
		for (const [name, values] of Object.entries(rules ?? {})) {
			if (name === 'resource' || name === 'operation' || name === 'authentication') continue;
			parts.push(`${kind} if ${name} = ${JSON.stringify(values)}`);
		}
	}
	return parts.length ? ` (${parts.join('; ')})` : '';
}

function describeFields(properties: INodeProperties[], prefix = ''): string[] {
	const lines: string[] = [];
	for (const property of [...properties].sort((a, b) => a.name.localeCompare(b.name))) {
		if (property.type === 'notice') continue;
		const path = `${prefix}${property.name}`;
		let line = `${path}: ${property.type} = ${typeof property.default === 'string' ? `'${property.default}'` : JSON.stringify(property.default)}`;
		if (property.type === 'options' || property.type === 'multiOptions') line += optionValues(property);
		if (property.type === 'resourceLocator') line += ` modes: ${(property.modes ?? []).map((mode) => mode.name).join(' | ')}`;
		if (property.typeOptions?.multipleValues) line += ' multiple';
		lines.push(line + conditions(property));
		if (property.type === 'collection') lines.push(...describeFields(property.options as INodeProperties[], `${path}.`));
		if (property.type === 'fixedCollection') {
			for (const group of property.options as INodePropertyCollection[]) {
				lines.push(`${path}.${group.name}: group`);
				lines.push(...describeFields(group.values, `${path}.${group.name}.`));
			}
		}
	}
	return lines;
}

const valuesOf = (property: INodeProperties | undefined) => ((property?.options ?? []) as INodePropertyOptions[]).map((option) => String(option.value));

const shownFor = (property: INodeProperties, name: string, value: string) => {
	const wanted = property.displayOptions?.show?.[name];
	return !wanted || wanted.includes(value);
};

/**
 * The APIs of a node whose `authentication` field picks one (Luma Generate: Dream Machine, Agents),
 * the one version 1 uses first: its fields keep plain `resource/operation` keys (the workflows saved
 * before the second API), the others are listed as `<api>: resource/operation`.
 */
function apisOf(properties: INodeProperties[]): Array<string | undefined> {
	const fields = properties.filter((property) => property.name === 'authentication');
	if (!fields.length) return [undefined];
	const first = String(fields.find((field) => JSON.stringify(field.displayOptions?.show?.['@version']) === '[1]')?.default);
	return [first, ...valuesOf(fields[0]).filter((api) => api !== first)];
}

/** Action nodes: the fields of each (API and) resource/operation; other nodes: all their fields. */
function nodeParameters(node: INodeType) {
	const { name, version, credentials, properties } = node.description;
	const header = { name, version, credentials: (credentials ?? []).map((credential) => credential.name) };
	if (!properties.some((property) => property.name === 'resource')) return { ...header, parameters: describeFields(properties) };
	const parameters: Record<string, string[]> = {};
	const apis = apisOf(properties);
	for (const api of apis) {
		const ofApi = properties.filter((property) => property.name !== 'authentication' && (!api || shownFor(property, 'authentication', api)));
		const resourcePicker = ofApi.find((property) => property.name === 'resource');
		for (const resource of valuesOf(resourcePicker)) {
			const operationPicker = ofApi.find((property) => property.name === 'operation' && shownFor(property, 'resource', resource));
			for (const operation of valuesOf(operationPicker)) {
				const fields = ofApi.filter(
					(property) => property !== resourcePicker && property !== operationPicker && shownFor(property, 'resource', resource) && shownFor(property, 'operation', operation),
				);
				parameters[`${api && api !== apis[0] ? `${api}: ` : ''}${resource}/${operation}`] = describeFields(fields);
			}
		}
	}
	if (apis[0]) parameters.authentication = describeFields(properties.filter((property) => property.name === 'authentication'));
	return { ...header, parameters };
}

const credentialParameters = ({ name, properties }: ICredentialType) => ({ name, parameters: describeFields(properties) });

describe('parameters saved workflows depend on', () => {
	it.each(Object.keys(nodeClasses()))('node %s', (type) => {
		expect(nodeParameters(new (nodeClasses()[type])())).toMatchSnapshot();
	});

	it.each(credentialTypes().map((credential) => credential.name))('credential %s', (name) => {
		expect(credentialParameters(credentialTypes().find((credential) => credential.name === name)!)).toMatchSnapshot();
	});

	it('lists every node and credential the package ships', () => {
		expect(Object.keys(nodeClasses()).sort()).toEqual(['luma', 'lumaGenerate', 'lumaGenerateTrigger', 'lumaTrigger']);
		expect(credentialTypes().map((credential) => credential.name).sort()).toEqual(['lumaAgentsApi', 'lumaApi', 'lumaLabsApi']);
	});
});
