import type { ICredentialType, INodeType } from 'n8n-workflow';

import { n8n as manifest } from '../../package.json';

/**
 * The node and credential classes the package ships, found the way n8n finds them: every file that
 * package.json's `n8n` section lists, with the class named after the file (`Luma.node.js` exports
 * `Luma`), loaded from source instead of dist. The paths carry `.ts`: plain Node resolution (ts-node,
 * the benchmarks) would otherwise pick the codex file `<Name>.node.json`.
 *
 * Nothing is skipped: a listed file that is missing, or any import inside it that fails, is an
 * error. (This once tolerated MODULE_NOT_FOUND so that tests could run before every node existed;
 * that also hid a missing module deep inside a node, which then surfaced only as "Unknown node type"
 * in the tests that happened to use it. All four nodes exist now, and a listed file that does not is
 * a broken package.)
 */
function loadListed<T>(distPaths: string[]): Array<{ distPath: string; instance: T }> {
	return distPaths.map((distPath) => {
		const match = /^dist\/(.+)\.js$/.exec(distPath);
		if (!match) throw new Error(`package.json n8n entry "${distPath}" is not a dist/….js file`);
		const className = match[1].split('/').pop()!.split('.')[0];
		let exported: unknown;
		try {
			/* eslint-disable-next-line @typescript-eslint/no-require-imports */
			exported = require(`../../${match[1]}.ts`)[className];
		} catch (error) {
			// Rethrown with a stack: ts-jest's type errors carry none, and jest would print a blank failure.
			throw new Error(`${distPath} (package.json n8n section) does not load: ${(error as Error).message}`, { cause: error });
		}
		if (typeof exported !== 'function') {
			throw new Error(`${match[1]}.ts does not export a class named ${className}, which is how n8n loads ${distPath}`);
		}
		return { distPath, instance: new (exported as new () => T)() };
	});
}

let nodes: Record<string, new () => INodeType> | undefined;

/** Node type name (without package prefix) → class. */
export function nodeClasses(): Record<string, new () => INodeType> {
	nodes ??= Object.fromEntries(
		loadListed<INodeType>(manifest.nodes).map(({ instance }) => [instance.description.name, instance.constructor as new () => INodeType]),
	);
	return nodes;
}

/** Every credential type the package ships, in package.json order. */
export function credentialTypes(): ICredentialType[] {
	return loadListed<ICredentialType>(manifest.credentials).map(({ instance }) => instance);
}
