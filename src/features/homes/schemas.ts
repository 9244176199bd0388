// Forms and API bodies of the homes area: a Regulation 44 visit and a supported accommodation
// quality visit. Dates arrive as 'YYYY-MM-DD' (the page joins its day, month and year boxes).
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
  canRecord: z.boolean(),
});

export const SupportedListItem = z.object({
  id: z.number().int(),
  name: z.string(),
  provider: z.object({ id: z.number().int(), name: z.string() }),
  postcodeDistrict: z.string().nullable(),
  places: z.number().int(),
  placedWithProvider: z.number().int(),
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
