/**
 * `npm run simulator -- --port 4010 [--host 127.0.0.1] [--time-scale 1] [--seed 1] [--retry-after]`
 *
 * Serves the three Luma APIs (events, Dream Machine, Agents) until SIGINT/SIGTERM. Prints the base URLs
 * to put into the credentials.
 */
import { startSimulator } from './index';

function parseArgs(argv: string[]): Record<string, string | true> {
	const args: Record<string, string | true> = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (!arg.startsWith('--')) throw new Error(`Unexpected argument "${arg}"`);
		const [name, inline] = arg.slice(2).split('=', 2);
		if (inline !== undefined) args[name] = inline;
		else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) args[name] = argv[++i];
		else args[name] = true;
	}
	return args;
}

const USAGE = `Usage: npm run simulator -- [--port 4010] [--host 127.0.0.1] [--time-scale 1] [--seed 1] [--retry-after]

  --port         port to listen on (0: any free port; default 4010)
  --host         interface (default 127.0.0.1)
  --time-scale   multiply documented durations (0.1: videos take ~3 s, rate windows 6 s; default 1)
  --seed         seed of the deterministic data set (default 1)
  --retry-after  send Retry-After on 429 answers (Luma documents none; default off)`;

function numberArg(args: Record<string, string | true>, name: string, fallback: number): number {
	const value = args[name];
	if (value === undefined) return fallback;
	const parsed = Number(value);
	if (value === true || !Number.isFinite(parsed)) throw new Error(`--${name} needs a number`);
	return parsed;
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	if (args.help) {
		console.log(USAGE);
		return;
	}
	const retryAfter = args['retry-after'] === true;
	const sim = await startSimulator({
		port: numberArg(args, 'port', 4010),
		host: typeof args.host === 'string' ? args.host : '127.0.0.1',
		timeScale: numberArg(args, 'time-scale', 1),
		events: { seed: numberArg(args, 'seed', 1), rateLimit: { retryAfterHeader: retryAfter } },
		dreamMachine: { retryAfterHeader: retryAfter },
	});
	console.log(`Luma simulator listening on ${sim.url}`);
	console.log(`  Luma API (events & calendars) base URL:  ${sim.eventsUrl}`);
	console.log(`  Luma Labs API (Dream Machine) base URL:  ${sim.dreamMachineUrl}`);
	console.log(`  Luma Agents API base URL:                ${sim.agentsUrl}`);
	console.log('  Any non-empty API key works; keys starting with "org-" are organization keys.');
	console.log('  Agents API keys must start with "luma-api-".');
	console.log('Ctrl-C to stop.');

	let stopping = false;
	const stop = (signal: string) => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal}: stopping the simulator`);
		sim.close().then(
			() => process.exit(0),
			(error: Error) => {
				console.error(error.message);
				process.exit(1);
			},
		);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: Error) => {
	console.error(`Simulator failed to start: ${error.message}`);
	console.error(USAGE);
	process.exit(1);
});
