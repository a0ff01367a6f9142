#!/usr/bin/env node
/**
 * `npm run check:paths`: the repository must stand alone. A user clones it without anything beside
 * it, so no tracked file may name a path that leaves the checkout. `git grep` finds every relative
 * path (`../…`) in tracked files; each is resolved against its file's folder and must stay inside
 * the repository. Absolute paths of a developer machine and the team's reference folder are refused
 * outright. Exit code 1 and one line per offending place when anything is found.
 */
'use strict';

const path = require('path');
const { execFileSync } = require('child_process');

const ROOT = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();

/** Strings that point outside any clone whatever file they stand in. */
const FORBIDDEN = [
	{ pattern: '(^|[^A-Za-z0-9_.-])/work/', why: 'an absolute path of a development machine' },
	{ pattern: '(^|[^A-Za-z0-9_])shared/api/', why: 'the team reference folder, which a clone does not have' },
	{ pattern: '(^|[^A-Za-z0-9_])STYLE\\.md', why: 'the team style guide, which a clone does not have' },
];

function gitGrep(args) {
	try {
		return execFileSync('git', ['grep', '-n', '-I', ...args, '--', '.', ':(exclude)package-lock.json'], {
			cwd: ROOT,
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024,
		});
	} catch (error) {
		if (error.status === 1) return ''; // nothing found
		throw error;
	}
}

function parseLine(line) {
	const first = line.indexOf(':');
	const second = line.indexOf(':', first + 1);
	return { file: line.slice(0, first), lineNo: line.slice(first + 1, second), text: line.slice(second + 1) };
}

const problems = [];

// 1. Relative paths that climb out of the repository.
const relative = /(?:\.\.\/)+[^\s'"`)\]>,;]*/g;
for (const line of gitGrep(['-E', '\\.\\./']).split('\n').filter(Boolean)) {
	const { file, lineNo, text } = parseLine(line);
	for (const match of text.matchAll(relative)) {
		const resolved = path.resolve(ROOT, path.dirname(file), match[0]);
		if (resolved !== ROOT && !resolved.startsWith(ROOT + path.sep)) {
			problems.push(`${file}:${lineNo}: "${match[0]}" leaves the repository`);
		}
	}
}

// 2. Paths that are outside every clone by their very name. This file names them on purpose.
const self = path.relative(ROOT, __filename);
for (const { pattern, why } of FORBIDDEN) {
	for (const line of gitGrep(['-E', pattern]).split('\n').filter(Boolean)) {
		const { file, lineNo } = parseLine(line);
		if (file === self) continue;
		problems.push(`${file}:${lineNo}: names ${why}`);
	}
}

if (problems.length) {
	process.stderr.write(`${problems.length} place(s) read outside the repository:\n${problems.join('\n')}\n`);
	process.exit(1);
}
process.stdout.write('no tracked file names a path outside the repository\n');
