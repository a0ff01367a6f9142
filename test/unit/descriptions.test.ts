/**
 * The two action nodes' descriptions agree with their routers. A resource is three things that must
 * match: the option in the Resource picker (what the user picks), its operation picker, and the
 * module whose `operations` map the router dispatches to (nodes/shared/router.ts). An operation in
 * the picker without a module fails only when a user runs it; a module without a picker entry can
 * never be chosen; a field shown for the wrong operation shows up in the wrong form.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { resources as lumaResources, resourceOptions as lumaResourceOptions } from '../../nodes/Luma/actions/resources';
import { resourceOptionsByApi, resourcesByApi } from '../../nodes/LumaGenerate/actions/resources';
import { nodeClasses } from '../helpers/nodeClasses';

/**
 * Luma Generate speaks two APIs, picked by `authentication` (its credential); each API is checked
 * like a node of its own: the properties shown for it, with that one display rule taken off.
 */
const actionNodes = [
	{ type: 'luma', api: undefined, resources: lumaResources, resourceOptions: lumaResourceOptions },
	...(['dreamMachineApi', 'agentsApi'] as const).map((api) => ({
		type: 'lumaGenerate',
		api,
		resources: resourcesByApi[api],
		resourceOptions: resourceOptionsByApi[api],
	})),
];

const optionsOf = (property: INodeProperties) => (property.options ?? []) as INodePropertyOptions[];

/** The properties of one API (all of them for a node with one API), without the rule that picks the API. */
function propertiesOf(type: string, api: string | undefined): INodeProperties[] {
	const all = new (nodeClasses()[type])().description.properties;
	if (!api) return all;
	return all
		.filter((property) => property.name !== 'authentication' && JSON.stringify(property.displayOptions?.show?.authentication) === JSON.stringify([api]))
		.map((property) => {
			const { authentication: _api, ...show } = property.displayOptions?.show ?? {};
			const { show: _show, ...others } = property.displayOptions ?? {};
			const displayOptions = Object.keys(show).length ? { ...others, show } : others;
			const { displayOptions: _rules, ...rest } = property;
			return Object.keys(displayOptions).length ? { ...rest, displayOptions } : rest;
		});
}

describe.each(actionNodes)('$type $api', ({ type, api, resources, resourceOptions }) => {
	const properties = propertiesOf(type, api);

	it('offers every resource module in its Resource picker, under the key the router dispatches on', () => {
		const pickers = properties.filter((property) => property.name === 'resource');
		expect(pickers).toHaveLength(1);
		const [picker] = pickers;
		expect(picker).toMatchObject({ type: 'options', noDataExpression: true });
		expect(picker.displayOptions).toBeUndefined();
		expect(optionsOf(picker)).toBe(resourceOptions);
		for (const [key, { option }] of Object.entries(resources)) expect(option.value).toBe(key);
		expect(Object.keys(resources)).toContain(picker.default);
		expect(new Set(resourceOptions.map((option) => option.value)).size).toBe(resourceOptions.length);
	});

	it("shows every resource's fields, and nothing else besides the Resource picker", () => {
		const fromResources = Object.values(resources).flatMap(({ module }) => module.description);
		expect(properties.filter((property) => property.name !== 'resource')).toEqual(fromResources);
	});

	describe.each(Object.keys(resources))('resource %s', (resource) => {
		const { module } = resources[resource];
		const pickers = module.description.filter((property) => property.name === 'operation');
		const picker = pickers[0];
		const pickerValues = optionsOf(picker).map((option) => String(option.value));

		it('has one operation picker, shown only for this resource', () => {
			expect(pickers).toHaveLength(1);
			expect(picker).toMatchObject({ type: 'options', noDataExpression: true, displayOptions: { show: { resource: [resource] } } });
			expect(Object.keys(picker.displayOptions!.show!)).toEqual(['resource']);
			expect(picker.displayOptions!.hide).toBeUndefined();
			expect(pickerValues).toContain(picker.default);
		});

		it('offers exactly the operations its module implements', () => {
			expect([...pickerValues].sort()).toEqual(Object.keys(module.operations).sort());
			expect(new Set(pickerValues).size).toBe(pickerValues.length);
		});

		it('gives every operation an action and a description (the actions panel and AI tools show them)', () => {
			const incomplete = optionsOf(picker).filter((option) => !option.action?.trim() || !option.description?.trim());
			expect(incomplete.map((option) => option.value)).toEqual([]);
		});

		it.each(Object.keys(module.operations))('shows the fields of %s for that operation only, every one of them, none twice', (operation) => {
			const fields = module.operations[operation].description;
			const misplaced = fields.filter((field) => {
				const show = field.displayOptions?.show ?? {};
				return JSON.stringify([show.resource, show.operation]) !== JSON.stringify([[resource], [operation]]);
			});
			expect(misplaced.map((field) => `${field.name} ${JSON.stringify(field.displayOptions)}`)).toEqual([]);
			expect(fields.filter((field) => !module.description.includes(field)).map((field) => field.name)).toEqual([]);
			// Two fields may share a name only when other conditions (e.g. Scope) keep them apart.
			const keys = fields.map((field) => `${field.name} ${JSON.stringify(field.displayOptions)}`);
			expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
		});

		it('holds nothing but the operation picker and the fields of its operations', () => {
			const operationFields = Object.values(module.operations).flatMap((operation) => operation.description);
			expect(module.description.filter((property) => property !== picker && !operationFields.includes(property))).toEqual([]);
		});
	});

	it('names every action differently (the actions panel lists them together)', () => {
		const actions = Object.values(resources).flatMap(({ module }) =>
			module.description.filter((property) => property.name === 'operation').flatMap((property) => optionsOf(property).map((option) => option.action)),
		);
		expect(actions.filter((action, index) => actions.indexOf(action) !== index)).toEqual([]);
	});
});
