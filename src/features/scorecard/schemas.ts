// zod schemas shared by the scorecard pages and /api/v1/scorecard (OpenAPI is generated from them).
import { z } from 'zod';

/** A number typed in a box ("12.5") or sent as JSON (12.5). */
function numberField(missing: string, notNumber: string) {
  return z.preprocess(
    (v) => (typeof v === 'number' ? String(v) : v),
    z
      .string({ error: missing })
      .trim()
      .min(1, missing)
      .regex(/^-?\d+(\.\d+)?$/, notNumber)
      .transform(Number),
  );
}

const version = z.preprocess(
  (v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v),
  z.number({ error: 'Reload the page and try again' }).int().min(0),
);

export const AtQuery = z.object({
  at: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date as YYYY-MM-DD')
    .optional()
    .describe('The date to work the measures out on (default today); YYYY-MM-DD'),
});

export const TargetInput = z.object({
  target: numberField('Enter the target', 'Enter the target as a number, like 90 or 12.5'),
  direction: z.enum(['at-least', 'at-most'], {
    error: 'Select whether the figure should be at least or at most the target',
  }),
  amberWithin: numberField(
    'Enter how far the figure may miss the target and still be amber',
    'Enter the amber tolerance as a number, like 5',
  ).pipe(z.number().min(0, 'The amber tolerance must be 0 or more')),
  note: z.string().trim().max(500, 'The note must be 500 characters or fewer').default(''),
  version: version.describe('The version you are changing (0 for a new target)'),
});
export type TargetInput = z.output<typeof TargetInput>;

export const ComparatorInput = z.object({
  area: z.string().trim().min(1, 'Enter the authority').max(100, 'Enter at most 100 characters'),
  value: numberField('Enter the figure', 'Enter the figure as a number, like 23 or 6.8'),
  period: z
    .string()
    .trim()
    .min(1, 'Enter the period, like 2025')
    .max(20, 'Enter at most 20 characters'),
  source: z
    .string()
    .trim()
    .min(1, 'Enter the publication the figure comes from')
    .max(300, 'Enter at most 300 characters'),
});
export type ComparatorInput = z.output<typeof ComparatorInput>;

export const CostInput = z.object({
  weeklyCost: z.preprocess(
    (v) => (typeof v === 'number' ? String(v) : v === null ? '' : v),
    z
      .string({ error: 'Enter the agreed weekly cost' })
      .trim()
      .regex(
        /^(\d{1,6})?$/,
        'Enter the weekly cost in whole pounds, like 850, or leave it blank if not known',
      )
      .transform((s) => (s === '' ? null : Number(s))),
  ),
  version,
});
export type CostInput = z.output<typeof CostInput>;

const Figure = z.object({
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  reason: z.string().optional(),
  suppressed: z.boolean(),
});

const Point = z.object({ at: z.string(), value: z.number().nullable(), suppressed: z.boolean() });

export const ScorecardResponse = z.object({
  at: z.string(),
  suppressed: z.boolean().describe('Small numbers (1–4) are withheld for this caller'),
  childPopulation: z.number().nullable(),
  measures: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      definition: z.string(),
      source: z.string(),
      unit: z.string(),
      polarity: z.string(),
      figure: Figure,
      breakdown: z.record(z.string(), z.number().nullable()).nullable(),
      england: z
        .object({
          value: z.number(),
          period: z.string(),
          source: z.string(),
          approximate: z.boolean().optional(),
          difference: z.number().nullable(),
        })
        .nullable(),
      comparators: z.array(
        z.object({
          id: z.number(),
          area: z.string(),
          value: z.number(),
          period: z.string(),
          source: z.string(),
        }),
      ),
      target: z
        .object({
          value: z.number(),
          direction: z.enum(['at-least', 'at-most']),
          amberWithin: z.number(),
          note: z.string(),
          version: z.number(),
          rule: z.string(),
        })
        .nullable(),
      rag: z.enum(['green', 'amber', 'red']).nullable(),
      monthly: z.array(Point),
      yearly: z.array(Point),
    }),
  ),
});

export const DrillResponse = z.object({
  measure: z.object({ id: z.string(), title: z.string() }),
  at: z.string(),
  denominatorIsChildren: z.boolean(),
  total: z.number().describe('Children with a part in the figure, across the authority'),
  children: z.array(
    z.object({
      id: z.number(),
      localId: z.string(),
      name: z.string(),
      dateOfBirth: z.string(),
      numerator: z.number(),
      denominator: z.number().nullable(),
    }),
  ),
});
