import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { jsonParse, NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

/**
 * Registration answers for Add Member: Luma's RegistrationAnswer union, one shape per question type.
 * The list is irregular (its shape depends on the tier's questions), so the field is JSON and is
 * checked here against the spec's rules before any request.
 */
const base = { label: z.string().min(1), question_id: z.string().min(1) };
const text = z.string().nullable();

const answerSchema = z.discriminatedUnion('question_type', [
	z.object({ ...base, question_type: z.literal('agree-check'), value: z.boolean().optional(), answer: z.boolean().optional() }),
	z.object({
		...base,
		question_type: z.literal('company'),
		value: z.object({ company: text.optional(), job_title: text.optional() }),
		answer: text.optional(),
		answer_company: text.optional(),
		answer_job_title: text.optional(),
	}),
	z.object({ ...base, question_type: z.literal('multi-select'), value: z.array(z.string()).nullable(), answer: z.array(z.string()).nullable().optional() }),
	z.object({
		...base,
		question_type: z.literal('terms'),
		value: z.union([z.string(), z.literal(true)]).nullable().optional(),
		answer: z.union([z.string(), z.literal(true)]).nullable().optional(),
	}),
	...(['dropdown', 'phone-number', 'url', 'github', 'instagram', 'linkedin', 'long-text', 'telegram', 'text', 'twitter', 'youtube'] as const).map(
		(type) => z.object({ ...base, question_type: z.literal(type), value: text, answer: text.optional() }),
	),
]);

const answersSchema = z.array(answerSchema);

export function readRegistrationAnswers(this: IExecuteFunctions, itemIndex: number, value: unknown): IDataObject[] | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	let parsed: unknown = value;
	if (typeof value === 'string') {
		try {
			parsed = jsonParse(value);
		} catch {
			throw new NodeOperationError(this.getNode(), 'Registration Answers is not valid JSON', { itemIndex });
		}
	}
	const result = answersSchema.safeParse(parsed);
	if (!result.success) {
		const issue = result.error.issues[0];
		const where = issue.path.length ? ` at ${issue.path.join('.')}` : '';
		throw new NodeOperationError(this.getNode(), `Registration Answers${where}: ${issue.message}`, {
			itemIndex,
			description:
				'Expected a list like [{"question_id": "...", "label": "Company", "question_type": "text", "value": "Acme"}]. Get the question IDs and types from the tier\'s registration form.',
		});
	}
	return result.data as IDataObject[];
}
