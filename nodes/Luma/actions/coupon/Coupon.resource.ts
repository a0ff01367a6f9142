import type { ResourceModule } from '../../../shared/types';
import { operationPicker } from '../common/fields';
import * as create from './create.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const coupon: ResourceModule = {
	operations: { create, getMany, update },
	description: [
		operationPicker(
			'coupon',
			[
				{ name: 'Create', value: 'create', action: 'Create a coupon', description: 'Create a discount code for one event or the whole calendar' },
				{ name: 'Get Many', value: 'getMany', action: 'Get many coupons', description: 'List the coupons of an event or of the calendar' },
				{ name: 'Update', value: 'update', action: 'Update a coupon', description: 'Change how often and when a coupon can be used' },
			],
			'getMany',
		),
		...getMany.description,
		...create.description,
		...update.description,
	],
};
