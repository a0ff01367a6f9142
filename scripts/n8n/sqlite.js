/**
 * Reading executions from the SQLite database of a user folder (`n8n start` / `n8n execute` of the
 * single-process harness): the rows of execution_entity, and the run data of execution_data, which
 * n8n keeps flatted-encoded. Both go through n8n's own sqlite3 (a native module built for Node 24)
 * and flatted, so each read is one short Node 24 process.
 */
'use strict';

const path = require('path');
const { execFileSync } = require('child_process');

const { pathsFor } = require('./config');
const { node24Env } = require('./env');
const { ensureN8n } = require('./install');

/** Executions stored in the user folder's SQLite database (id, workflowId, status, mode), via n8n's own sqlite3. */
async function readExecutions(userFolder, options = {}) {
	const installed = await ensureN8n({ cacheDir: options.cacheDir, quiet: true });
	const p = pathsFor(installed.cacheDir);
	const sqlite = path.join(p.n8nPrefix, 'node_modules', 'sqlite3');
	const db = path.join(userFolder, '.n8n', 'database.sqlite');
	const script = `const sqlite3=require(${JSON.stringify(sqlite)});const db=new sqlite3.Database(${JSON.stringify(db)},sqlite3.OPEN_READONLY);db.all('select id, workflowId, status, mode, finished from execution_entity order by id',(e,rows)=>{if(e){console.error(e.message);process.exit(1)}console.log(JSON.stringify(rows));db.close()})`;
	const out = execFileSync(p.nodeBin, ['-e', script], { encoding: 'utf8', env: node24Env(p) });
	return JSON.parse(out);
}

/**
 * The run data of stored executions (what the editor shows), in the order of `executionIds`: n8n
 * keeps it flatted-encoded in execution_data; decoded here with n8n's own sqlite3 and flatted, in
 * one process for all of them.
 */
async function readExecutionData(userFolder, executionIds, options = {}) {
	if (executionIds.length === 0) return [];
	const installed = await ensureN8n({ cacheDir: options.cacheDir, quiet: true });
	const p = pathsFor(installed.cacheDir);
	const modules = path.join(p.n8nPrefix, 'node_modules');
	const db = path.join(userFolder, '.n8n', 'database.sqlite');
	const ids = executionIds.map(String);
	const script =
		`const sqlite3=require(${JSON.stringify(path.join(modules, 'sqlite3'))});const flatted=require(${JSON.stringify(path.join(modules, 'flatted'))});` +
		`const ids=${JSON.stringify(ids)};const db=new sqlite3.Database(${JSON.stringify(db)},sqlite3.OPEN_READONLY);` +
		`db.all('select executionId, data from execution_data where executionId in (' + ids.map(() => '?').join(',') + ')',ids,(e,rows)=>{if(e){console.error(e.message);process.exit(1)}` +
		`const byId=new Map(rows.map((row)=>[String(row.executionId),flatted.parse(row.data)]));console.log(JSON.stringify(ids.map((id)=>byId.get(id)??null)));db.close()})`;
	const out = execFileSync(p.nodeBin, ['-e', script], { encoding: 'utf8', env: node24Env(p), maxBuffer: 256 * 1024 * 1024 });
	return JSON.parse(out);
}

module.exports = { readExecutions, readExecutionData };
