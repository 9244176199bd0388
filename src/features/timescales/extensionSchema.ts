// The extension form (page and API): a decision on one due item, with the reason, who authorised
// it and when; for a connected person's temporary approval, the reg 25 steps. Dates arrive as
// 'YYYY-MM-DD' (the page joins its day, month and year boxes first).
import { z } from 'zod';
import { isIsoDate } from '../../domain/dates/index.ts';

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

export const ExtensionInput = z
  .object({
    decision: z.enum(['granted', 'refused'], {
      error: 'Select whether the extension was granted or refused',
    }),
    kind: z.enum(['extension', 'exemption'], {
      error: 'Select a new due date or an exemption',
    }),
    newDue: optionalDate('the new due date'),
    reason: z
      .string({ error: 'Enter the reason' })
      .trim()
      .min(1, 'Enter the reason')
      .max(2000, 'Reason must be 2,000 characters or fewer'),
    authorisedBy: z.coerce
      .number({ error: 'Select who authorised it' })
      .int('Select who authorised it')
      .positive('Select who authorised it'),
    authorisedOn: date('the date it was decided'),
    nominatedOfficerApproved: optionalDate('the date the nominated officer approved'),
    panelViewsSought: optionalDate('the date the fostering panel’s views were sought'),
    iroInformed: optionalDate('the date the IRO was informed'),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'extension' && v.newDue === null)
      ctx.addIssue({ code: 'custom', path: ['newDue'], message: 'Enter the new due date' });
    if (v.kind === 'exemption' && v.newDue !== null)
      ctx.addIssue({
        code: 'custom',
        path: ['newDue'],
        message: 'An exemption has no new due date: leave it blank',
      });
  });
export type ExtensionInput = z.output<typeof ExtensionInput>;
