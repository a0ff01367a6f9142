/**
 * Bad input for the Luma Events node, one case per row (see harness.ts for what each row proves).
 */
import type { BadInputCase, BadInputSim } from './harness';
import { checkBadInput, restoreTimings, startBadInputSim, useFastTimings } from './harness';

let env: BadInputSim;
beforeAll(async () => {
	env = await startBadInputSim();
});
afterAll(async () => {
	await env.close();
	restoreTimings();
});
beforeEach(() => useFastTimings());

const eventCreate = (overrides: Record<string, unknown> = {}) => ({
	resource: 'event',
	operation: 'create',
	name: 'Breakfast',
	start_at: '2027-03-01T09:00:00',
	timezone: 'Europe/Berlin',
	...overrides,
});

const cases: BadInputCase[] = [
	{
		name: 'Event → Create: a Name expression that returns nothing',
		node: 'luma',
		parameters: eventCreate({ name: '={{ $json.value }}' }),
		good: { value: 'Breakfast' },
		bad: {},
		message: 'Name is required (the expression returned nothing)',
	},
	{
		name: 'Event → Create: an object as the Name',
		node: 'luma',
		parameters: eventCreate({ name: '={{ $json.value }}' }),
		good: { value: 'Breakfast' },
		bad: { value: { first: 'Break', second: 'fast' } },
		message: /^Name must be text, got an object/,
	},
	{
		name: 'Event → Create: "abc" as Max Capacity',
		node: 'luma',
		parameters: eventCreate({ additionalFields: { max_capacity: '={{ $json.value }}' } }),
		good: { value: 40 },
		bad: { value: 'abc' },
		message: 'Max Capacity must be a number, got "abc"',
	},
];

describe('Luma Events: bad input never reaches Luma', () => {
	it.each(cases.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
		await checkBadInput(env, testCase);
	});
});
