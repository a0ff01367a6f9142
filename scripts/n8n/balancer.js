/**
 * The load balancer in front of `n8n webhook` processes (what a queue-mode deployment puts before
 * them): a loopback HTTP proxy that hands each request to the next process in turn, so
 * WEBHOOK_URL has one address however many webhook processes run.
 */
'use strict';

const http = require('http');

/**
 * @param {number} port
 * @param {() => string[]} targets base URLs (`http://127.0.0.1:<port>`) of the processes that are up
 * @returns {Promise<{ url: string, port: number, counts: Record<string, number>, close(): Promise<void> }>}
 */
function startBalancer(port, targets) {
	let next = 0;
	const counts = {};
	const server = http.createServer((request, response) => {
		const up = targets();
		if (up.length === 0) {
			response.writeHead(503, { 'content-type': 'text/plain' }).end('no webhook process is up');
			return;
		}
		const target = new URL(up[next++ % up.length]);
		counts[target.origin] = (counts[target.origin] || 0) + 1;
		const forward = http.request(
			{ host: target.hostname, port: target.port, method: request.method, path: request.url, headers: request.headers },
			(answer) => {
				response.writeHead(answer.statusCode || 502, answer.headers);
				answer.pipe(response);
			},
		);
		forward.on('error', (error) => {
			if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
			response.end(`webhook process ${target.origin} failed: ${error.message}`);
		});
		request.pipe(forward);
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () =>
			resolve({
				url: `http://127.0.0.1:${port}`,
				port,
				counts,
				close: () =>
					new Promise((done) => {
						server.close(() => done());
						server.closeAllConnections();
					}),
			}),
		);
	});
}

module.exports = { startBalancer };
