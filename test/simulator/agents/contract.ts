/**
 * The Agents API contract, vendored as JSON Schemas (draft 2020-12). Luma publishes no OpenAPI
 * document for this API, so the schemas are written by hand from the types of its official SDKs:
 *
 *   https://github.com/lumalabs/luma-agents-typescript  commit 3c853655cb8a4f31c7ae9a0963ea950548c110b6 (v0.4.0),
 *     src/resources/generations.ts: GenerationCreateParams, ImageRef, VideoOptions, VideoEditOptions,
 *     AdvancedControls, SourcePosition, Generation, GenerationOutput, GenerationFailureCode
 *   https://github.com/lumalabs/luma-agents-typescript  commit 5ae08377f9c4a0a09511da91405750061f597930,
 *     src/resources/files.ts: File, FileList, CreateFileResponse, PresignedUpload, FileCreateParams
 *   https://github.com/lumalabs/luma-agents-go  commit 788a56a (v0.5.0) and later, generation.go:
 *     type `layering`, GenerationNewParamsLayering, GenerationOutputLayer (+ bounds), ImageRefParam.file_id,
 *     VideoOptionsParam.guide_frame
 *
 * Request schemas allow unknown fields (the SDKs pass them through); response schemas do not, so the
 * simulator cannot answer with fields the SDKs do not know. Tests use this module only, and it imports
 * nothing from the simulator: its enums (models, types, failure codes...) are written out again from the
 * SDKs on purpose, so a mistake in the simulator's vocabulary cannot hide behind a shared constant.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

const nullable = (schema: Record<string, unknown>) => ({ anyOf: [schema, { type: 'null' }] });
const enumOf = (values: readonly string[]) => ({ type: 'string', enum: [...values] });
const fraction = nullable({ type: 'number', minimum: 0, maximum: 1 });
const flag = nullable({ type: 'boolean' });

const MODEL = enumOf(['uni-1', 'uni-1-max', 'ray-3.2']);
const TYPE = enumOf(['image', 'image_edit', 'video', 'video_edit', 'video_reframe', 'layering']);
const FILE_STATE = enumOf(['pending', 'ready', 'failed', 'deleted']);
const FILE_PURPOSE = enumOf(['input', 'reference']);

const imageRef = {
	type: 'object',
	properties: {
		url: nullable({ type: 'string' }),
		data: nullable({ type: 'string' }),
		media_type: nullable({ type: 'string' }),
		generation_id: nullable({ type: 'string', format: 'uuid' }),
		file_id: nullable({ type: 'string', format: 'uuid' }),
	},
};

const keyframes = { keyframes: nullable({ type: 'array', items: { $ref: '#/$defs/ImageRef' } }), keyframe_indexes: nullable({ type: 'array', items: { type: 'integer' } }) };

const videoEditOptions = {
	type: 'object',
	properties: {
		auto_controls: flag,
		strength: nullable(enumOf(['adhere_1', 'adhere_2', 'adhere_3', 'flex_1', 'flex_2', 'flex_3', 'reimagine_1', 'reimagine_2', 'reimagine_3'])),
		controls: nullable({
			type: 'object',
			properties: {
				depth: nullable({ type: 'object', properties: { enabled: flag, blur: fraction } }),
				face: nullable({ type: 'object', properties: { enabled: flag } }),
				normals: nullable({ type: 'object', properties: { enabled: flag, augmentation: fraction } }),
				pose: nullable({ type: 'object', properties: { enabled: flag, strength: nullable(enumOf(['precise', 'coarse'])) } }),
				trajectory: nullable({ type: 'object', properties: { enabled: flag, sparsity: fraction } }),
			},
		}),
		...keyframes,
	},
};

const videoOptions = {
	type: 'object',
	properties: {
		duration: nullable(enumOf(['5s', '10s'])),
		resolution: nullable(enumOf(['360p', '540p', '720p', '1080p'])),
		loop: flag,
		hdr: flag,
		exr_export: flag,
		start_frame: nullable({ $ref: '#/$defs/ImageRef' }),
		end_frame: nullable({ $ref: '#/$defs/ImageRef' }),
		guide_frame: nullable({ $ref: '#/$defs/ImageRef' }),
		...keyframes,
		source_position: nullable({
			type: 'object',
			required: ['x_norm', 'y_norm', 'w_norm', 'h_norm'],
			properties: {
				x_norm: { type: 'number' },
				y_norm: { type: 'number' },
				w_norm: { type: 'number', exclusiveMinimum: 0, maximum: 2 },
				h_norm: { type: 'number', exclusiveMinimum: 0, maximum: 2 },
			},
		}),
		edit: nullable({ $ref: '#/$defs/VideoEditOptions' }),
	},
};

const generationCreateParams = {
	type: 'object',
	required: ['prompt'],
	properties: {
		prompt: { type: 'string' },
		model: MODEL,
		type: TYPE,
		aspect_ratio: nullable(enumOf(['3:1', '2:1', '21:9', '16:9', '4:3', '3:2', '1:1', '3:4', '2:3', '9:16', '1:2', '1:3'])),
		image_ref: { type: 'array', items: { $ref: '#/$defs/ImageRef' } },
		source: nullable({ $ref: '#/$defs/ImageRef' }),
		output_format: nullable(enumOf(['png', 'jpeg'])),
		style: enumOf(['auto', 'manga']),
		web_search: { type: 'boolean' },
		user_id: nullable({ type: 'string', maxLength: 256 }),
		video: nullable({ $ref: '#/$defs/VideoOptions' }),
		layering: nullable({ type: 'object', properties: { resolution: nullable(enumOf(['1k', '2k'])) } }),
	},
};

const integer = { type: 'integer' };
const generationOutput = {
	type: 'object',
	additionalProperties: false,
	required: ['type', 'url'],
	properties: {
		type: { type: 'string' },
		url: { type: 'string', format: 'uri' },
		layer: nullable({
			type: 'object',
			additionalProperties: false,
			required: ['index', 'label', 'description', 'alpha_hint'],
			properties: {
				index: integer,
				label: { type: 'string' },
				description: { type: 'string' },
				alpha_hint: { type: 'string' },
				bounds: nullable({
					type: 'object',
					additionalProperties: false,
					required: ['x', 'y', 'width', 'height', 'canvas_width', 'canvas_height'],
					properties: { x: integer, y: integer, width: integer, height: integer, canvas_width: integer, canvas_height: integer },
				}),
			},
		}),
	},
};

const generation = {
	type: 'object',
	additionalProperties: false,
	required: ['id', 'created_at', 'model', 'state', 'type'],
	properties: {
		id: { type: 'string', format: 'uuid' },
		created_at: { type: 'string', format: 'date-time' },
		model: MODEL,
		state: enumOf(['queued', 'processing', 'completed', 'failed']),
		type: TYPE,
		failure_code: nullable(
			enumOf([
				'content_moderated',
				'generation_failed',
				'budget_exhausted',
				'output_not_found',
				'image_too_large',
				'unsupported_format',
				'corrupt_input',
				'invalid_request',
				'rate_limited',
			]),
		),
		failure_reason: nullable({ type: 'string' }),
		output: { type: 'array', items: { $ref: '#/$defs/GenerationOutput' } },
	},
};

const timestamp = { type: 'string', format: 'date-time' };
const file = {
	type: 'object',
	additionalProperties: false,
	required: ['id', 'created_at', 'mime_type', 'purpose', 'size_bytes', 'state'],
	properties: {
		id: { type: 'string', format: 'uuid' },
		created_at: timestamp,
		mime_type: { type: 'string' },
		purpose: FILE_PURPOSE,
		size_bytes: integer,
		state: FILE_STATE,
		deleted_at: nullable(timestamp),
		expires_at: nullable(timestamp),
		failure_reason: nullable({ type: 'string' }),
		filename: nullable({ type: 'string' }),
		user_id: nullable({ type: 'string' }),
	},
};

const presignedUpload = {
	type: 'object',
	additionalProperties: false,
	required: ['expires_at', 'method', 'url'],
	properties: {
		expires_at: timestamp,
		method: { type: 'string', const: 'PUT' },
		url: { type: 'string', format: 'uri' },
		headers: { type: 'object', additionalProperties: { type: 'string' } },
	},
};

const createFileResponse = {
	type: 'object',
	additionalProperties: false,
	required: ['id', 'file', 'state'],
	properties: { id: { type: 'string', format: 'uuid' }, file: { $ref: '#/$defs/File' }, state: FILE_STATE, upload: nullable({ $ref: '#/$defs/PresignedUpload' }) },
};

const fileList = {
	type: 'object',
	additionalProperties: false,
	required: ['data', 'has_more'],
	properties: { data: { type: 'array', items: { $ref: '#/$defs/File' } }, has_more: { type: 'boolean' }, next_cursor: nullable({ type: 'string' }) },
};

const fileCreateParams = {
	type: 'object',
	required: ['mime_type', 'size_bytes'],
	properties: {
		mime_type: { type: 'string' },
		size_bytes: { type: 'integer', maximum: 5 * 1024 ** 3 },
		expires_at: nullable(timestamp),
		filename: nullable({ type: 'string' }),
		purpose: FILE_PURPOSE,
		user_id: nullable({ type: 'string' }),
	},
};

/**
 * Every error is `{ detail }`: a string for the API's own errors, FastAPI's array for schema errors
 * (https://docs.agents.lumalabs.ai/guides/error-handling/; the array form as reported for a bad `duration`).
 */
