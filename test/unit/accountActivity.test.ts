/**
 * The account's shared view for Dream Machine creates on a key several processes use
 * (nodes/shared/transport/accountActivity.ts), driven with scripted listings: which slots a listing
 * frees for whom, and what this process's own creates and polls add to it.
 */
import type { IDataObject } from 'n8n-workflow';

import type { ListPage } from '../../nodes/shared/transport/accountActivity';
import { AccountActivity } from '../../nodes/shared/transport/accountActivity';

const plan = { jobs: 3, perMinute: 20, processes: 2 };
const timing = { windowMs: 60_000, maxAgeMs: 1_000 };

let now: number;
let clock: jest.SpyInstance;
beforeEach(() => {
	now = Date.parse('2026-03-01T10:00:00Z');
	clock = jest.spyOn(Date, 'now').mockImplementation(() => now);
});
afterEach(() => clock.mockRestore());

const generation = (id: string, state: string, secondsAgo = 10): IDataObject => ({
	id,
	generation_type: 'video',
	state,
	created_at: new Date(now - secondsAgo * 1000).toISOString(),
});

/** A listing that answers with whatever `account` holds when it is read. */
function listing(account: { generations: IDataObject[]; fail?: boolean }): { listPage: ListPage; reads: () => number } {
	let reads = 0;
	return {
		reads: () => reads,
		listPage: async () => {
			reads++;
			if (account.fail) throw new Error('Luma answered 500');
			return { generations: account.generations, has_more: false };
		},
	};
}

test("a slot freed by this process's own job is its to reuse; the others leave it alone", async () => {
	const account = { generations: [] as IDataObject[] };
	const { listPage } = listing(account);
	const mine = new AccountActivity();
	const theirs = new AccountActivity();
	await mine.refresh(listPage, timing);
	await theirs.refresh(listPage, timing);
	// This process creates one video (its share of the idle account's 3 slots is 1), the other two.
	const turn = await mine.waitForTurn('video', plan, timing, listPage);
	turn.created(generation('mine-1', 'queued', 0), now);
	account.generations = [generation('mine-1', 'dreaming', 0), generation('theirs-1', 'dreaming'), generation('theirs-2', 'dreaming')];
	now += 2_000;
	await mine.refresh(listPage, timing);
	await theirs.refresh(listPage, timing);
	expect(mine.verdict('video', plan, timing)).toMatchObject({ go: false });
	// mine-1 finishes: both see it in the next listing.
	account.generations[0] = { ...account.generations[0], state: 'completed' };
	now += 1_000;
	await mine.refresh(listPage, timing);
	await theirs.refresh(listPage, timing);
	expect(mine.verdict('video', plan, timing)).toEqual({ go: true, handoff: true });
	expect(theirs.verdict('video', plan, timing)).toMatchObject({ go: false });
	// Unused past the handoff time, it is anybody's.
	now += 3 * timing.maxAgeMs + 1;
	await theirs.refresh(listPage, timing);
	expect(theirs.verdict('video', plan, timing)).toMatchObject({ go: false, pause: true });
	expect(theirs.verdict('video', plan, timing, true)).toEqual({ go: true, handoff: false });
});

test("its own poll seeing its job finish frees the slot before the next listing", async () => {
	const account = { generations: [] as IDataObject[] };
	const { listPage, reads } = listing(account);
	const activity = new AccountActivity();
	const turns = [];
	for (let index = 0; index < 3; index++) turns.push(await activity.waitForTurn('video', { ...plan, processes: 1 }, timing, listPage));
	turns.forEach((turn, index) => turn.created(generation(`job-${index}`, 'queued', 0), now));
	expect(activity.verdict('video', { ...plan, processes: 1 }, timing)).toMatchObject({ go: false });
	activity.observeGeneration(generation('job-1', 'completed', 0), timing);
	expect(activity.verdict('video', { ...plan, processes: 1 }, timing)).toEqual({ go: true, handoff: true });
	// One listing for the three creates and the check after them.
	expect(reads()).toBe(1);
});

test('a create Luma refused is not counted; a lost one is, until a listing taken after it shows the truth', async () => {
	const account = { generations: [] as IDataObject[] };
	const { listPage } = listing(account);
	const activity = new AccountActivity();
	const solo = { ...plan, processes: 1, jobs: 1 };
	const refused = await activity.waitForTurn('video', solo, timing, listPage);
	refused.refused(false);
	const lost = await activity.waitForTurn('video', solo, timing, listPage);
	lost.lost();
	expect(activity.verdict('video', solo, timing)).toMatchObject({ go: false });
	// It was not created after all: the next listing (taken after the loss) does not show it.
	now += 2_000;
	await activity.refresh(listPage, timing);
	expect(activity.verdict('video', solo, timing)).toEqual({ go: true, handoff: false });
});

test('a listing that fails does not fail the create: the last known view stands', async () => {
	const account = { generations: [generation('theirs-1', 'dreaming')], fail: false };
	const { listPage } = listing(account);
	const activity = new AccountActivity();
	await activity.refresh(listPage, timing);
	account.fail = true;
	now += 5_000;
	await expect(activity.refresh(listPage, timing)).resolves.toBeUndefined();
	const turn = await activity.waitForTurn('video', { ...plan, processes: 1 }, timing, listPage);
	expect(turn).toBeDefined();
});
