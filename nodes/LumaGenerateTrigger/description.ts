import type { INodeProperties } from 'n8n-workflow';

/** Shortest Secret Token the node accepts: it is the only thing standing between the URL and anyone. */
export const MIN_TOKEN_LENGTH = 16;

/** The placeholder our example workflows ship with: public, so never a valid token. */
const EXAMPLE_TOKEN_PREFIX = 'replace-with-';

/** Why a Secret Token cannot protect the URL, or undefined when it can. */
export function secretTokenProblem(token: string): string | undefined {
	if (token.length < MIN_TOKEN_LENGTH) return `The Secret Token must be at least ${MIN_TOKEN_LENGTH} characters long`;
	if (token.startsWith(EXAMPLE_TOKEN_PREFIX)) return "The Secret Token is still the example's placeholder, which anyone can read: enter your own random text";
	return undefined;
}

export const properties: INodeProperties[] = [
	{
		displayName:
			'Paste this node\'s Production URL (above) into the Luma Generate node\'s "Callback URL" field and add <code>?token=</code> followed by the Secret Token below, e.g. <code>https://n8n.example.com/webhook/…/callback?token=YOUR-TOKEN</code>. Callbacks without the right token are refused (401).',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Secret Token',
		name: 'secretToken',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description: `Any hard-to-guess text of at least ${MIN_TOKEN_LENGTH} characters (e.g. a password manager's random password). Luma Labs does not sign callbacks: this token in the Callback URL is what proves a call came from a generation you started.`,
	},
	{
		displayName: 'States',
		name: 'states',
		type: 'multiOptions',
		required: true,
		default: ['completed', 'failed'],
		options: [
			{ name: 'Completed', value: 'completed', description: 'The result is ready (assets.video / assets.image)' },
			{ name: 'Dreaming', value: 'dreaming', description: 'Luma started working on it' },
			{ name: 'Failed', value: 'failed', description: 'The generation failed (see failure_reason); Luma refunds it' },
		],
		description:
			'Which generation states start the workflow. Luma may call several times per state; each generation starts the workflow once per state.',
	},
	{
		displayName: 'Generation Types',
		name: 'generationTypes',
		type: 'multiOptions',
		default: [],
		options: [
			{ name: 'Add Audio', value: 'add_audio' },
			{ name: 'Image', value: 'image' },
			{ name: 'Modify Video', value: 'modify_video' },
			{ name: 'Reframe Image', value: 'reframe_image' },
			{ name: 'Reframe Video', value: 'reframe_video' },
			{ name: 'Upscale Video', value: 'upscale_video' },
			{ name: 'Video', value: 'video' },
		],
		description: 'Only start the workflow for these kinds of generation. Leave empty for all.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Binary Property',
				name: 'binaryPropertyName',
				type: 'string',
				default: 'data',
				displayOptions: { show: { downloadResult: [true] } },
				description: 'Name of the binary property to put the downloaded file in',
			},
			{
				displayName: 'Download Result',
				name: 'downloadResult',
				type: 'boolean',
				default: false,
				description:
					"Whether to download a completed generation's video or image into binary data (Luma's asset links expire)",
			},
			{
				displayName: 'Confirm With API',
				name: 'confirmWithApi',
				type: 'boolean',
				default: true,
				description:
					"Whether to read the generation from the Luma Labs API (with this node's credential) and output that instead of the posted body. On by default because Luma Labs does not sign callbacks: the API is the only proof. Callbacks for generations the account does not have are refused (404).",
			},
		],
	},
];