const error = {
	type: 'object',
	additionalProperties: false,
	required: ['detail'],
	properties: {
		detail: {
			anyOf: [
				{ type: 'string', minLength: 1 },
				{
					type: 'array',
					minItems: 1,
					items: {
						type: 'object',
						required: ['loc', 'msg', 'type'],
						properties: { loc: { type: 'array', items: { type: ['string', 'integer'] } }, msg: { type: 'string' }, type: { type: 'string' } },
					},
				},
			],
		},
	},
};

export const CONTRACT_SCHEMAS = {
	GenerationCreateParams: generationCreateParams,
	Generation: generation,
	FileCreateParams: fileCreateParams,
	File: file,
	FileList: fileList,
	CreateFileResponse: createFileResponse,
	Error: error,
} as const;

export type ContractName = keyof typeof CONTRACT_SCHEMAS;

const DEFINITIONS = {
	ImageRef: imageRef,
	VideoOptions: videoOptions,
	VideoEditOptions: videoEditOptions,
	GenerationOutput: generationOutput,
	File: file,
	PresignedUpload: presignedUpload,
};

let validators: Map<ContractName, ValidateFunction> | undefined;

/** A compiled validator per contract schema (compiled once per process). */
export function contractValidator(name: ContractName): ValidateFunction {
	if (!validators) {
		const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
		addFormats(ajv);
		validators = new Map(
			(Object.keys(CONTRACT_SCHEMAS) as ContractName[]).map((key) => [key, ajv.compile({ ...CONTRACT_SCHEMAS[key], $defs: DEFINITIONS })]),
		);
	}
	return validators.get(name)!;
}

/** Throws with ajv's first errors when `value` does not fit the named schema. */
export function assertFits(name: ContractName, value: unknown): void {
	const validate = contractValidator(name);
	if (!validate(value)) {
		throw new Error(`does not fit ${name}: ${JSON.stringify(validate.errors?.slice(0, 3))}\n${JSON.stringify(value).slice(0, 600)}`);
	}
}
