#!/usr/bin/env node
/**
 * Runs n8n's community package scanner (@n8n/scan-community-package) offline. Its CLI downloads the
 * published package and its attested source from npm/GitHub; CI has neither, so this script does the
 * same two analyses on local files: the source leg (package.json + nodes/credentials sources, the
 * full rule set) and the artifact leg (the compiled .js and package.json of `npm pack`'s tarball).
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

async function main() {
	const root = path.resolve(__dirname, '..');
	const scanner = await import('@n8n/scan-community-package/scanner/scanner.mjs');

	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'luma-scan-'));
	try {
		const packOutput = execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
			cwd: root,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		const [{ filename, files }] = JSON.parse(packOutput);
		const unpacked = path.join(work, 'package');
		fs.mkdirSync(unpacked);
		execFileSync('tar', ['-xzf', path.join(work, path.basename(filename)), '-C', unpacked, '--strip-components=1']);
		console.log(`Packed ${filename}: ${files.length} files`);

		const pkg = JSON.parse(fs.readFileSync(path.join(unpacked, 'package.json'), 'utf8'));
		if (pkg.dependencies && Object.keys(pkg.dependencies).length > 0) {
			throw new Error(`Runtime dependencies are not allowed: ${Object.keys(pkg.dependencies).join(', ')}`);
		}

		const legs = [
			['source', root, scanner.SOURCE_FILE_PATTERNS],
			['package', unpacked, ['**/*.js', 'package.json']],
		];
		let passed = true;
		for (const [name, dir, patterns] of legs) {
			const result = await scanner.analyzePackage(dir, patterns);
			console.log(`${result.passed ? 'PASS' : 'FAIL'} scanner (${name}): ${result.message ?? 'no violations'}`);
			if (result.details) console.log(result.details);
			passed &&= result.passed;
		}
		if (!passed) process.exitCode = 1;
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
