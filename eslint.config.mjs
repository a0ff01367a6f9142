// Lint set-up as n8n's own community-node tooling has it (`n8n-node lint` / the package scanner):
// @n8n/eslint-plugin-community-nodes (recommended = n8n Cloud rules) plus eslint-plugin-n8n-nodes-base's
// community (package.json), credentials and nodes rulesets, with the same rules switched off.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';

// A node folder imports only from itself and nodes/shared/: what two nodes use lives in nodes/shared/
// under a name that says what it is, and nodes/shared/ imports no node folder.
const NODE_FOLDERS = ['Luma', 'LumaGenerate', 'LumaTrigger', 'LumaGenerateTrigger'];
const importRule = (forbidden) => ({
	'no-restricted-imports': [
		'error',
		{
			patterns: [
				{
					group: forbidden,
					message: 'A node folder imports only from itself and nodes/shared/ (move what two nodes use to nodes/shared/).',
				},
			],
		},
	],
});

export default defineConfig(
	{ ignores: ['dist/**', 'node_modules/**', 'test/**', 'bench/**', 'scripts/**', '*.js', '*.mjs', '.cache/**'] },
	{
		files: ['**/*.ts'],
		extends: [tseslint.configs.recommended],
		rules: {
			'@typescript-eslint/no-explicit-any': 'off',
		},
	},
	n8nCommunityNodesPlugin.configs.recommended,
	{ rules: { 'no-console': 'error' } },
	{ plugins: { 'n8n-nodes-base': n8nNodesBase } },
	{
		files: ['package.json'],
		languageOptions: { parser: tseslint.parser },
		rules: { ...n8nNodesBase.configs.community.rules },
	},
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
	...NODE_FOLDERS.map((folder) => ({
		files: [`nodes/${folder}/**/*.ts`],
		rules: importRule(NODE_FOLDERS.filter((other) => other !== folder)),
	})),
	{ files: ['nodes/shared/**/*.ts'], rules: importRule(NODE_FOLDERS) },
	{
		files: ['**/*.json'],
		languageOptions: { parser: tseslint.parser },
	},
);
