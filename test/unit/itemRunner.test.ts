/**
 * The one item loop (nodes/shared/itemRunner.ts), driven through real n8n execution by a probe node:
 * prepare-before-run, batching, job slots, concurrency, Continue On Fail and pairing.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { errorItem, runItems } from '../../nodes/shared/itemRunner';
import { runWorkflow } from '../helpers/n8n';
import { probeDescription } from '../helpers/probeNode';

interface Journal {
	events: string[];
	inFlight: number;
	maxInFlight: number;
	slotsHeld: number;
	maxSlotsHeld: number;
}

let journal: Journal;
const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

class RunnerProbe implements INodeType {
	description: INodeTypeDescription = probeDescription('runnerProbe', [{ displayName: 'Config', name: 'config', type: 'json', default: {} }]);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const config = this.getNodeParameter('config', 0) as IDataObject;
		const items = this.getInputData();
		const failPrepare = (config.failPrepare as number[] | undefined) ?? [];
		const failRun = (config.failRun as number[] | undefined) ?? [];
		const slots = Number(config.slots ?? 0);
		const outcomes = await runItems(this, {
			itemCount: items.length,
			concurrency: Number(config.concurrency ?? 1),
			prepare: async (itemIndex) => {
				journal.events.push(`prepare ${itemIndex}`);
				if (failPrepare.includes(itemIndex)) throw new NodeOperationError(this.getNode(), `bad item ${itemIndex}`, { itemIndex });
				return { group: String(items[itemIndex].json.group ?? itemIndex) };
			},
			batch: config.batchSize ? { size: Number(config.batchSize), key: (prepared) => prepared.group } : undefined,
			acquireSlot: slots
				? async () => {
						while (journal.slotsHeld >= slots) await sleep(1);
						journal.slotsHeld++;
						journal.maxSlotsHeld = Math.max(journal.maxSlotsHeld, journal.slotsHeld);
						return () => journal.slotsHeld--;
					}
				: undefined,
			run: async (entries, control) => {
				const indexes = entries.map((entry) => entry.itemIndex);
				journal.events.push(`run ${indexes.join(',')}`);
				journal.inFlight++;
				journal.maxInFlight = Math.max(journal.maxInFlight, journal.inFlight);
				try {
					if (indexes.some((index) => failRun.includes(index))) throw new Error(`run of ${indexes.join(',')} failed`);
					await (config.waitForStop ? Promise.race([control.whenStopped, sleep(2_000)]) : sleep(5));
					journal.events.push(`end ${indexes.join(',')}${control.stopped() ? ' stopped' : ''}`);
					return entries.map((entry) => ({ item: entry.itemIndex, runs: control.runs }));
				} finally {
					journal.inFlight--;
				}
			},
		});
		return [outcomes.map((outcome, itemIndex) => (outcome.ok ? { json: outcome.value, pairedItem: { item: itemIndex } } : errorItem(outcome.error, itemIndex)))];
	}
}

async function probe(config: IDataObject, input: IDataObject[], continueOnFail = false) {
	journal = { events: [], inFlight: 0, maxInFlight: 0, slotsHeld: 0, maxSlotsHeld: 0 };
	return await runWorkflow({
		nodes: [{ name: 'Probe', type: 'runnerProbe', continueOnFail, parameters: { config } }],
		credentials: {},
		input,
		extraNodeTypes: { runnerProbe: new RunnerProbe() },
	});
}

const items = (count: number, group?: (index: number) => string) =>
	Array.from({ length: count }, (_, index) => (group ? { group: group(index) } : {}));

describe('item runner', () => {
	it('prepares every item before the first run, keeps order and pairing', async () => {
		const run = await probe({ concurrency: 3 }, items(6));
		const firstRun = journal.events.findIndex((event) => event.startsWith('run'));
		expect(journal.events.slice(0, firstRun).sort()).toEqual([0, 1, 2, 3, 4, 5].map((index) => `prepare ${index}`));
		expect(run.output('Probe').map((item) => [item.json.item, item.pairedItem])).toEqual(
			[0, 1, 2, 3, 4, 5].map((index) => [index, { item: index }]),
		);
		expect(journal.maxInFlight).toBe(3);
	});

	it('a bad item without Continue On Fail stops the node before anything runs', async () => {
		const run = await probe({ concurrency: 2, failPrepare: [3] }, items(5));
		expect(run.error('Probe')?.message).toBe('bad item 3');
		expect(journal.events.filter((event) => event.startsWith('run'))).toEqual([]);
	});

	it('with Continue On Fail a bad item becomes its own error item and the others run', async () => {
		const run = await probe({ concurrency: 2, failPrepare: [1], failRun: [3] }, items(5), true);
		const output = run.output('Probe');
		expect(output.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		expect(output[1].json.error).toBe('bad item 1');
		expect(output[3].json.error).toBe('run of 3 failed');
		expect(output.filter((item) => item.json.error === undefined)).toHaveLength(3);
		expect(output[0].json.runs).toBe(4);
	});

	it('groups items by key into batches of the batch size, in the order the keys first appear', async () => {
		const group = (index: number) => (index % 3 === 1 ? 'b' : 'a');
		const run = await probe({ batchSize: 2 }, items(7, group));
		expect(journal.events.filter((event) => event.startsWith('run'))).toEqual(['run 0,2', 'run 3,5', 'run 6', 'run 1,4']);
		expect(run.output('Probe').map((item) => item.json.item)).toEqual([0, 1, 2, 3, 4, 5, 6]);
	});

	it('a failed batch fails all of its items under Continue On Fail', async () => {
		const run = await probe({ batchSize: 3, failRun: [4] }, items(6, () => 'same'), true);
		expect(run.output('Probe').map((item) => Boolean(item.json.error))).toEqual([false, false, false, true, true, true]);
	});

	it('holds a slot per run and never runs more than the slots allow', async () => {
		await probe({ concurrency: 6, slots: 2 }, items(8));
		expect(journal.maxSlotsHeld).toBe(2);
		expect(journal.maxInFlight).toBe(2);
		expect(journal.slotsHeld).toBe(0);
	});

	it('a failure without Continue On Fail stops what has not started, and waiting runs learn at once', async () => {
		const run = await probe({ concurrency: 4, failRun: [2], waitForStop: true }, items(8));
		expect(run.error('Probe')?.message).toBe('run of 2 failed');
		// Items 0..3 started together; nothing after the failed item starts, the waiting ones stop at once.
		expect(journal.events.filter((event) => event.startsWith('run')).sort()).toEqual(['run 0', 'run 1', 'run 2', 'run 3']);
		expect(journal.events.filter((event) => event.startsWith('end')).sort()).toEqual(['end 0 stopped', 'end 1 stopped', 'end 3 stopped']);
	});
});
