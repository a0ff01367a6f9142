import type { IDataObject } from 'n8n-workflow';

/** The listed keys of an object, those that are set (for Simplify outputs and optional body fields). */
export function pick(entry: IDataObject, keys: string[]): IDataObject {
	const result: IDataObject = {};
	for (const key of keys) if (entry[key] !== undefined) result[key] = entry[key];
	return result;
}
