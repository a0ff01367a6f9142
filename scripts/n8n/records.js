/**
 * Which n8n process ran which execution, from what n8n itself records. Every process of a queue
 * run logs to its own JSON-lines file (N8N_LOG_OUTPUT=file; n8n's file log is always JSON with the
 * log call's metadata). A worker writes "Worker started execution <id> (job <job>)" and "Worker
 * finished execution …" for every Bull job it takes (n8n's scaling/job-processor); the process
 * that took the webhook (main, or a webhook process) writes "Enqueued execution <id> (job <job>)"
 * and, when the worker reports back, "Execution <id> (job <job>) finished" with the worker's host id. A resumed (waiting) execution is
 * a new job for the same execution id, so the jobs of one execution tell where it started and
 * where it resumed. The worker's own file is what names the worker: the host id n8n reports to the
 * main instance is "worker-<hostname>" inside a container (n8n-core's InstanceSettings), the same
 * for every worker of one machine.
 */
'use strict';

const fs = require('fs');

/** The parsed lines of a JSON-lines log (a partly written last line is skipped). */
function readJsonLines(file) {
	if (!fs.existsSync(file)) return [];
	return fs
		.readFileSync(file, 'utf8')
		.split('\n')
		.flatMap((line) => {
			try {
				return line ? [JSON.parse(line)] : [];
			} catch {
				return [];
			}
		});
}

// n8n's file format applies winston's metadata() after timestamp(): the time is inside metadata.
const timestamp = (line) => (line.metadata && line.metadata.timestamp) || line.timestamp;

const WORKER_STARTED = /^Worker started execution (\S+) \(job (\S+)\)/;
const WORKER_FINISHED = /^Worker finished execution (\S+) \(job (\S+)\)/;
const ENQUEUED = /^Enqueued execution (\S+) \(job (\S+)\)/;
const HEARD_BACK = /^Execution (\S+) \(job (\S+)\) finished/;

/**
 * One record per Bull job, ordered by job id.
 * @param {Array<{ name: string, jsonLog: string }>} receivers the main instance and the webhook processes
 * @param {Array<{ name: string, jsonLog: string }>} workers
 * @returns {Array<{ jobId: string, executionId: string, worker: string|undefined, startedOn: string[], startedAt: string|undefined,
 *   finishedAt: string|undefined, enqueuedBy: string|undefined, enqueuedAt: string|undefined, reportedBy: string|undefined }>}
 *   `enqueuedBy` names the process that put the job on the queue.
 *   `worker` is the harness's name of the worker that logged the start (`startedOn`: every worker that
 *   did; more than one means the job ran twice); `reportedBy` the worker host id the enqueuing
 *   process logged when the job finished.
 */
function jobRecords(receivers, workers) {
	const jobs = new Map();
	const job = (executionId, jobId) => {
		if (!jobs.has(jobId)) jobs.set(jobId, { jobId, executionId, worker: undefined, startedOn: [], startedAt: undefined, finishedAt: undefined, enqueuedBy: undefined, enqueuedAt: undefined, reportedBy: undefined });
		return jobs.get(jobId);
	};
	for (const worker of workers) {
		for (const line of readJsonLines(worker.jsonLog)) {
			const started = WORKER_STARTED.exec(line.message || '');
			const finished = WORKER_FINISHED.exec(line.message || '');
			if (started) {
				const record = job(started[1], started[2]);
				record.startedOn.push(worker.name);
				if (record.worker === undefined) Object.assign(record, { worker: worker.name, startedAt: timestamp(line) });
			}
			if (finished) job(finished[1], finished[2]).finishedAt = timestamp(line);
		}
	}
	for (const receiver of receivers) {
		for (const line of readJsonLines(receiver.jsonLog)) {
			const enqueued = ENQUEUED.exec(line.message || '');
			const finished = HEARD_BACK.exec(line.message || '');
			if (enqueued) Object.assign(job(enqueued[1], enqueued[2]), { enqueuedBy: receiver.name, enqueuedAt: timestamp(line) });
			if (finished && line.metadata && line.metadata.workerId) job(finished[1], finished[2]).reportedBy = line.metadata.workerId;
		}
	}
	return [...jobs.values()].sort((a, b) => Number(a.jobId) - Number(b.jobId));
}

module.exports = { jobRecords, readJsonLines };
