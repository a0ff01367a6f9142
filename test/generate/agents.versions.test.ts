/**
 * One node for both Luma Labs APIs: version 1 nodes (every workflow made before the Agents API) keep
 * the Dream Machine API and its exact parameters; new nodes (version 2) start on the Agents API;
 * the Luma Agents API credential and its free test request.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INode, INodeParameters, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
import { request } from 'undici';

import { LumaAgentsApi } from '../../credentials/LumaAgentsApi.credentials';
import { account } from '../../nodes/LumaGenerate/actions/dreamMachine/account/Account.resource';
import { concept } from '../../nodes/LumaGenerate/actions/dreamMachine/concept/Concept.resource';
import { generation } from '../../nodes/LumaGenerate/actions/dreamMachine/generation/Generation.resource';
import { image } from '../../nodes/LumaGenerate/actions/dreamMachine/image/Image.resource';
import { video } from '../../nodes/LumaGenerate/actions/dreamMachine/video/Video.resource';
import { LumaGenerate } from '../../nodes/LumaGenerate/LumaGenerate.node';
import { runWorkflow, TestCredentialsHelper } from '../helpers/n8n';
import { agentsNode, KEY, NODE, runAgents, useAgentsSim } from './agentsHelpers';

const description = new LumaGenerate().description;

function apiOf(property: INodeProperties): unknown {
	return property.displayOptions?.show?.authentication;
}

/** A property as it was before the Agents API: the authentication rule taken out again. */
function withoutAuthentication(property: INodeProperties): INodeProperties {
	const { displayOptions, ...rest } = property;
	const { authentication: _api, ...show } = displayOptions?.show ?? {};
	const { show: _show, ...others } = displayOptions ?? {};
	const kept = Object.keys(show).length ? { ...others, show } : others;
	return Object.keys(kept).length ? { ...rest, displayOptions: kept } : rest;
}

function defaultsFor(typeVersion: number, parameters: IDataObject = {}): INodeParameters {
	const node: INode = { id: 'n', name: NODE, type: 'n8n-nodes-luma-suite.lumaGenerate', typeVersion, position: [0, 0], parameters: parameters as INode['parameters'] };
	return NodeHelpers.getNodeParameters(description.properties, node.parameters, true, false, node, description) ?? {};
}

describe('versions', () => {
	test('version 1 shows exactly the Dream Machine parameters it always had, each only for the Dream Machine API', () => {
		const dreamMachine = description.properties.filter((property) => JSON.stringify(apiOf(property)) === '["dreamMachineApi"]');
		const picker = dreamMachine[0];
		expect(withoutAuthentication(picker)).toEqual({
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Video', value: 'video', description: 'Generate, extend, interpolate, modify, reframe, upscale videos, add audio (Ray)' },
				{ name: 'Image', value: 'image', description: 'Generate and reframe images (Photon)' },
				{ name: 'Generation', value: 'generation', description: 'Get, list, delete or wait for existing generations' },
				{ name: 'Account', value: 'account', description: 'Credit balance and connection check' },
				{ name: 'Concept', value: 'concept', description: 'Camera moves and styles for video generation' },
			],
			default: 'video',
		});
		const modules = [video, image, generation, account, concept].flatMap((module) => module.description);
		expect(dreamMachine.slice(1).map(withoutAuthentication)).toEqual(modules);
		// The API is decided before any other rule (n8n stops at the first expression and shows the field).
		for (const property of dreamMachine) expect(Object.keys(property.displayOptions?.show ?? {})[0]).toBe('authentication');
	});

	test('every property belongs to one API, except the two Authentication fields (one per version)', () => {
		const unowned = description.properties.filter((property) => apiOf(property) === undefined);
		expect(unowned.map((property) => [property.name, property.default, property.displayOptions?.show?.['@version']])).toEqual([
			['authentication', 'dreamMachineApi', [1]],
			['authentication', 'agentsApi', [{ _cnd: { gte: 2 } }]],
		]);
		expect(description.version).toEqual([1, 2]);
		expect(description.defaultVersion).toBe(2);
	});

	test('a version 1 node without the parameter is a Dream Machine node; a new node is an Agents API node', () => {
		expect(defaultsFor(1)).toMatchObject({ authentication: 'dreamMachineApi', resource: 'video', operation: 'generate', model: 'ray-2' });
		expect(defaultsFor(2)).toMatchObject({ authentication: 'agentsApi', resource: 'image', operation: 'generate', model: 'uni-1' });
		const credentialsShown = (typeVersion: number) =>
			(description.credentials ?? [])
				.filter((credential) => NodeHelpers.displayParameter(defaultsFor(typeVersion), credential, { typeVersion } as INode, description))
				.map((credential) => credential.name);
		expect(credentialsShown(1)).toEqual(['lumaLabsApi']);
		expect(credentialsShown(2)).toEqual(['lumaAgentsApi']);
	});
});

