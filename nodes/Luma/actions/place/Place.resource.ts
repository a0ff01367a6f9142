import type { ResourceModule } from '../../../shared/types';
import { operationPicker } from '../common/fields';
import * as search from './search.operation';

const picker = operationPicker(
	'place',
	[
		{
			name: 'Search',
			value: 'search',
			action: 'Search places',
			description:
				'Find a venue by name or address (up to 5 Google Maps matches); its place_id sets an event location',
		},
	],
	'search',
);

export const place: ResourceModule = {
	operations: { search },
	description: [picker, ...search.description],
};
