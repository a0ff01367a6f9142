/** Unit, simulator-contract and in-process n8n workflow tests (`npm test`). */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
	transform: {
		// Type-check what the tests compile, so a type error fails the test run (ts-jest reports
		// diagnostics by default). ts-jest reads `isolatedModules: true` from tsconfig.json as "transpile
		// each file alone, without type information", which would skip the check: it is turned off
		// here only. tsc (`npm run typecheck`) still enforces isolatedModules' rules on the same files.
		'^.+\\.ts$': ['ts-jest', { tsconfig: { isolatedModules: false } }],
	},
	setupFiles: ['<rootDir>/test/setup.ts'],
	testTimeout: 60000,
	maxWorkers: 2,
};
