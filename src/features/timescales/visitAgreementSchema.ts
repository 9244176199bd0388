// The child's agreement to 6-monthly visits (CPPCR 2010 reg 28(3A)): the form and API bodies for
// recording an agreement and a withdrawal, and the API's answers. Dates arrive as 'YYYY-MM-DD'
// (the page joins its day, month and year boxes first).
import { z } from 'zod';
import { isIsoDate } from '../../domain/dates/index.ts';

const date = (what: string) =>
  z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(1, `Enter ${what}`)
    .refine(isIsoDate, `Enter ${what} as a real date, like 27 3 2026`);

const view = (what: string) =>
  z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(1, `Enter ${what}`)
    .max(2000, 'Enter at most 2,000 characters');

export const AgreementInput = z.object({
  placementId: z.coerce
    .number({ error: 'Select the placement' })
    .int('Select the placement')
    .positive('Select the placement'),
  agreedOn: date('the date the child agreed'),
  childView: view('the child’s view, in their words'),
});
export type AgreementInput = z.output<typeof AgreementInput>;

export const WithdrawalInput = z.object({
  withdrawnOn: date('the date the child withdrew their agreement'),
  withdrawnView: view('the child’s view, in their words'),
  version: z.coerce.number({ error: 'The version is missing' }).int().positive(),
});
export type WithdrawalInput = z.output<typeof WithdrawalInput>;

export const VisitAgreementSchema = z.object({
  id: z.number().int(),
  placementId: z.number().int(),
  agreedOn: z.string(),
  childView: z.string(),
  recordedBy: z.string(),
  withdrawnOn: z.string().nullable(),
  withdrawnView: z.string().nullable(),
  withdrawnRecordedBy: z.string().nullable(),
  version: z.number().int(),
});

export const ChildAgreementsResponse = z.object({
  child: z.object({
    id: z.number().int(),
    localId: z.string(),
    name: z.string(),
    dateOfBirth: z.string(),
  }),
  placements: z.array(
    z.object({
      id: z.number().int(),
      placeType: z.string(),
      start: z.string(),
      end: z.string().nullable(),
      longTermDesignated: z.boolean(),
      firstYearEnds: z.string(),
    }),
  ),
  agreements: z.array(VisitAgreementSchema),
});