describe('on the simulator', () => {
	const env = useAgentsSim();

	test('a version 1 node can be switched to the Agents API', async () => {
		const result = await runWorkflow({
			nodes: [{ name: NODE, type: 'lumaGenerate', typeVersion: 1, parameters: { authentication: 'agentsApi', resource: 'image', operation: 'generate', prompt: 'a fox', waitForCompletion: 'none' } }],
			credentials: env.credentials(),
		});
		expect(result.error()).toBeUndefined();
		expect(result.output(NODE)[0].json).toMatchObject({ model: 'uni-1', state: 'queued' });
	});

	test("the Agents API offers no callback mode: Wait for Luma's Callback is refused before anything is sent", async () => {
		const result = await runWorkflow({ nodes: [agentsNode({ resource: 'image', operation: 'generate', prompt: 'a fox', waitForCompletion: 'callback' })], credentials: env.credentials() });
		expect(result.error(NODE)?.message).toMatch(/^Wait for Completion must be one of: poll, none; got "callback"/);
		expect(env.sim.stats().requests.agents).toBe(0);
		const notice = description.properties.find((property) => property.name === 'agentsPollingNotice');
		expect(notice?.displayName).toContain("Luma's callback mode");
		expect(notice?.displayName).toContain('exists only on the Dream Machine API');
	});

	test('a key that does not start with luma-api- is refused with a clear message, and nothing is sent', async () => {
		const error = await runAgents(env, { resource: 'image', operation: 'generate', prompt: 'a fox' }, { credentials: { apiKey: 'dm-key-123' } }).catch((caught: Error) => caught);
		expect((error as Error).message).toBe('The Luma Agents API key must start with "luma-api-"');
		expect(env.sim.stats().requests.agents).toBe(0);
	});

	async function credentialTest(credentials: ICredentialDataDecryptedObject) {
		const type = new LumaAgentsApi();
		const testRequest = type.test.request;
		const baseUrl = String(credentials.baseUrl).replace(/\/+$/, '');
		const url = `${baseUrl}${testRequest.url}?${new URLSearchParams(testRequest.qs as Record<string, string>)}`;
		const authenticated = await new TestCredentialsHelper().authenticate(credentials, type.name, { url, method: 'GET' });
		return await request(authenticated.url, { headers: authenticated.headers as Record<string, string> });
	}

	test('the credential test lists one file (free) with the Bearer key; a refused key gets a message saying what a key looks like', async () => {
		const good = await credentialTest({ apiKey: KEY, baseUrl: `${env.sim.agentsUrl}/` });
		expect(good.statusCode).toBe(200);
		const entry = env.sim.requestLog.at(-1)!;
		expect(entry).toMatchObject({ method: 'GET', path: '/agents/v1/files', query: { limit: '1' } });
		expect(env.sim.agents.stats.createsAccepted).toBe(0);

		const bad = await credentialTest({ apiKey: 'dm-key-123', baseUrl: env.sim.agentsUrl });
		expect(bad.statusCode).toBe(401);
		const rule = new LumaAgentsApi().test.rules?.find((candidate) => candidate.type === 'responseCode' && candidate.properties.value === 401);
		expect(rule?.properties.message).toContain('starts with "luma-api-"');
	});

	test('the credential carries the plan limits the transport reads (30 creates a minute, 10 jobs by default)', () => {
		const fields = Object.fromEntries(new LumaAgentsApi().properties.map((property) => [property.name, property.default]));
		expect(fields).toEqual({ apiKey: '', baseUrl: 'https://agents.lumalabs.ai/v1', requestsPerMinute: 30, concurrentJobs: 10, processesSharingKey: 1 });
	});
});
