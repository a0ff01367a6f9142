import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/concurrency';
import { lumaApiRequest } from '../../../shared/transport';
import { checkEmail } from '../common/contactInput';
import { ID_FORMS } from '../common/inputs';
import { getLocatorValue } from '../common/locators';
import { membershipTierLocator } from './membershipFields';
import { readRegistrationAnswers } from './registrationAnswers';

const properties: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'Email address of the person to add as a member',
	},
	membershipTierLocator,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Registration Answers (JSON)',
				name: 'registration_answers',
				type: 'json',
				default: '[]',
				description:
					'Answers to the tier\'s registration questions, e.g. [{"question_id": "...", "label": "Company", "question_type": "text", "value": "Acme"}]',
			},
			{
				displayName: 'Skip Payment',
				name: 'skip_payment',
				type: 'boolean',
				default: false,
				description: 'Whether to add the member to a paid tier without charging them (required for paid tiers when you collect payment outside Luma)',
			},
		],
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['membership'], operation: ['addMember'] } }, properties);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const email = checkEmail.call(this, itemIndex, this.getNodeParameter('email', itemIndex, ''), 'Email');
	const tierId = getLocatorValue.call(this, 'membershipTierId', itemIndex, 'Membership Tier', ID_FORMS.membershipTier);
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { email, membership_tier_id: tierId };
	const answers = readRegistrationAnswers.call(this, itemIndex, additional.registration_answers);
	if (answers?.length) body.registration_answers = answers;
	if (typeof additional.skip_payment === 'boolean') body.skip_payment = additional.skip_payment;
	return body;
}

/** POST /v1/memberships/members/add → `{ membership_id, status }`. */
export async function execute(this: IExecuteFunctions, itemIndex: number, body: IDataObject) {
	const { email, membership_tier_id } = body;
	const added = (await lumaApiRequest(this, 'events', {
		method: 'POST',
		path: '/v1/memberships/members/add',
		body,
		itemIndex,
		whatToCheck: `Check Contact → Get Many (Membership Tier ID ${String(membership_tier_id)}) for ${String(email)}`,
	})) as IDataObject;
	return { email, membership_tier_id, ...added };
}
