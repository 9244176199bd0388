// Zod schemas of the plans area, shared by the pages and the API (the OpenAPI document is generated
// from them). Dates are 'YYYY-MM-DD'; the pages join their day, month and year boxes first.
import { z } from 'zod';
import { isIsoDate } from '../../domain/dates/index.ts';
import { MEASURES } from '../../domain/measures/index.ts';
import { RAGS } from './rag.ts';

const MEASURE_IDS = new Set(MEASURES.map((m) => m.id));

export const STRATEGY_KINDS = ['strategy', 'sufficiency', 'improvement', 'other'] as const;
export const STRATEGY_KIND_LABELS: Record<(typeof STRATEGY_KINDS)[number], string> = {
  strategy: 'Strategy',
  sufficiency: 'Sufficiency action plan',
  improvement: 'Improvement plan',
  other: 'Other plan',
};

const text = (what: string, max: number) =>
  z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(1, `Enter ${what}`)
    .max(
      max,
      `${what.charAt(0).toUpperCase()}${what.slice(1)} must be ${max.toLocaleString('en-GB')} characters or fewer`,
    );

const version = z.coerce
  .number({ error: 'The form is missing its version: open it again' })
  .int()
  .positive();

export const Rag = z.enum(RAGS, { error: 'Select a RAG rating' });

export const StrategyInput = z.object({
  name: text('the name', 200),
  kind: z.enum(STRATEGY_KINDS, { error: 'Select what kind of plan it is' }),
  description: z
    .string()
    .trim()
    .max(4000, 'Description must be 4,000 characters or fewer')
    .default(''),
});
export type StrategyInput = z.output<typeof StrategyInput>;

export const ActionInput = z.object({
  theme: z
    .string()
    .trim()
    .max(1000, 'Priority or recommendation must be 1,000 characters or fewer')
    .default(''),
  title: text('the action', 2000),
  ownerId: z.coerce
    .number({ error: 'Select the owner' })
    .int('Select the owner')
    .positive('Select the owner'),
  dueDate: z
    .string()
    .refine(isIsoDate, 'Enter the due date as a real date')
    .nullable()
    .describe('YYYY-MM-DD; null for an ongoing action'),
  measureIds: z
    .array(z.string().refine((id) => MEASURE_IDS.has(id), 'Select measures from the list'))
    .max(20, 'Link at most 20 measures')
    .default([]),
});
export type ActionInput = z.output<typeof ActionInput>;

export const NewActionInput = ActionInput.extend({ rag: Rag });
export type NewActionInput = z.output<typeof NewActionInput>;

export const ActionEdit = ActionInput.extend({ version });
export type ActionEdit = z.output<typeof ActionEdit>;

export const UpdateInput = z.object({
  version,
  date: z
    .string({ error: 'Enter the date of the update' })
    .min(1, 'Enter the date of the update')
    .refine(isIsoDate, 'Enter the date of the update as a real date'),
  text: text('the progress update', 4000),
  rag: Rag,
});
export type UpdateInput = z.output<typeof UpdateInput>;

export const ActionFilter = z.object({
  rag: z.enum(RAGS).optional(),
  owner: z.coerce.number().int().positive().optional(),
  overdue: z
    .enum(['yes', 'no'])
    .optional()
    .describe('yes: only actions past their due date and not complete'),
});
export type ActionFilter = z.output<typeof ActionFilter>;

// Responses.
const RagCounts = z.object({
  red: z.number(),
  amber: z.number(),
  green: z.number(),
  complete: z.number(),
  overdue: z.number(),
  total: z.number(),
});

export const StrategySummary = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(STRATEGY_KINDS),
  description: z.string(),
  counts: RagCounts,
});
export type StrategySummary = z.output<typeof StrategySummary>;

export const ActionSummary = z.object({
  id: z.number(),
  strategyId: z.number(),
  theme: z.string(),
  title: z.string(),
  owner: z.object({ id: z.number(), name: z.string() }),
  dueDate: z.string().nullable(),
  rag: Rag,
  overdue: z.boolean(),
  measureIds: z.array(z.string()),
  version: z.number(),
  lastUpdate: z.string().nullable().describe('Date of the latest progress update'),
});
export type ActionSummary = z.output<typeof ActionSummary>;

export const StrategyDetail = StrategySummary.extend({
  actions: z.array(ActionSummary),
  owners: z.array(z.object({ id: z.number(), name: z.string() })),
});
export type StrategyDetail = z.output<typeof StrategyDetail>;

export const ActionDetail = ActionSummary.extend({
  strategyName: z.string(),
  measures: z.array(z.object({ id: z.string(), title: z.string() })),
  updates: z.array(
    z.object({ id: z.number(), date: z.string(), text: z.string(), author: z.string() }),
  ),
  history: z.array(
    z.object({
      date: z.string(),
      from: Rag.nullable(),
      to: Rag,
      by: z.string(),
      recordedAt: z.string(),
    }),
  ),
});
export type ActionDetail = z.output<typeof ActionDetail>;

export const ImportProblemSchema = z.object({
  file: z.string(),
  line: z.number(),
  field: z.string(),
  message: z.string(),
});
