/**
 * The one place that knows where Luma's events OpenAPI document lives in this repository
 * (`openapi.json` beside this file: a byte copy of https://public-api.luma.com/openapi.json,
 * snapshot of 2026-08-03; see README.md here for how to refresh it). The simulator, its contract
 * tests and the trigger payload tests all read it through this module.
 */
import fs from 'node:fs';
import path from 'node:path';

export const OPENAPI_DOCUMENT_PATH = path.join(__dirname, 'openapi.json');

let cached: Record<string, any> | undefined;

/** The parsed document (read once per process). */
export function loadOpenApiDocument(): Record<string, any> {
	cached ??= JSON.parse(fs.readFileSync(OPENAPI_DOCUMENT_PATH, 'utf8')) as Record<string, any>;
	return cached;
}
