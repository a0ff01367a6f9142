import type { ConcurrencySettings } from '../concurrency';
import { DEFAULT_CONCURRENCY } from '../concurrency';

/**
 * The node's Options → Concurrency for one node run, handed to the transport by the router, which
 * reads them once. Keyed by the run's functions object, so concurrent executions (each with its own)
 * never see each other's settings; contexts nobody registered (list searches, triggers, credential
 * tests) get the defaults.
 */
const settingsByRun = new WeakMap<object, ConcurrencySettings>();

export function setRunSettings(ctx: object, settings: ConcurrencySettings): void {
	settingsByRun.set(ctx, settings);
}

export function runSettingsOf(ctx: object): ConcurrencySettings {
	return settingsByRun.get(ctx) ?? DEFAULT_CONCURRENCY;
}
