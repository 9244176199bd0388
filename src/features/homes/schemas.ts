// Forms and API bodies of the homes area: a Regulation 44 visit, a Regulation 45 review and a
// supported accommodation quality visit. Dates arrive as 'YYYY-MM-DD' (the page joins its day, month and year boxes).
import { z } from 'zod';
import { isIsoDate } from '../../domain/dates/index.ts';
import { qualityRatings } from '../../db/tables/homes.ts';

const date = (what: string) =>
  z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(1, `Enter ${what}`)
    .refine(isIsoDate, `Enter ${what} as a real date`);

const optionalDate = (what: string) =>
  z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z.string().refine(isIsoDate, `Enter ${what} as a real date`).nullable(),
  );

const optionalText = (what: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
    z
      .string()
      .trim()
      .max(4000, `${what} must be 4,000 characters or fewer`)
      .nullable()
      .default(null),
  );

const visitor = z
  .string({ error: 'Enter the visitor’s name' })
  .trim()
  .min(1, 'Enter the visitor’s name')
  .max(200, 'The visitor’s name must be 200 characters or fewer');

export const Reg44Input = z
  .object({
    visitDate: date('the date of the visit'),
    visitor,
    reportReceived: optionalDate('the date the report was received'),
    recommendations: optionalText('Recommendations'),
  })
  .superRefine((v, ctx) => {
    if (v.reportReceived !== null && v.reportReceived < v.visitDate)
      ctx.addIssue({
        code: 'custom',
        path: ['reportReceived'],
        message: 'The report cannot be received before the visit',
      });
  });
export type Reg44Input = z.output<typeof Reg44Input>;

export const Reg44Update = z
  .object({
    version: z.coerce.number({ error: 'Version is missing' }).int().positive(),
    reportReceived: optionalDate('the date the report was received'),
    recommendations: optionalText('Recommendations'),
  })
  .strict();
export type Reg44Update = z.output<typeof Reg44Update>;

const reg45Fields = {
  periodStart: date('the first day of the period reviewed'),
  periodEnd: date('the last day of the period reviewed'),
  completedOn: date('the date the review was completed'),
  sentToOfstedOn: optionalDate('the date the report was sent to Ofsted'),
  summary: z
    .string({ error: 'Enter a summary of the review' })
    .trim()
    .min(1, 'Enter a summary of the review')
    .max(4000, 'The summary must be 4,000 characters or fewer'),
  actions: optionalText('Actions'),
};

type Reg45Dates = { periodStart: string; periodEnd: string; completedOn: string };

/** The order of a review's dates: the period, then completion, then the report sent. */
function reg45Order(v: Reg45Dates & { sentToOfstedOn: string | null }, ctx: z.RefinementCtx): void {
  const ok = (d: string) => isIsoDate(d);
  if (ok(v.periodStart) && ok(v.periodEnd) && v.periodEnd < v.periodStart)
    ctx.addIssue({
      code: 'custom',
      path: ['periodEnd'],
      message: 'The end of the period must be the same as or after its start',
    });
  if (ok(v.periodEnd) && ok(v.completedOn) && v.completedOn < v.periodEnd)
    ctx.addIssue({
      code: 'custom',
      path: ['completedOn'],
      message: 'The review cannot be completed before the end of the period it covers',
    });
  if (v.sentToOfstedOn !== null && ok(v.completedOn) && v.sentToOfstedOn < v.completedOn)
    ctx.addIssue({
      code: 'custom',
      path: ['sentToOfstedOn'],
      message: 'The report cannot be sent before the review was completed',
    });
}

export const Reg45Input = z.object(reg45Fields).superRefine(reg45Order);
export type Reg45Input = z.output<typeof Reg45Input>;

export const Reg45Update = z
  .object({
    version: z.coerce.number({ error: 'Version is missing' }).int().positive(),
    ...reg45Fields,
  })
  .strict()
  .superRefine(reg45Order);
export type Reg45Update = z.output<typeof Reg45Update>;

export const QualityVisitInput = z.object({
  visitDate: date('the date of the visit'),
  visitor,
  rating: z.enum(qualityRatings, { error: 'Select the overall view' }),
  notes: optionalText('Notes'),
});
export type QualityVisitInput = z.output<typeof QualityVisitInput>;

export const Reg44VisitView = z.object({
  id: z.number().int(),
  visitDate: z.string(),
  visitor: z.string(),
  reportReceived: z.string().nullable(),
  recommendations: z.string().nullable(),
  version: z.number().int(),
});

export const Reg45ReviewView = z.object({
  id: z.number().int(),
  periodStart: z.string(),
  periodEnd: z.string(),
  completedOn: z.string(),
  sentToOfstedOn: z.string().nullable(),
  summary: z.string(),
  actions: z.string().nullable(),
  version: z.number().int(),
  reportDue: z.string(),
  reportStatus: z.enum(['sent', 'sent_late', 'due', 'overdue']),
});

export const Reg45StatusView = z.object({
  lastPeriodEnd: z.string().nullable(),
  reviewDue: z.string().nullable(),
  reviewOverdue: z.boolean(),
  reportsOverdue: z.number().int(),
});

export const homeFlags = ['review-overdue', 'report-overdue'] as const;
export const HomesQuery = z.object({
  flag: z
    .enum(homeFlags, { error: 'Choose review-overdue or report-overdue' })
    .optional()
    .describe(
      'Only homes whose Regulation 45 review (review-overdue) or report to Ofsted (report-overdue) is overdue',
    ),
});

export const HomeListItem = z.object({
  id: z.number().int(),
  name: z.string(),
  beds: z.number().int(),
  occupied: z.number().int(),
  vacancies: z.number().int(),
  grade: z.string().nullable(),
  specialist: z.boolean(),
  categories: z.array(z.string()),
  weeklyCost: z.number().int().nullable(),
  lastReg44Visit: z.string().nullable(),
  missedMonths: z.number().int(),
  reg45: Reg45StatusView,
});

export const HomeVisitsView = HomeListItem.extend({
  months: z.array(
    z.object({
      month: z.string(),
      visits: z.number().int(),
      status: z.enum(['visited', 'missed', 'due']),
    }),
  ),
  visits: z.array(Reg44VisitView),
  reviews: z.array(Reg45ReviewView),
  canRecord: z.boolean(),
});

export const SupportedListItem = z.object({
  id: z.number().int(),
  name: z.string(),
  provider: z.object({ id: z.number().int(), name: z.string() }),
  postcodeDistrict: z.string().nullable(),
  places: z.number().int(),
  placed: z.number().int().describe('Young people whose open placement names this service'),
  free: z.number().int().describe('Places not taken (never below 0)'),
  ofstedUrn: z.string().nullable(),
  lastVisit: z.string().nullable(),
  lastRating: z.string().nullable(),
  due: z.string(),
  overdue: z.boolean(),
});

export const SupportedView = SupportedListItem.extend({
  visits: z.array(
    z.object({
      id: z.number().int(),
      visitDate: z.string(),
      visitor: z.string(),
      rating: z.string(),
      notes: z.string().nullable(),
    }),
  ),
  canRecord: z.boolean(),
});
