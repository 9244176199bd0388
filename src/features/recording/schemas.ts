// The zod schema of every recording form, shared by the pages (after fields.ts has turned day,
// month and year into 'YYYY-MM-DD') and the API (strict JSON bodies). Codes are checked against
// the current collection year's 903 list, so an out-of-date code is refused.
import { z } from 'zod';
import { isIsoDate } from '../../domain/dates/index.ts';
import type { CodeListName } from '../../domain/returns/ssda903/spec.ts';
import { currentCodes } from './codes.ts';

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A required date; `what` is like "the date the placement started". */
export const date = (what: string) =>
  z
    .string({ error: `Enter ${what}` })
    .min(1, `Enter ${what}`)
    .refine(isIsoDate, `${cap(what)} must be a real date`);

export const optionalDate = (what: string) =>
  z
    .string()
    .refine(isIsoDate, `${cap(what)} must be a real date`)
    .nullish()
    .transform((v) => v ?? null);

/** A code valid in the current collection year's list. */
export const code = (list: CodeListName, message: string) =>
  z.string({ error: message }).refine((v) => currentCodes(list).has(v), message);

export const optionalCode = (list: CodeListName, message: string) =>
  code(list, message)
    .nullish()
    .transform((v) => v ?? null);

const id = (message: string) =>
  z
    .number({ error: message })
    .int(message)
    .positive(message)
    .nullish()
    .transform((v) => v ?? null);

const POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/i;
export const postcode = z
  .string()
  .trim()
  .regex(POSTCODE, 'Enter a real postcode, like BD1 1HY')
  .nullish()
  .transform((v) => (v ? v.toUpperCase() : null));
const urn = z
  .string()
  .trim()
  .regex(/^((SC|EY)?[0-9]{6,7}|XXXXXXX)$/i, 'Enter the Ofsted URN, like SC123456, or XXXXXXX')
  .nullish()
  .transform((v) => (v ? v.toUpperCase() : null));

export const version = z.number({ error: 'Reload the page and try again' }).int().positive();

/** Where the child lives: shared by a new period of care, a new placement and a placement edit. */
const placementFields = {
  placeType: code('Episodes.PLACE', 'Select the type of placement'),
  provider: optionalCode('Episodes.PLACE_PROVIDER', 'Select who provides the placement'),
  householdId: id('Select a fostering household from the list'),
  homeId: id('Select a home from the list'),
  supportedAccommodationId: id('Select a supported accommodation service from the list'),
  postcode,
  urn,
};

/** Place types of a placement in 16+ supported accommodation (903 PLACE). */
export const SUPPORTED_PLACE_TYPES: readonly string[] = ['K3', 'H5'];

/**
 * At most one of a household, a home and a supported accommodation service; a service only for a
 * K3 or H5 placement.
 */
const oneCarer = (
  v: {
    householdId: number | null;
    homeId: number | null;
    supportedAccommodationId: number | null;
    placeType: string;
  },
  ctx: z.RefinementCtx,
) => {
  const chosen = [v.householdId, v.homeId, v.supportedAccommodationId].filter((x) => x !== null);
  if (chosen.length > 1)
    ctx.addIssue({
      code: 'custom',
      path: [v.homeId !== null ? 'homeId' : 'supportedAccommodationId'],
      message:
        'Select only one of a fostering household, a home or a supported accommodation service',
    });
  if (v.supportedAccommodationId !== null && !SUPPORTED_PLACE_TYPES.includes(v.placeType))
    ctx.addIssue({
      code: 'custom',
      path: ['supportedAccommodationId'],
      message:
        'A supported accommodation service is only for a placement of type K3 or H5: change the type of placement or the service',
    });
};

export const StartPeriodInput = z
  .object({
    startDate: date('the date the child started to be looked after'),
    categoryOfNeed: code('Episodes.CIN', 'Select the category of need'),
    legalStatus: code('Episodes.LS', 'Select the legal status'),
    ...placementFields,
  })
  .superRefine(oneCarer);
