/**
 * Both credentials: the `test` request n8n sends from the credential dialog, and the auth header each
 * one adds, checked at a local server.
 */
import type { ICredentialDataDecryptedObject, ICredentialType, IHttpRequestOptions } from 'n8n-workflow';
import { request } from 'undici';

import { LumaApi } from '../../credentials/LumaApi.credentials';
import { LumaLabsApi } from '../../credentials/LumaLabsApi.credentials';
import { TestCredentialsHelper } from '../helpers/n8n';
import type { ScriptedServer } from '../helpers/scriptedServer';
import { startScriptedServer } from '../helpers/scriptedServer';

/** Evaluates a credential test URL expression like `={{$credentials.baseUrl.replace(...)}}`. */
function resolve(expression: string, credentials: ICredentialDataDecryptedObject): string {
	const match = /^=\{\{(.*)\}\}$/s.exec(expression);
	if (!match) return expression;
	return new Function('$credentials', `return (${match[1]});`)(credentials) as string;
}

async function sendCredentialTest(type: ICredentialType, credentials: ICredentialDataDecryptedObject) {
	const helper = new TestCredentialsHelper();
	const testRequest = type.test!.request;
	const options: IHttpRequestOptions = {
		url: `${resolve(String(testRequest.baseURL), credentials)}${testRequest.url}`,
		method: testRequest.method ?? 'GET',
	};
	const authenticated = await helper.authenticate(credentials, type.name, options);
	return await request(authenticated.url, {
		method: authenticated.method as 'GET',
		headers: authenticated.headers as Record<string, string>,
	});
}

describe('credentials', () => {
	let server: ScriptedServer;
	beforeAll(async () => {
		server = await startScriptedServer((arrival) => ({
			status: arrival.headers['x-luma-api-key'] === 'good' || arrival.headers.authorization === 'Bearer good' ? 200 : 401,
			body: {},
		}));
	});
	afterAll(async () => await server.close());

	it('Luma API tests GET /v1/users/get-self with the x-luma-api-key header', async () => {
		const response = await sendCredentialTest(new LumaApi(), { apiKey: 'good', baseUrl: `${server.url}/`, keyType: 'calendar' });
		expect(response.statusCode).toBe(200);
		const arrival = server.arrivals[server.arrivals.length - 1];
		expect(arrival.method).toBe('GET');
		expect(arrival.path).toBe('/v1/users/get-self');
		expect(arrival.headers['x-luma-api-key']).toBe('good');
		expect(arrival.headers.authorization).toBeUndefined();
	});

	it('Luma Labs API tests GET /credits with a Bearer token', async () => {
		const response = await sendCredentialTest(new LumaLabsApi(), { apiKey: 'good', baseUrl: `${server.url}/dream-machine/v1`, plan: 'build' });
		expect(response.statusCode).toBe(200);
		const arrival = server.arrivals[server.arrivals.length - 1];
		expect(arrival.path).toBe('/dream-machine/v1/credits');
		expect(arrival.headers.authorization).toBe('Bearer good');
		expect(arrival.headers['x-luma-api-key']).toBeUndefined();
	});

	it('a wrong key fails the credential test', async () => {
		const response = await sendCredentialTest(new LumaApi(), { apiKey: 'bad', baseUrl: server.url, keyType: 'calendar' });
		expect(response.statusCode).toBe(401);
	});

	it('defaults point at the real Luma APIs', () => {
		const events = new LumaApi().properties.find((p) => p.name === 'baseUrl');
		const labs = new LumaLabsApi().properties.find((p) => p.name === 'baseUrl');
		expect(events?.default).toBe('https://public-api.luma.com');
		expect(labs?.default).toBe('https://api.lumalabs.ai/dream-machine/v1');
	});
});
