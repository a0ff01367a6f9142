import type { IDataObject } from 'n8n-workflow';

/** The listed keys of an object, those that are set (for Simplify outputs and optional body fields). */
export function pick(entry: IDataObject, keys: string[]): IDataObject {
	const result: IDataObject = {};
	for (const key of keys) if (entry[key] !== undefined) result[key] = entry[key];
	return result;
}

/** A JSON object (not null, not a list): what an answer body or a parameter must be to be read by key. */
export function isJsonObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
