import type { ResourceModule } from '../../../shared/types';
import { operationPicker } from '../common/fields';
import * as getSelf from './getSelf.operation';

const picker = operationPicker(
	'user',
	[
		{
			name: 'Get Self',
			value: 'getSelf',
			action: 'Get the user that owns the API key',
			description: 'Get the Luma user the API key belongs to (name, email); useful to check a key',
		},
	],
	'getSelf',
);

export const user: ResourceModule = {
	operations: { getSelf },
	description: [picker, ...getSelf.description],
};
