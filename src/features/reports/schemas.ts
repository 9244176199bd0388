// The report request (page and API) and the report as JSON. Dates are 'YYYY-MM-DD'.
import { z } from 'zod';
import { isIsoDate } from '../../domain/dates/index.ts';
import { REPORT_KINDS } from './build.ts';

const date = (what: string) =>
  z
    .string({ error: `Enter the ${what}` })
    .min(1, `Enter the ${what}`)
    .refine(isIsoDate, `Enter the ${what} as a real date`);

export const ReportQuery = z
  .object({
    kind: z.enum(REPORT_KINDS, { error: 'Select which report to generate' }),
    from: date('start of the period'),
    to: date('end of the period'),
  })
  .superRefine((v, ctx) => {
    if (isIsoDate(v.from) && isIsoDate(v.to) && v.from >= v.to)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'The end of the period must be after its start',
      });
  });
export type ReportQuery = z.output<typeof ReportQuery>;

const Shown = z.object({
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  suppressed: z.boolean(),
  reason: z.string().optional(),
});

const ScoreRow = z.object({
  id: z.string(),
  title: z.string(),
  unit: z.string(),
  polarity: z.string(),
  start: Shown,
  end: Shown,
  change: z.number().nullable(),
  direction: z.enum([
    'improving',
    'worsening',
    'no change',
    'no better direction',
    'not comparable',
  ]),
  england: z.object({ value: z.number(), period: z.string() }).nullable(),
  target: z
    .object({
      value: z.number(),
      direction: z.enum(['at-least', 'at-most']),
      rag: z.enum(['green', 'amber', 'red']).nullable(),
    })
    .nullable(),
});

const ActionLine = z.object({
  id: z.number(),
  strategy: z.string(),
  theme: z.string(),
  title: z.string(),
  owner: z.string(),
  dueDate: z.string().nullable(),
  rag: z.enum(['red', 'amber', 'green', 'complete']).nullable(),
  why: z.string(),
  date: z.string(),
});

export const ReportJson = z.object({
  kind: z.enum(REPORT_KINDS),
  title: z.string(),
  authority: z.string(),
  from: z.string(),
  to: z.string(),
  nextFrom: z.string(),
  nextTo: z.string(),
  scorecard: z.array(ScoreRow),
  progress: z.object({ actions: z.array(ActionLine), measures: z.array(ScoreRow) }),
  concern: z.object({ actions: z.array(ActionLine), measures: z.array(ScoreRow) }),
  next: z.array(ActionLine),
  ragSummary: z.array(
    z.object({
      strategy: z.string(),
      red: z.number(),
      amber: z.number(),
      green: z.number(),
      complete: z.number(),
      overdue: z.number(),
    }),
  ),
});
