// The zod schemas of the edit forms (each with the version read with the form) and of the forms for
// permanence orders, previous permanence, substance misuse, convictions (new and edit) and allocations. Codes are
// checked against the current collection year's 903 list, as in schemas.ts.
import { z } from 'zod';
import { LA_PERM_CODES } from '../../domain/returns/ssda903/rules/helpers-67xx.ts';
import {
  CareLeaverContactInput,
  MissingInput,
  NewChildInput,
  ReviewInput,
  VisitInput,
  code,
  date,
  optionalCode,
  optionalDate,
  version,
} from './schemas.ts';

export const EditReviewInput = ReviewInput.extend({ version });
export type EditReviewInput = z.output<typeof EditReviewInput>;
export const EditVisitInput = VisitInput.safeExtend({ version });
export type EditVisitInput = z.output<typeof EditVisitInput>;
export const EditMissingInput = MissingInput.safeExtend({ version });
export type EditMissingInput = z.output<typeof EditMissingInput>;
export const EditCareLeaverContactInput = CareLeaverContactInput.extend({ version });
export type EditCareLeaverContactInput = z.output<typeof EditCareLeaverContactInput>;

export const EditHealthAssessmentInput = z.object({
  kind: z.enum(['initial', 'review', 'dental'], { error: 'Select the kind of assessment' }),
  date: date('the date of the assessment'),
  version,
});
export type EditHealthAssessmentInput = z.output<typeof EditHealthAssessmentInput>;

export const EditImmunisationInput = z.object({
  date: date('the date of the immunisation status'),
  upToDate: z.boolean({ error: 'Select yes if the child’s immunisations are up to date' }),
  version,
});
export type EditImmunisationInput = z.output<typeof EditImmunisationInput>;

const SDQ_SCORE = 'Enter the SDQ score as a whole number from 0 to 40';
export const EditSdqInput = z
  .object({
    date: date('the date of the SDQ'),
    score: z
      .number({ error: SDQ_SCORE })
      .int(SDQ_SCORE)
      .min(0, SDQ_SCORE)
      .max(40, SDQ_SCORE)
      .nullish()
      .transform((v) => v ?? null),
    sdqReason: optionalCode('OC2.SDQ_REASON', 'Select why there is no SDQ score'),
    version,
  })
  .superRefine((v, ctx) => {
    if (v.score === null && v.sdqReason === null)
      ctx.addIssue({
        code: 'custom',
        path: ['score'],
        message: 'Enter the SDQ score, or select why there is no score',
      });
    if (v.score !== null && v.sdqReason !== null)
      ctx.addIssue({
        code: 'custom',
        path: ['sdqReason'],
        message: 'Enter a score or a reason for no score, not both',
      });
  });
export type EditSdqInput = z.output<typeof EditSdqInput>;

export const EditLegalStatusInput = z.object({
  startDate: date('the date the legal status started'),
  status: code('Episodes.LS', 'Select the legal status'),
  version,
});
export type EditLegalStatusInput = z.output<typeof EditLegalStatusInput>;

export const ChildDetailsInput = NewChildInput.omit({ localId: true })
  .extend({
    uasc: z.boolean({
      error: 'Select yes if the child is or was an unaccompanied asylum-seeking child',
    }),
    uascStart: optionalDate('the date the child became an unaccompanied asylum-seeking child'),
    uascEnd: optionalDate('the date the child stopped being an unaccompanied asylum-seeking child'),
    version,
  })
  .superRefine((v, ctx) => {
    if (v.uasc && v.uascStart === null)
      ctx.addIssue({
        code: 'custom',
        path: ['uascStart'],
        message: 'Enter the date the child became an unaccompanied asylum-seeking child',
      });
    if (!v.uasc && (v.uascStart !== null || v.uascEnd !== null))
      ctx.addIssue({
        code: 'custom',
        path: ['uasc'],
        message: 'Select yes if the child has UASC dates, or remove the dates',
      });
    if (v.uascStart !== null && v.uascEnd !== null && v.uascEnd < v.uascStart)
      ctx.addIssue({
        code: 'custom',
        path: ['uascEnd'],
        message:
          'The date the child stopped being an unaccompanied asylum-seeking child must be the same as or after the date they became one',
      });
  });
export type ChildDetailsInput = z.output<typeof ChildDetailsInput>;

export const PERMANENCE_ORDER_KINDS = ['sgo', 'cao', 'adoption'] as const;
export const PermanenceOrderInput = z.object({
  kind: z.enum(PERMANENCE_ORDER_KINDS, { error: 'Select the kind of order' }),
  orderDate: date('the date the order was made'),
});
export type PermanenceOrderInput = z.output<typeof PermanenceOrderInput>;
export const EditPermanenceOrderInput = PermanenceOrderInput.extend({ version });
export type EditPermanenceOrderInput = z.output<typeof EditPermanenceOrderInput>;

