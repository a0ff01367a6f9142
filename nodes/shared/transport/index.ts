/**
 * The one place that sends HTTP for the Luma nodes. Operation files import from here:
 * `lumaApiRequest` (one request), `cursorPages` / `getManyCursor` / `getManyOffset` (lists),
 * `requestExternalUrl` (URLs Luma hands out, no key sent). Jobs of the files behind it:
 *   request.ts      send loop: scheduler slot and budget, n8n's HTTP helper, ask the retry policy
 *   accounts.ts     credential → account (base URL, key fingerprint), plan limits
 *   budgets.ts      which scheduler bucket a request joins, with which limits
 *   sharing.ts      one key, several n8n processes: the reserve and the shares (pure; docs/queue-mode.md)
 *   accountActivity.ts + createGate.ts   Dream Machine creates on a shared key: the account's listing, the verdict (pure)
 *   runSettings.ts  the node run's Concurrency options, handed over by the router
 *   pagination.ts   cursor and offset lists
 *   externalUrl.ts  downloads and presigned uploads
 *   responses.ts    reading bodies and network errors
 *   timing.ts       retry timing (shrunk by tests running a time-scaled simulator)
 */
export type { Account, LumaApiName } from './accounts';
export { agentsPlanLimits, dreamMachinePlanLimits, getAccount } from './accounts';
export { jobBucketKey } from './budgets';
export type { LumaContext } from './context';
export { requestExternalUrl } from './externalUrl';
export { CURSOR_PAGE_MAX, cursorPages, getManyCursor, getManyOffset } from './pagination';
export type { LumaRequest } from './request';
export { lumaApiRequest } from './request';
export { runSettingsOf, setRunSettings } from './runSettings';
export type { TransportTiming } from './timing';
export { configureTransport, getTransportTiming } from './timing';
