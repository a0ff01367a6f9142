import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listConceptKeys } from '../actions/dreamMachine/concept/conceptKeys';

/** `dolly_zoom` → "Dolly Zoom". */
function label(key: string): string {
	return key
		.split('_')
		.map((word) => (word ? word[0].toUpperCase() + word.slice(1) : word))
		.join(' ');
}

export const loadOptions = {
	/** The concept picker: Luma's current concept keys, sorted. */
	async getConcepts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return (await listConceptKeys(this))
			.sort((a, b) => a.localeCompare(b))
			.map((key) => ({ name: label(key), value: key }));
	},
};