/**
 * 903 DATE_PERM may be partly unknown (ZZ for an unknown day or month). The API takes ISO 8601 with
 * reduced precision ('2019-05-12', '2019-05' or '2019'); the page sends year-month-day with blanks
 * for what is not known. The schema answers the full ISO date or the 903's partial form.
 */
export const PartialDate = z
  .string()
  .nullish()
  .transform((v, ctx) => {
    if (v === null || v === undefined || v.replace(/-/g, '').trim() === '') return null;
    const [year = '', month = '', day = ''] = v.split('-').map((p) => p.trim());
    const bad = (message: string) => {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    };
    if (!/^\d{4}$/.test(year))
      return bad('The date of the order must include a year, like 2019, if any part is given');
    if (month === '' && day !== '')
      return bad('The date of the order must include a month if it includes a day');
    const m = month === '' ? null : Number(month);
    if (m !== null && (!/^\d{1,2}$/.test(month) || m < 1 || m > 12))
      return bad('The month of the order must be a number from 1 to 12');
    const mm = m === null ? 'ZZ' : String(m).padStart(2, '0');
    if (day === '') return { iso: null, partial: `ZZ/${mm}/${year}`, latest: latest(year, m) };
    const iso = `${year}-${mm}-${day.padStart(2, '0')}`;
    if (!/^\d{1,2}$/.test(day) || !isRealDate(iso))
      return bad('The date of the order must be a real date');
    return { iso, partial: null, latest: iso };
  });

function isRealDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

/** The last day the partial date could be. */
function latest(year: string, month: number | null): string {
  if (month === null) return `${year}-12-31`;
  const last = new Date(Date.UTC(Number(year), month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(last)}`;
}

export const PreviousPermanenceInput = z
  .object({
    prevPerm: code('PrevPerm.PREV_PERM', 'Select the previous permanence option'),
    orderDate: PartialDate,
    laCode: z
      .string()
      .trim()
      .toUpperCase()
      .refine(
        (v) => v === '' || LA_PERM_CODES.has(v),
        'Enter the local authority as its 3-digit code, like 380, or WAL, SCO, NIR or NUK',
      )
      .nullish()
      .transform((v) => (v ? v : null)),
  })
  .superRefine((v, ctx) => {
    if (v.prevPerm === 'Z1' && (v.orderDate !== null || v.laCode !== null))
      ctx.addIssue({
        code: 'custom',
        path: [v.orderDate !== null ? 'orderDate' : 'laCode'],
        message:
          'Leave the date and local authority blank when there was no previous permanence option',
      });
  });
export type PreviousPermanenceInput = z.output<typeof PreviousPermanenceInput>;
export const EditPreviousPermanenceInput = PreviousPermanenceInput.safeExtend({ version });
export type EditPreviousPermanenceInput = z.output<typeof EditPreviousPermanenceInput>;

export const SubstanceMisuseInput = z
  .object({
    identifiedDate: date('the date the substance misuse was identified'),
    interventionOffered: z.boolean({ error: 'Select yes if an intervention was offered' }),
    interventionReceived: z.boolean({ error: 'Select yes if an intervention was received' }),
  })
  .refine((v) => v.interventionOffered || !v.interventionReceived, {
    message: 'An intervention that was not offered cannot have been received',
    path: ['interventionReceived'],
  });
export type SubstanceMisuseInput = z.output<typeof SubstanceMisuseInput>;
export const EditSubstanceMisuseInput = SubstanceMisuseInput.safeExtend({ version });
export type EditSubstanceMisuseInput = z.output<typeof EditSubstanceMisuseInput>;

export const ConvictionInput = z.object({
  convictionDate: date('the date of the conviction'),
});
export type ConvictionInput = z.output<typeof ConvictionInput>;
export const EditConvictionInput = ConvictionInput.extend({ version });
export type EditConvictionInput = z.output<typeof EditConvictionInput>;

const swReason = code('SWEpisodes.SW_REASON', 'Select the reason for the change');

export const EndAllocationInput = z.object({
  endDate: date('the date the allocation ends'),
  reason: swReason.nullish().transform((v) => v ?? null),
  version,
});
export type EndAllocationInput = z.output<typeof EndAllocationInput>;

export const ChangeSocialWorkerInput = z.object({
  userId: z
    .number({ error: 'Select the new social worker' })
    .int()
    .positive('Select the new social worker'),
  startDate: date('the date the new social worker starts'),
  reason: swReason,
});
export type ChangeSocialWorkerInput = z.output<typeof ChangeSocialWorkerInput>;