export type StartPeriodInput = z.output<typeof StartPeriodInput>;

export const EndPeriodInput = z.object({
  endDate: date('the date the child left care'),
  reason: code('Episodes.REC', 'Select why the child left care').refine(
    (v) => v !== 'X1',
    'Select why the child left care',
  ),
  version,
});
export type EndPeriodInput = z.output<typeof EndPeriodInput>;

export const LegalStatusInput = z.object({
  startDate: date('the date the legal status started'),
  status: code('Episodes.LS', 'Select the legal status'),
});
export type LegalStatusInput = z.output<typeof LegalStatusInput>;

export const NewPlacementInput = z
  .object({
    startDate: date('the date the placement started'),
    ...placementFields,
    reasonForChange: optionalCode(
      'Episodes.REASON_PLACE_CHANGE',
      'Select the reason the previous placement ended',
    ),
  })
  .superRefine(oneCarer);
export type NewPlacementInput = z.output<typeof NewPlacementInput>;

export const EditPlacementInput = z
  .object({
    startDate: date('the date the placement started'),
    endDate: optionalDate('the date the placement ended'),
    ...placementFields,
    reasonForChange: optionalCode(
      'Episodes.REASON_PLACE_CHANGE',
      'Select the reason the placement ended',
    ),
    version,
  })
  .superRefine(oneCarer);
export type EditPlacementInput = z.output<typeof EditPlacementInput>;

export const ReviewInput = z.object({
  heldDate: date('the date the review was held'),
  participation: code('Reviews.REVIEW_CODE', 'Select how the child took part in the review'),
});
export type ReviewInput = z.output<typeof ReviewInput>;

export const VisitInput = z
  .object({
    visitDate: date('the date of the visit'),
    seen: z.boolean({ error: 'Select yes if the child was seen' }),
    seenAlone: z.boolean({ error: 'Select yes if the child was seen alone' }),
  })
  .refine((v) => v.seen || !v.seenAlone, {
    message: 'A child who was not seen cannot have been seen alone',
    path: ['seenAlone'],
  });
export type VisitInput = z.output<typeof VisitInput>;

export const HEALTH_KINDS = ['initial', 'review', 'dental', 'immunisations', 'sdq'] as const;
export const HealthInput = z
  .object({
    kind: z.enum(HEALTH_KINDS, { error: 'Select what you are recording' }),
    date: date('the date of the assessment'),
    upToDate: z.boolean().nullish(),
    score: z
      .number({ error: 'Enter the SDQ score as a whole number from 0 to 40' })
      .int('Enter the SDQ score as a whole number from 0 to 40')
      .min(0, 'Enter the SDQ score as a whole number from 0 to 40')
      .max(40, 'Enter the SDQ score as a whole number from 0 to 40')
      .nullish(),
    sdqReason: optionalCode('OC2.SDQ_REASON', 'Select why there is no SDQ score'),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'immunisations' && (v.upToDate === null || v.upToDate === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['upToDate'],
        message: 'Select yes if the child’s immunisations are up to date',
      });
    if (v.kind === 'sdq' && (v.score ?? null) === null && v.sdqReason === null)
      ctx.addIssue({
        code: 'custom',
        path: ['score'],
        message: 'Enter the SDQ score, or select why there is no score',
      });
    if (v.kind === 'sdq' && (v.score ?? null) !== null && v.sdqReason !== null)
      ctx.addIssue({
        code: 'custom',
        path: ['sdqReason'],
        message: 'Enter a score or a reason for no score, not both',
      });
  });
export type HealthInput = z.output<typeof HealthInput>;

export const MissingInput = z
  .object({
    kind: z.enum(['M', 'A'], { error: 'Select whether the child was missing or away' }),
    startDate: date('the date the child went missing or away'),
    endDate: optionalDate('the date the child returned'),
    interviewOffered: optionalDate('the date the return interview was offered'),
    interviewAccepted: z
      .boolean()
      .nullish()
      .transform((v) => v ?? null),
  })
  .refine((v) => v.interviewAccepted === null || v.interviewOffered !== null, {
    message: 'Enter the date the return interview was offered',
    path: ['interviewOffered'],
  });
