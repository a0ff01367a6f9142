/**
 * The simulator core: both APIs on one port, request log and stats, fault injection, the CLI.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

import { startSimulator, type Simulator } from './index';

async function call(url: string, init: RequestInit = {}) {
	const response = await fetch(url, init);
	const text = await response.text();
	let body: any = text;
	try {
		body = JSON.parse(text);
	} catch {
		// plain-text body stays a string
	}
	return { status: response.status, headers: response.headers, body };
}

const eventsHeaders = { 'x-luma-api-key': 'core-test-key' };
const dmHeaders = { authorization: 'Bearer core-test-key' };

describe('simulator core', () => {
	let sim: Simulator;

	beforeAll(async () => {
		sim = await startSimulator({ timeScale: 0.01 });
	});
	afterAll(async () => {
		await sim.close();
	});
	beforeEach(() => {
		sim.configure({ faults: [] });
		sim.resetStats();
	});

	it('serves the events API and the Dream Machine API on one port', async () => {
		expect(sim.eventsUrl).toBe(sim.url);
		expect(sim.dreamMachineUrl).toBe(`${sim.url}/dream-machine/v1`);

		const self = await call(`${sim.eventsUrl}/v1/users/get-self`, { headers: eventsHeaders });
		expect(self.status).toBe(200);
		expect(self.body.id).toMatch(/^usr-/);

		const credits = await call(`${sim.dreamMachineUrl}/credits`, { headers: dmHeaders });
		expect(credits.status).toBe(200);
		expect(typeof credits.body.credit_balance).toBe('number');

		expect(sim.stats().requests).toEqual({ events: 1, dreamMachine: 1, agents: 0, other: 0 });
		expect(sim.requestLog.map((entry) => [entry.api, entry.method, entry.path, entry.status])).toEqual([
			['events', 'GET', '/v1/users/get-self', 200],
			['dreamMachine', 'GET', '/dream-machine/v1/credits', 200],
		]);
	});

	it('answers unknown paths with 404 in each API\'s error style', async () => {
		const events = await call(`${sim.url}/v1/no-such-route`, { headers: eventsHeaders });
		expect(events.status).toBe(404);
		expect(typeof events.body.message).toBe('string');

		const dm = await call(`${sim.dreamMachineUrl}/no-such-route`, { headers: dmHeaders });
		expect(dm.status).toBe(404);
	});

	it('logs query and JSON body of each request', async () => {
		await call(`${sim.eventsUrl}/v1/users/get-self?probe=1`, { headers: eventsHeaders });
		await call(`${sim.dreamMachineUrl}/generations/image`, {
			method: 'POST',
			headers: { ...dmHeaders, 'content-type': 'application/json' },
			body: JSON.stringify({ prompt: 'a lighthouse', model: 'photon-flash-1' }),
		});
		expect(sim.requestLog[0].query).toEqual({ probe: '1' });
		expect(sim.requestLog[1].body).toEqual({ prompt: 'a lighthouse', model: 'photon-flash-1' });
	});

	it('injects a given number of failures, then lets requests through', async () => {
		sim.configure({ faults: [{ method: 'GET', path: '/v1/users/get-self', times: 2, status: 503 }] });
		const statuses: number[] = [];
		for (let i = 0; i < 3; i++) statuses.push((await call(`${sim.eventsUrl}/v1/users/get-self`, { headers: eventsHeaders })).status);
		expect(statuses).toEqual([503, 503, 200]);
		expect(sim.stats().faults).toBe(2);
		expect(sim.requestLog.filter((entry) => entry.fault)).toHaveLength(2);
	});

	it('drops connections before or after the module handled the request', async () => {
		const before = sim.dreamMachine.stats.createsByGroup.image;
		sim.configure({
			faults: [{ method: 'POST', path: /\/generations\/image$/, times: 1, dropConnection: true, beforeHandling: false }],
		});
		await expect(
			fetch(`${sim.dreamMachineUrl}/generations/image`, {
				method: 'POST',
				headers: { ...dmHeaders, 'content-type': 'application/json' },
				body: JSON.stringify({ prompt: 'processed then dropped', model: 'photon-flash-1' }),
			}),
		).rejects.toThrow();
		// The create happened although the client saw no answer: the trap a retry would fall into.
		expect(sim.dreamMachine.stats.createsByGroup.image).toBe(before + 1);

		sim.configure({ faults: [{ path: '/v1/users/get-self', times: 1, dropConnection: true }] });
		await expect(fetch(`${sim.eventsUrl}/v1/users/get-self`, { headers: eventsHeaders })).rejects.toThrow();
		expect(sim.requestLog.at(-1)?.status).toBe(-1);
	});

	it('tracks the peak of requests in flight per API', async () => {
		sim.configure({ faults: [{ path: '/v1/users/get-self', delayMs: 50, status: 200, body: {} }] });
		await Promise.all(
			Array.from({ length: 5 }, () => call(`${sim.eventsUrl}/v1/users/get-self`, { headers: eventsHeaders })),
		);
		// Faulted requests are answered by the core, so only a real module request counts as in flight.
		sim.configure({ faults: [] });
		await Promise.all(Array.from({ length: 4 }, () => call(`${sim.dreamMachineUrl}/credits`, { headers: dmHeaders })));
		expect(sim.stats().maxInFlight.dreamMachine).toBeGreaterThanOrEqual(1);
		expect(sim.stats().maxInFlight.dreamMachine).toBeLessThanOrEqual(4);
	});
});

describe('npm run simulator (CLI)', () => {
	it('prints both base URLs and stops cleanly on SIGTERM', async () => {
		const cli = spawn(
			process.execPath,
			[require.resolve('ts-node/dist/bin.js'), '--transpile-only', path.join(__dirname, 'cli.ts'), '--port', '0', '--time-scale', '0.01'],
			{ stdio: ['ignore', 'pipe', 'pipe'] },
		);
		let output = '';
		cli.stdout.on('data', (chunk) => (output += String(chunk)));
		cli.stderr.on('data', (chunk) => (output += String(chunk)));
		const exited = new Promise<number | null>((resolve) => cli.on('exit', (code) => resolve(code)));

		const deadline = Date.now() + 60_000;
		while (!output.includes('Ctrl-C') && Date.now() < deadline && cli.exitCode === null) {
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		const eventsUrl = /events & calendars\) base URL:\s+(\S+)/.exec(output)?.[1];
		const dmUrl = /Dream Machine\) base URL:\s+(\S+)/.exec(output)?.[1];
		expect(eventsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(dmUrl).toBe(`${eventsUrl}/dream-machine/v1`);
		expect(/Luma Agents API base URL:\s+(\S+)/.exec(output)?.[1]).toBe(`${eventsUrl}/agents/v1`);

		const credits = await call(`${dmUrl}/credits`, { headers: dmHeaders });
		expect(credits.status).toBe(200);

		cli.kill('SIGTERM');
		expect(await exited).toBe(0);
		expect(output).toContain('SIGTERM: stopping the simulator');
	}, 90_000);
});
