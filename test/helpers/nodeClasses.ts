import type { INodeType } from 'n8n-workflow';

/**
 * Node type name (without package prefix) → class, loaded from source. The paths carry `.ts`: plain
 * Node resolution (ts-node, the benchmarks) would otherwise pick the codex file `<Name>.node.json`.
 */
export function nodeClasses(): Record<string, new () => INodeType> {
	/* eslint-disable @typescript-eslint/no-require-imports */
	const entries: Array<[string, string, string]> = [
		['luma', '../../nodes/Luma/Luma.node.ts', 'Luma'],
		['lumaGenerate', '../../nodes/LumaGenerate/LumaGenerate.node.ts', 'LumaGenerate'],
		['lumaTrigger', '../../nodes/LumaTrigger/LumaTrigger.node.ts', 'LumaTrigger'],
		['lumaGenerateTrigger', '../../nodes/LumaGenerateTrigger/LumaGenerateTrigger.node.ts', 'LumaGenerateTrigger'],
	];
	const classes: Record<string, new () => INodeType> = {};
	for (const [name, path, exportName] of entries) {
		try {
			classes[name] = require(path)[exportName];
		} catch (error) {
			if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
		}
	}
	return classes;
}