export type MissingInput = z.output<typeof MissingInput>;

export const PermanenceInput = z.object({
  decisionDate: date('the date of the decision that the child should be placed for adoption'),
  placementOrderDate: optionalDate('the date of the placement order'),
  matchedDate: optionalDate('the date the child was matched'),
  placedDate: optionalDate('the date the child was placed for adoption'),
  orderDate: optionalDate('the date the adoption order was granted'),
  reversedDate: optionalDate('the date the decision was reversed'),
  reversedReason: optionalCode(
    'PlacedAdoption.REASON_PLACED_CEASED',
    'Select why the decision was reversed',
  ),
});
export type PermanenceInput = z.output<typeof PermanenceInput>;
export const EditPermanenceInput = PermanenceInput.extend({ version });
export type EditPermanenceInput = z.output<typeof EditPermanenceInput>;

export const CareLeaverContactInput = z.object({
  contactDate: date('the date of the contact'),
  inTouch: code('OC3.IN_TOUCH', 'Select whether the young person is in touch'),
  activity: optionalCode('OC3.ACTIV', 'Select the young person’s main activity'),
  accommodation: optionalCode('OC3.ACCOM', 'Select the young person’s accommodation'),
});
export type CareLeaverContactInput = z.output<typeof CareLeaverContactInput>;

export const AllocationInput = z.object({
  role: z.enum(['social_worker', 'iro', 'personal_adviser'], {
    error: 'Select the role to allocate',
  }),
  userId: z.number({ error: 'Select the worker' }).int().positive('Select the worker'),
  startDate: date('the date the allocation starts'),
});
export type AllocationInput = z.output<typeof AllocationInput>;

export const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .nullish()
    .transform((v) => (v ? v : null));

/** The NHS number's modulus 11 check digit (NHS Data Dictionary). */
export function nhsNumberValid(digits: string): boolean {
  if (!/^[0-9]{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === Number(digits[9]);
}

export const NewChildInput = z.object({
  firstName: z
    .string({ error: 'Enter the child’s first name' })
    .trim()
    .min(1, 'Enter the child’s first name')
    .max(100, 'First name must be 100 characters or fewer'),
  lastName: z
    .string({ error: 'Enter the child’s last name' })
    .trim()
    .min(1, 'Enter the child’s last name')
    .max(100, 'Last name must be 100 characters or fewer'),
  dateOfBirth: date('the child’s date of birth'),
  sex: z.enum(['M', 'F', 'U'], { error: 'Select the child’s sex' }),
  ethnicity: optionalCode('Header.ETHNIC', 'Select the child’s ethnicity'),
  localId: z
    .string({ error: 'Enter the child’s local identifier' })
    .trim()
    .min(1, 'Enter the child’s local identifier')
    .max(10, 'Local identifier must be 10 characters or fewer'),
  upn: optionalText(13, 'Enter a UPN in the correct format, like A123456789012').refine(
    (v) => v === null || /^[A-Z][0-9]{11}[0-9A-Z]$/.test(v),
    'Enter a UPN in the correct format, like A123456789012',
  ),
  nhsNumber: optionalText(12, 'Enter a 10 digit NHS number, like 943 476 5919')
    .transform((v) => (v ? v.replace(/\s/g, '') : null))
    .refine(
      (v) => v === null || /^[0-9]{10}$/.test(v),
      'Enter a 10 digit NHS number, like 943 476 5919',
    )
    .refine(
      (v) => v === null || !/^[0-9]{10}$/.test(v) || nhsNumberValid(v),
      'Enter a valid NHS number: its last digit does not match the others (check each digit)',
    ),
  homePostcode: postcode,
});
export type NewChildInput = z.output<typeof NewChildInput>;
