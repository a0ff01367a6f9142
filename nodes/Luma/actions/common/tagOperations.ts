import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { returnAllFields } from '../../../shared/listFields';
import { pick } from '../../../shared/objects';
import { lumaApiRequest } from '../../../shared/transport';
import { changedText, ID_FORMS, requireChanges, requireText } from './inputs';
import { applyLimit } from './lists';
import { contactTagLocator, eventTagLocator, getLocatorValue } from './locators';

/**
 * Contact tags and event tags are the same API twice (/v1/calendars/contact-tags/* and
 * /v1/calendars/event-tags/*): list, create, update and delete are built here once for both.
 * Apply/unapply differ (contacts vs events) and live in each resource's own files.
 */

export interface TagKind {
	/** n8n resource value. */
	resource: 'contactTag' | 'eventTag';
	/** What users call it. */
	label: 'Contact Tag' | 'Event Tag';
	/** Route prefix. */
	path: '/v1/calendars/contact-tags' | '/v1/calendars/event-tags';
	/** The Tag resource locator (contactTagLocator / eventTagLocator). */
	locator: () => INodeProperties;
}

/** Luma's tag colors (`color` enum). */
export const TAG_COLOR_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Barney (Violet)', value: 'barney' },
	{ name: 'Blue', value: 'blue' },
	{ name: 'Cranberry', value: 'cranberry' },
	{ name: 'Green', value: 'green' },
	{ name: 'Orange', value: 'orange' },
	{ name: 'Purple', value: 'purple' },
	{ name: 'Red', value: 'red' },
	{ name: 'Yellow', value: 'yellow' },
];

const colorField: INodeProperties = {
	displayName: 'Color',
	name: 'color',
	type: 'options',
	options: TAG_COLOR_OPTIONS,
	default: 'blue',
	description: 'Color of the tag in Luma',
};

function show(kind: TagKind, operation: string) {
	return { show: { resource: [kind.resource], operation: [operation] } };
}

/** GET <path>/list. Not paginated in Luma's spec: one request, the limit is applied here. */
export function tagGetMany(kind: TagKind) {
	const properties: INodeProperties[] = [
		...returnAllFields,
		optionsCollection(),
	];
	async function execute(this: IExecuteFunctions, itemIndex: number) {
		const page = (await lumaApiRequest(this, 'events', { method: 'GET', path: `${kind.path}/list`, itemIndex })) as IDataObject;
		const entries = Array.isArray(page.entries) ? (page.entries as IDataObject[]) : [];
		return applyLimit.call(this, itemIndex, entries);
	}
	return { description: updateDisplayOptions(show(kind, 'getMany'), properties), execute };
}

/** POST <path>/create → `{ id }`; the output adds what was sent. */
export function tagCreate(kind: TagKind) {
	const properties: INodeProperties[] = [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'VIP',
			description: `Name of the new ${kind.label.toLowerCase()}`,
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [colorField],
		},
		optionsCollection(),
	];
	async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const name = requireText(this, itemIndex, this.getNodeParameter('name', itemIndex), 'Name');
		const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		return { name, ...pick(additional, ['color']) };
	}
	async function execute(this: IExecuteFunctions, itemIndex: number, body: IDataObject) {
		const created = await lumaApiRequest(this, 'events', {
			method: 'POST',
			path: `${kind.path}/create`,
			body,
			itemIndex,
			whatToCheck: `Check ${kind.label} → Get Many for a tag named "${String(body.name)}"`,
		});
		return { ...body, ...created };
	}
	return { description: updateDisplayOptions(show(kind, 'create'), properties), prepare, execute };
}

/** An update read and checked: the tag and only the fields the user set. */
export interface TagChanges {
	tagId: string;
	changes: IDataObject;
}

/** POST <path>/update with only the fields the user set → `{}`. */
export function tagUpdate(kind: TagKind) {
	const properties: INodeProperties[] = [
		kind.locator(),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				colorField,
				{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'New name of the tag' },
			],
		},
		optionsCollection(),
	];
	async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<TagChanges> {
		const tagId = getLocatorValue.call(this, 'tagId', itemIndex, kind.label, ID_FORMS.tag);
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		const changes: IDataObject = pick(fields, ['color']);
		const name = changedText(this, itemIndex, fields, 'name', 'Name');
		if (name) changes.name = name;
		requireChanges(this, itemIndex, changes);
		return { tagId, changes };
	}
	async function execute(this: IExecuteFunctions, itemIndex: number, { tagId, changes }: TagChanges) {
		// Updating to the same values twice leaves the tag as once.
		await lumaApiRequest(this, 'events', { method: 'POST', path: `${kind.path}/update`, body: { tag_id: tagId, ...changes }, itemIndex, idempotent: true });
		return { id: tagId, ...changes, updated: true };
	}
	return { description: updateDisplayOptions(show(kind, 'update'), properties), prepare, execute };
}

/** POST <path>/delete → `{}`. */
export function tagDelete(kind: TagKind) {
	const properties: INodeProperties[] = [kind.locator(), optionsCollection()];
	async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<string> {
		return getLocatorValue.call(this, 'tagId', itemIndex, kind.label, ID_FORMS.tag);
	}
	async function execute(this: IExecuteFunctions, itemIndex: number, tagId: string) {
		await lumaApiRequest(this, 'events', {
			method: 'POST',
			path: `${kind.path}/delete`,
			body: { tag_id: tagId },
			itemIndex,
			whatToCheck: `Check ${kind.label} → Get Many for ${tagId}`,
		});
		return { id: tagId, deleted: true };
	}
	return { description: updateDisplayOptions(show(kind, 'delete'), properties), prepare, execute };
}

export const CONTACT_TAG: TagKind = {
	resource: 'contactTag',
	label: 'Contact Tag',
	path: '/v1/calendars/contact-tags',
	locator: () => contactTagLocator(),
};

export const EVENT_TAG: TagKind = {
	resource: 'eventTag',
	label: 'Event Tag',
	path: '/v1/calendars/event-tags',
	locator: () => eventTagLocator(),
};
