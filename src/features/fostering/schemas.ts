// Zod schemas shared by the fostering pages and the API.
import { z } from 'zod';
import { journeyStages, leavingReasons } from '../../db/tables/fostering.ts';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
export const isoDate = (what: string) =>
  z
    .string({ error: `Enter the date of the ${what}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Enter the date of the ${what} as a real date`)
    .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s), {
      message: `Enter the date of the ${what} as a real date`,
    });

export const StageInput = z
  .object({
    stage: z.enum(journeyStages, { error: 'Select the stage reached' }),
    date: isoDate('stage'),
    reasonCode: z.preprocess(
      blank,
      z.enum(leavingReasons, { error: 'Select a reason' }).optional(),
    ),
    note: z.preprocess(
      blank,
      z.string().trim().max(2000, 'Note must be 2,000 characters or fewer').optional(),
    ),
    skillsLevel: z.preprocess(
      blank,
      z.coerce
        .number({ error: 'Select a skills level' })
        .int()
        .min(1, 'Select a skills level')
        .max(4, 'Select a skills level')
        .optional(),
    ),
    version: z.coerce.number().int().positive(),
  })
  .superRefine((v, ctx) => {
    if (['withdrawn', 'resigned', 'deregistered'].includes(v.stage) && !v.reasonCode)
      ctx.addIssue({
        code: 'custom',
        path: ['reasonCode'],
        message: 'Select why the household is leaving',
      });
  });
export type StageInput = z.output<typeof StageInput>;

export const EnquiryInput = z.object({
  name: z
    .string({ error: 'Enter the household’s name' })
    .trim()
    .min(1, 'Enter the household’s name')
    .max(200, 'Name must be 200 characters or fewer'),
  postcode: z
    .string({ error: 'Enter a postcode' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/, 'Enter a real postcode, like BD1 1HY'),
  approvalType: z.enum(['mainstream', 'connected', 'short_breaks', 'staying_put'], {
    error: 'Select the type of fostering',
  }),
  date: isoDate('enquiry'),
});

export const AllowanceInput = z.object({
  weeklyAllowance: z.coerce
    .number({ error: 'Enter the weekly allowance in whole pounds' })
    .int('Enter the weekly allowance in whole pounds')
    .min(0, 'The weekly allowance cannot be negative')
    .max(5000, 'The weekly allowance must be £5,000 or less'),
  weeklyFee: z.coerce
    .number({ error: 'Enter the weekly fee in whole pounds' })
    .int('Enter the weekly fee in whole pounds')
    .min(0, 'The weekly fee cannot be negative')
    .max(5000, 'The weekly fee must be £5,000 or less'),
  version: z.coerce.number().int().positive(),
});

export const ReviewInput = z.object({
  reviewDate: isoDate('review'),
  panelDate: z.preprocess(blank, isoDate('fostering panel').optional()),
});

export const WorkerInput = z.object({
  workerId: z.coerce
    .number({ error: 'Select a supervising social worker' })
    .int()
    .positive('Select a supervising social worker'),
  version: z.coerce.number().int().positive(),
});

export const RangeQuery = z.object({
  from: z.preprocess(blank, isoDate('start of the period').optional()),
  to: z.preprocess(blank, isoDate('end of the period').optional()),
  by: z.preprocess(blank, z.enum(['month', 'year']).default('month')),
  format: z.preprocess(blank, z.enum(['html', 'csv']).default('html')),
});
