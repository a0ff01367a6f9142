/**
 * Examples 6 and 7 (examples/06-*.json, examples/07-*.json) run in-process against the simulator with
 * their Luma Generate nodes exactly as shipped: the manual trigger is the test's input, and example
 * 7's Read/Write Files from Disk node is stood in for by an item carrying the sample image it reads
 * (the real n8n run of both lives in the e2e suite).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { PACKAGE, runWorkflow, type WorkflowNodeSpec } from '../helpers/n8n';
import { useAgentsSim } from './agentsHelpers';

const EXAMPLES = join(__dirname, '..', '..', 'examples');

interface ExampleNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: IDataObject;
}

/** The example's Luma Generate nodes in workflow order, as the harness runs them. */
function lumaNodes(file: string): WorkflowNodeSpec[] {
	const workflow = JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')) as { nodes: ExampleNode[] };
	return workflow.nodes
		.filter((node) => node.type === `${PACKAGE}.lumaGenerate`)
		.map((node) => ({ name: node.name, type: 'lumaGenerate', typeVersion: node.typeVersion, parameters: node.parameters }));
}

const env = useAgentsSim();

function creates(): IDataObject[] {
	return env.sim.requestLog.filter((entry) => entry.method === 'POST' && entry.path === '/agents/v1/generations').map((entry) => entry.body as IDataObject);
}

test('6. UNI-1 image → Ray 3.2 video → reframe to 9:16 → binary', async () => {
	const nodes = lumaNodes('06-agents-image-video-reframe.json');
	expect(nodes.map((node) => node.name)).toEqual(['Image', 'Animate', 'Reframe 9:16']);
	const run = await runWorkflow({ nodes, credentials: env.credentials() });
	expect(run.error()).toBeUndefined();
	const [image, animate, reframe] = nodes.map((node) => run.output(node.name)[0]);
	expect([image, animate, reframe].map((item) => [item.json.type, item.json.state])).toEqual([
		['image', 'completed'],
		['video', 'completed'],
		['video_reframe', 'completed'],
	]);
	const [, animateBody, reframeBody] = creates();
	expect(String(((animateBody.video as IDataObject).start_frame as IDataObject).url)).toContain(`/assets/${image.json.id}/`);
	expect(reframeBody).toMatchObject({ aspect_ratio: '9:16', source: { generation_id: animate.json.id } });
	expect(reframe.binary?.video).toMatchObject({ mimeType: 'video/mp4', fileName: `${reframe.json.id}.mp4` });
	expect(image.binary).toBeUndefined();
});

test('7. Read a local image → UNI-1 edit → split into layers', async () => {
	const nodes = lumaNodes('07-agents-local-image-layers.json');
	expect(nodes.map((node) => node.name)).toEqual(['Edit', 'Split Into Layers']);
	const sample = readFileSync(join(EXAMPLES, 'sample-lighthouse.png'));
	const read: INodeExecutionData = { json: {}, binary: { data: { data: sample.toString('base64'), mimeType: 'image/png', fileName: 'sample-lighthouse.png' } } };
	const run = await runWorkflow({ nodes, credentials: env.credentials(), input: [read] });
	expect(run.error()).toBeUndefined();
	const [edit, layers] = nodes.map((node) => run.output(node.name)[0]);
	const [editBody, layersBody] = creates();
	expect(editBody.source).toEqual({ data: sample.toString('base64'), media_type: 'image/png' });
	expect(String((layersBody.source as IDataObject).url)).toContain(`/assets/${edit.json.id}/`);
	expect(layers.json).toMatchObject({ type: 'layering', state: 'completed' });
	expect(Object.keys(layers.binary ?? {}).sort()).toEqual(['layer_0', 'layer_1', 'layer_2']);
	expect((layers.json.layers as IDataObject[]).map((layer) => layer.label)).toEqual(['subject', 'foreground object', 'background']);
});
