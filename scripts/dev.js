#!/usr/bin/env node
/**
 * `npm run dev`: a real n8n on http://localhost:5678 with this package, talking to the local simulator.
 *
 *   1. builds the package (dist/)
 *   2. starts the Luma simulator (both APIs) on http://127.0.0.1:4010, time scaled so a video takes ~3 s
 *   3. installs n8n 2.40.7 + Node.js 24 into the cache on first use (a few minutes, then reused)
 *   4. prepares .n8n-dev/: the package as a community package, credentials for the simulator (all three APIs),
 *      the example workflows (triggers published), an owner account
 *   5. starts n8n; Ctrl-C stops n8n and the simulator
 *
 * Environment: SIM_PORT (4010), N8N_DEV_PORT (5678), SIM_TIME_SCALE (0.1).
 */
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { spawn, spawnSync } = require('child_process');

const harness = require('./n8n-env.js');

const ROOT = harness.REPO_ROOT;
const SIM_PORT = Number(process.env.SIM_PORT || 4010);
const N8N_PORT = Number(process.env.N8N_DEV_PORT || 5678);
const TIME_SCALE = process.env.SIM_TIME_SCALE || '0.1';
const USER_FOLDER = path.join(ROOT, '.n8n-dev');
/** The one folder the dev n8n's file nodes may read (example 7's sample image is copied there). */
const FILES = path.join(USER_FOLDER, 'files');
const OWNER = { email: 'dev@example.com', password: 'LumaDev-2026!', firstName: 'Luma', lastName: 'Developer' };
const PUBLISHED = ['lumaExample01GuestTag', 'lumaExample04Batch', 'lumaExample05Start', 'lumaExample05Done'];

const say = (message) => process.stdout.write(`[dev] ${message}\n`);

function run(command, args, label) {
	say(label);
	const res = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
	if (res.status !== 0) throw new Error(`${label} failed (exit ${res.status})`);
}

function startSimulator() {
	return new Promise((resolve, reject) => {
		const tsNode = require.resolve('ts-node/dist/bin.js', { paths: [ROOT] });
		const child = spawn(process.execPath, [tsNode, '--transpile-only', path.join(ROOT, 'test/simulator/cli.ts'), '--port', String(SIM_PORT), '--time-scale', TIME_SCALE], {
			cwd: ROOT,
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		let output = '';
		child.stdout.on('data', (chunk) => {
			output += chunk;
			if (output.includes('Ctrl-C')) resolve(child);
		});
		child.on('exit', (code) => reject(new Error(`the simulator exited (code ${code}):\n${output}`)));
	});
}

async function main() {
	run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build', '--silent'], 'building the package');

	say(`starting the Luma simulator on http://127.0.0.1:${SIM_PORT}`);
	const simulator = await startSimulator();
	const eventsUrl = `http://127.0.0.1:${SIM_PORT}`;

	say('checking for n8n (the first run installs n8n 2.40.7 and Node.js 24: a few minutes)');
	await harness.ensureN8n({ quiet: false });

	const fresh = !fs.existsSync(path.join(USER_FOLDER, '.n8n', 'database.sqlite'));
	fs.mkdirSync(USER_FOLDER, { recursive: true });
	harness.installPackage(USER_FOLDER);
	say('importing credentials for the simulator and the example workflows');
	await harness.importCredentials(USER_FOLDER, harness.simulatorCredentials(eventsUrl, `${eventsUrl}/dream-machine/v1`, `${eventsUrl}/agents/v1`));
	const examples = path.join(ROOT, 'examples');
	// Examples 5a and 5b share a Secret Token; each dev n8n gets its own (the placeholder is refused).
	const secret = crypto.randomBytes(24).toString('hex');
	const copies = path.join(USER_FOLDER, 'examples');
	fs.mkdirSync(copies, { recursive: true });
	for (const file of fs.readdirSync(examples).filter((name) => name.endsWith('.json')).sort()) {
		const copy = path.join(copies, file);
		// Example 7 reads the sample image from a folder this n8n may read (see FILES below).
		fs.writeFileSync(copy, harness.withSampleFile(harness.withOwnSecret(fs.readFileSync(path.join(examples, file), 'utf8'), secret), FILES));
		await harness.importWorkflow(USER_FOLDER, copy);
	}
	for (const id of PUBLISHED) await harness.publishWorkflow(USER_FOLDER, id);

	say(`starting n8n on http://localhost:${N8N_PORT}`);
	const n8n = await harness.startN8n(USER_FOLDER, {
		port: N8N_PORT,
		env: {
			N8N_HOST: 'localhost',
			WEBHOOK_URL: `http://localhost:${N8N_PORT}/`,
			N8N_EDITOR_BASE_URL: `http://localhost:${N8N_PORT}/`,
			N8N_RESTRICT_FILE_ACCESS_TO: FILES,
		},
	});
	const ownerCreated = fresh ? await harness.editorSession(n8n.url, OWNER).then((session) => session.ownerCreated, () => false) : false;

	say('ready');
	process.stdout.write(
		[
			'',
			`  n8n editor:        http://localhost:${N8N_PORT}`,
			ownerCreated || !fresh ? `  sign in with:      ${OWNER.email} / ${OWNER.password}` : '  create the owner account the editor asks for',
			`  Luma simulator:    ${eventsUrl}  (events API)   ${eventsUrl}/dream-machine/v1  (Dream Machine)   ${eventsUrl}/agents/v1  (Agents API)`,
			'  examples:          Workflows → "1. New guest …" to "7. Read a local image …" (credentials already set)',
			'  try:               open "3. Prompt → image → video …" and click "Execute workflow"',
			'  Ctrl-C stops n8n and the simulator.',
			'',
		].join('\n'),
	);

	let stopping = false;
	const stop = async (signal) => {
		if (stopping) return;
		stopping = true;
		say(`${signal}: stopping n8n and the simulator`);
		await n8n.stop();
		simulator.kill('SIGTERM');
		process.exit(0);
	};
	process.on('SIGINT', () => void stop('SIGINT'));
	process.on('SIGTERM', () => void stop('SIGTERM'));
	n8n.child.on('exit', (code) => {
		if (stopping) return;
		say(`n8n exited (code ${code})`);
		simulator.kill('SIGTERM');
		process.exit(1);
	});
}

main().catch((error) => {
	process.stderr.write(`[dev] ${error.message}\n`);
	process.exit(1);
});
