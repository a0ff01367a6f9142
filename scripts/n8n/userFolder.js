/**
 * What goes into an n8n user folder before and while n8n runs: this package as a community
 * package, credentials for the local simulator, workflows (imported, published, executed through
 * the n8n CLI, so they keep their ids), and the example workflows' Secret Token placeholder
 * replaced by a real token.
 */
'use strict';

const fs = require('fs');
const path = require('path');

const { REPO_ROOT, PACKAGE_NAME } = require('./config');
const { n8nCommand, runChecked } = require('./processes');

/**
 * Installs the built package (package.json + dist/) the way n8n installs community packages:
 * <userFolder>/.n8n/nodes/node_modules/<name>, listed in <userFolder>/.n8n/nodes/package.json.
 * No node_modules are needed: n8n provides the peer dependency n8n-workflow.
 */
function installPackage(userFolder) {
	const dist = path.join(REPO_ROOT, 'dist');
	if (!fs.existsSync(path.join(dist, 'nodes'))) throw new Error('[n8n-env] dist/ is missing: run `npm run build` first');
	const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	fs.copyFileSync(path.join(REPO_ROOT, 'package.json'), path.join(target, 'package.json'));
	fs.cpSync(dist, path.join(target, 'dist'), { recursive: true });
	const manifest = path.join(nodesDir, 'package.json');
	const current = fs.existsSync(manifest) ? JSON.parse(fs.readFileSync(manifest, 'utf8')) : { name: 'installed-nodes', private: true };
	current.dependencies = { ...(current.dependencies || {}), [PACKAGE_NAME]: pkg.version };
	fs.writeFileSync(manifest, JSON.stringify(current, null, 2) + '\n');
	return target;
}

/**
 * Credentials for the local simulator, as `n8n import:credentials` takes them (plain data; n8n
 * encrypts). The Luma Agents API one when its URL is given (its key has Luma's `luma-api-` form).
 */
function simulatorCredentials(eventsUrl, dreamMachineUrl, agentsUrl) {
	const credentials = [
		{ id: 'lumaSimulatorApi', name: 'Luma API (simulator)', type: 'lumaApi', data: { apiKey: 'sim-calendar-key', keyType: 'calendar', baseUrl: eventsUrl } },
		{ id: 'lumaLabsSimulatorApi', name: 'Luma Labs API (simulator)', type: 'lumaLabsApi', data: { apiKey: 'sim-labs-key', baseUrl: dreamMachineUrl, plan: 'build' } },
	];
	if (agentsUrl) {
		credentials.push({
			id: 'lumaAgentsSimulatorApi',
			name: 'Luma Agents API (simulator)',
			type: 'lumaAgentsApi',
			data: { apiKey: 'luma-api-sim-key', baseUrl: agentsUrl, requestsPerMinute: 30, concurrentJobs: 10 },
		});
	}
	return credentials;
}

async function importCredentials(userFolder, credentials, options = {}) {
	const file = path.join(userFolder, `credentials-${Date.now()}.json`);
	fs.mkdirSync(userFolder, { recursive: true });
	fs.writeFileSync(file, JSON.stringify(credentials, null, 2));
	try {
		return await runChecked(userFolder, ['import:credentials', `--input=${file}`], options);
	} finally {
		fs.rmSync(file, { force: true });
	}
}

/** The Secret Token placeholder of examples 5a/5b; the Luma Generate Trigger refuses it (it is public). */
const EXAMPLE_SECRET_PLACEHOLDER = 'replace-with-a-long-random-secret';

/** An example workflow's text with a fresh random Secret Token in place of the placeholder. */
function withOwnSecret(text, token) {
	return text.split(EXAMPLE_SECRET_PLACEHOLDER).join(token);
}

/** Where example 7 reads its sample image: the n8n Docker image's readable folder (n8n 2 reads files only below N8N_RESTRICT_FILE_ACCESS_TO). */
const EXAMPLE_SAMPLE_PATH = '/home/node/.n8n-files/sample-lighthouse.png';

/**
 * Copies examples/sample-lighthouse.png into `dir` and returns the example's text reading it from
 * there; the n8n that runs it must be allowed to read `dir` (N8N_RESTRICT_FILE_ACCESS_TO).
 */
function withSampleFile(text, dir) {
	fs.mkdirSync(dir, { recursive: true });
	const target = path.join(dir, 'sample-lighthouse.png');
	fs.copyFileSync(path.join(REPO_ROOT, 'examples', 'sample-lighthouse.png'), target);
	return text.split(EXAMPLE_SAMPLE_PATH).join(target);
}

/** Imports workflow files (each a workflow object with an `id`). */
async function importWorkflow(userFolder, file, options = {}) {
	return await runChecked(userFolder, ['import:workflow', `--input=${file}`], options);
}

/** Makes a workflow active (n8n 2.x publishes a version) so `n8n start` registers its triggers. */
async function publishWorkflow(userFolder, id, options = {}) {
	return await runChecked(userFolder, ['publish:workflow', `--id=${id}`], options);
}

/**
 * `n8n execute --id --rawOutput` and the run data it prints. Resolves `{ ok, data, res }`: `data` is
 * the parsed execution JSON when n8n printed one.
 */
async function executeWorkflow(userFolder, id, options = {}) {
	const res = await n8nCommand(userFolder, ['execute', `--id=${id}`, '--rawOutput'], options);
	const text = res.stdout;
	const start = text.indexOf('{');
	let data;
	if (start >= 0) {
		try {
			data = JSON.parse(text.slice(start));
		} catch {
			data = undefined;
		}
	}
	return { ok: res.code === 0, data, res };
}

module.exports = {
	installPackage,
	simulatorCredentials,
	importCredentials,
	withOwnSecret,
	withSampleFile,
	importWorkflow,
	publishWorkflow,
	executeWorkflow,
};
