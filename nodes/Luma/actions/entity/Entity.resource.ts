import type { ResourceModule } from '../../../shared/types';
import { operationPicker } from '../common/fields';
import * as lookup from './lookup.operation';

const picker = operationPicker(
	'entity',
	[
		{
			name: 'Lookup',
			value: 'lookup',
			action: 'Look up a slug or link',
			description:
				'Find which Luma event or calendar a slug or luma.com link belongs to (its ID, name, type); tells whether a slug is free',
		},
	],
	'lookup',
);

export const entity: ResourceModule = {
	operations: { lookup },
	description: [picker, ...lookup.description],
};
