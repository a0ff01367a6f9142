/**
 * The environment of every process that runs under the cached Node.js 24: npm while installing,
 * and the n8n CLI (a private user folder, the fixed encryption key, SQLite unless told otherwise,
 * and everything that would phone home or nag switched off).
 */
'use strict';

const path = require('path');

const { DEFAULT_ENCRYPTION_KEY } = require('./config');

/** Environment for npm/n8n processes: Node 24 first on PATH, native builds against its headers. */
function node24Env(p, extra) {
	const env = { ...process.env };
	// variables npm sets for the outer `npm run`/`npx` would leak the Node 20 npm's settings into the child
	for (const k of Object.keys(env)) {
		if (/^npm_/i.test(k)) delete env[k];
	}
	delete env.NODE_OPTIONS;
	env.PATH = `${p.nodeBinDir}${path.delimiter}${process.env.PATH || ''}`;
	env.npm_config_nodedir = p.nodePackageDir;
	env.npm_config_update_notifier = 'false';
	env.npm_config_fund = 'false';
	env.npm_config_audit = 'false';
	return { ...env, ...(extra || {}) };
}

/**
 * The environment every n8n process gets: a private user folder, a fixed encryption key, sqlite, and everything
 * that would phone home or nag switched off.
 */
function n8nEnv(p, userFolder, extra) {
	return node24Env(p, {
		N8N_USER_FOLDER: path.resolve(userFolder),
		N8N_ENCRYPTION_KEY: DEFAULT_ENCRYPTION_KEY,
		DB_TYPE: 'sqlite',
		N8N_RUNNERS_ENABLED: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
		N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_LOG_LEVEL: 'info',
		NODE_ENV: 'production',
		...(extra || {}),
	});
}

module.exports = { node24Env, n8nEnv };
