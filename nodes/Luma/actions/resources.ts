import type { INodePropertyOptions } from 'n8n-workflow';

import type { ResourceModule } from '../../shared/types';
import { user } from './user/User.resource';

/**
 * Every resource of the Luma Events node: the picker entry (what users see) and its module.
 * Adding a resource: one file under actions/<resource>/ and one line here.
 */
export const resources: Record<string, { option: INodePropertyOptions; module: ResourceModule }> = {
	user: { option: { name: 'User', value: 'user', description: 'The user that owns the API key' }, module: user },
};

/** The Resource picker's options, in the order users see them. */
export const resourceOptions: INodePropertyOptions[] = Object.values(resources).map(({ option }) => option);

/** Every resource's operation picker and fields. */
export const resourceProperties = Object.values(resources).flatMap(({ module }) => module.description);
