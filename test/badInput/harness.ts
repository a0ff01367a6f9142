/**
 * The bad-input suite's one shape of test (issue 14): a field set by an expression receives
 * something it never promised to take, and
 * - with Continue On Fail off, the node stops with an error naming the field, and NOT ONE request
 *   reached the API (the simulator's request log is the witness); after a good item it stops before
 *   that item's create or update is sent too (reads may have gone);
 * - with Continue On Fail on, the good items around the bad one succeed (each giving what one good
 *   item gives alone: list operations give several items), the bad one becomes its own error item,
 *   every output is paired with its input, and the bad item added no request (the run sent exactly
 *   what a run of the two good items sends).
 * A case gives the node's parameters (reading `$json.value` where the bad value goes), a good and a
 * bad `$json`, and the message the error must carry.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runWorkflow } from '../helpers/n8n';
import type { LoggedRequest, Simulator } from '../simulator';
import { startSimulator } from '../simulator';

export type NodeUnderTest = 'luma' | 'lumaGenerate';

export interface BadInputCase {
	/** What is wrong, as the test title. */
	name: string;
	node: NodeUnderTest;
	parameters: IDataObject;
	/**
	 * `$json` of the good items (0 and 2) and of the bad item (1). A function gives each good item a
	 * fresh one, for operations whose good item uses up what it acts on (a delete).
	 */
	good: IDataObject | (() => IDataObject);
	bad: IDataObject;
	/** The error message (a RegExp, or text it must contain); it names the field. */
	message: RegExp | string;
	/** Credential fields over the defaults (e.g. an organization key). */
	credentials?: IDataObject;
	/** Which API the case's requests go to (default: the node's). */
	api?: 'events' | 'dreamMachine' | 'agents';
}

export const NODE_NAME: Record<NodeUnderTest, string> = { luma: 'Luma Events', lumaGenerate: 'Luma Generate' };

export interface BadInputSim {
	sim: Simulator;
	credentials(extra?: IDataObject): Record<string, ICredentialDataDecryptedObject>;
	close(): Promise<void>;
}

/** One simulator for all three APIs on scaled time, with a credential for each. */
export async function startBadInputSim(): Promise<BadInputSim> {
	const sim = await startSimulator({ timeScale: 0.01 });
	return {
		sim,
		credentials: (extra = {}) => ({
			lumaApi: { apiKey: 'test-calendar-key', keyType: 'calendar', baseUrl: sim.eventsUrl, ...extra },
			lumaLabsApi: { apiKey: 'test-key', baseUrl: sim.dreamMachineUrl, plan: 'build', ...extra },
			lumaAgentsApi: { apiKey: 'luma-api-test-key', baseUrl: sim.agentsUrl, ...extra },
		}),
		close: () => sim.close(),
	};
}

/** Timings matching the scaled simulator (call in beforeEach), as every in-process suite uses them. */
export { restoreTimings, useFastTimings } from '../generate/helpers';

function defaultApi(node: NodeUnderTest) {
	return node === 'luma' ? 'events' : 'dreamMachine';
}

async function run(env: BadInputSim, testCase: BadInputCase, input: IDataObject[], continueOnFail: boolean) {
	const name = NODE_NAME[testCase.node];
	env.sim.resetStats();
	const result = await runWorkflow({
		nodes: [{ name, type: testCase.node, parameters: testCase.parameters, continueOnFail }],
		credentials: env.credentials(testCase.credentials),
		input,
	});
	const api = testCase.api ?? defaultApi(testCase.node);
	const requests: LoggedRequest[] = env.sim.requestLog.filter((entry) => entry.api === api);
	return { result, name, requests };
}

function expectMessage(message: string | undefined, expected: RegExp | string) {
	if (typeof expected === 'string') expect(message).toContain(expected);
	else expect(message).toMatch(expected);
}

/** Runs one case both ways (see the top of this file). */
export async function checkBadInput(env: BadInputSim, testCase: BadInputCase): Promise<void> {
	const good = () => (typeof testCase.good === 'function' ? testCase.good() : testCase.good);
	// Off: the bad item alone stops the node before anything is sent.
	const off = await run(env, testCase, [testCase.bad], false);
	const error = off.result.error(off.name) ?? off.result.error();
	if (!error) throw new Error(`${testCase.name}: the node accepted the bad value, output ${JSON.stringify(off.result.output(off.name).map((item) => item.json)).slice(0, 300)}`);
	expectMessage(error.message, testCase.message);
	expect(error.context?.itemIndex ?? 0).toBe(0);
	expect(off.requests.map((entry) => `${entry.method} ${entry.path}`)).toEqual([]);

	// Off, after a good item: the bad item still stops the node before anything with a side effect
	// is sent, the good item's included (every item is prepared before any is sent; reads may go).
	const afterGood = await run(env, testCase, [good(), testCase.bad], false);
	const afterGoodError = afterGood.result.error(afterGood.name) ?? afterGood.result.error();
	if (!afterGoodError) throw new Error(`${testCase.name}: after a good item, the node accepted the bad value`);
	expectMessage(afterGoodError.message, testCase.message);
	expect(afterGood.requests.filter((entry) => entry.method !== 'GET').map((entry) => `${entry.method} ${entry.path}`)).toEqual([]);

	// What one good item gives, and what two good items send (a run may send a request of its own
	// once, such as a look at the account before the first create), to tell the bad item sent nothing.
	const single = await run(env, testCase, [good()], false);
	const singleError = single.result.error(single.name) ?? single.result.error();
	if (singleError) throw new Error(`${testCase.name}: the good item failed: ${singleError.message}`);
	const pair = await run(env, testCase, [good(), good()], false);
	const pairError = pair.result.error(pair.name) ?? pair.result.error();
	if (pairError) throw new Error(`${testCase.name}: two good items failed: ${pairError.message}`);

	// On: good, bad, good.
	const on = await run(env, testCase, [good(), testCase.bad, good()], true);
	const output: INodeExecutionData[] = on.result.output(on.name);
	// A list operation gives several items per input item: each good item gives what one gave alone,
	// the bad one exactly its error item, all paired and in input order.
	const perGoodItem = single.result.output(single.name).length;
	const expectedPairing = [...Array(perGoodItem).fill(0), 1, ...Array(perGoodItem).fill(2)].map((item) => ({ item }));
	expect(output.map((item) => item.pairedItem)).toEqual(expectedPairing);
	const badOutput = output[perGoodItem];
	for (const item of output) if (item !== badOutput) expect(item.json.error).toBeUndefined();
	expectMessage(String(badOutput.json.error), testCase.message);
	expect(on.requests).toHaveLength(pair.requests.length);
}
