/** Real n8n end-to-end suite (`npm run test:e2e`): installs/uses a cached n8n and runs it headless. */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { diagnostics: false }],
	},
	testTimeout: 600000,
	maxWorkers: 1,
};
