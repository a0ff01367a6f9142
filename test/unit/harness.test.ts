import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { runNode } from '../helpers/n8n';

describe('in-process n8n harness', () => {
	let server: http.Server;
	let url: string;
	const seen: http.IncomingHttpHeaders[] = [];

	beforeAll(async () => {
		server = http.createServer((req, res) => {
			seen.push(req.headers);
			res.setHeader('content-type', 'application/json');
			res.end(JSON.stringify({ id: 'usr-1', name: 'Ada', email: 'ada@example.com', path: req.url }));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(async () => await new Promise((resolve) => server.close(resolve)));

	it('runs the Luma node through WorkflowExecute with credential authentication', async () => {
		const { items } = await runNode(
			{ type: 'luma', parameters: { resource: 'user', operation: 'getSelf' } },
			{ credentials: { lumaApi: { apiKey: 'cal-key-1', baseUrl: url, keyType: 'calendar' } } },
		);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ id: 'usr-1', path: '/v1/users/get-self' });
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(seen[seen.length - 1]['x-luma-api-key']).toBe('cal-key-1');
	});
});
