/**
 * The editor's side of a running n8n: its REST API under /rest, with the session cookie and
 * browser id the editor sends. Used where a test or `npm run dev` must do what a user does in the
 * editor (create the owner, publish and unpublish a workflow while n8n runs).
 */
'use strict';

const crypto = require('crypto');

/**
 * Signs in to a running n8n the way the editor does (creating the owner on a fresh instance) and
 * returns a small client for its REST API: what the editor's "Publish"/"Deactivate" buttons call.
 */
async function editorSession(url, owner) {
	const browserId = crypto.randomUUID();
	let cookie = '';
	const call = async (method, route, body) => {
		const response = await fetch(`${url}/rest${route}`, {
			method,
			headers: { 'content-type': 'application/json', 'browser-id': browserId, ...(cookie ? { cookie } : {}) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.get('set-cookie');
		if (setCookie) cookie = setCookie.split(';')[0];
		const text = await response.text();
		let data;
		try {
			data = text ? JSON.parse(text) : undefined;
		} catch {
			data = text;
		}
		return { status: response.status, data: data && typeof data === 'object' && 'data' in data ? data.data : data };
	};
	const setup = await call('POST', '/owner/setup', owner);
	if (setup.status !== 200) {
		const login = await call('POST', '/login', { emailOrLdapLoginId: owner.email, password: owner.password });
		if (login.status !== 200) throw new Error(`[n8n-env] could not sign in to ${url} (owner setup ${setup.status}, login ${login.status})`);
	}
	const checked = async (method, route, body) => {
		const res = await call(method, route, body);
		if (res.status !== 200) throw new Error(`[n8n-env] ${method} /rest${route} answered ${res.status}: ${JSON.stringify(res.data)}`);
		return res.data;
	};
	return {
		ownerCreated: setup.status === 200,
		/** Publishes the workflow's current version in the running n8n (its triggers register now). */
		async activate(id) {
			const workflow = await checked('GET', `/workflows/${id}`);
			return await checked('POST', `/workflows/${id}/activate`, { versionId: workflow.versionId });
		},
		/** Unpublishes the workflow in the running n8n (its triggers deregister now). */
		async deactivate(id) {
			return await checked('POST', `/workflows/${id}/deactivate`, {});
		},
	};
}

module.exports = { editorSession };
