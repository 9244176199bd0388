// The placement request, approval and decision as zod schemas, shared by the pages (after the form
// has been turned into this shape by forms.ts) and the API (strict JSON bodies). Codes come from the
// placement-needs vocabulary in src/domain/matching/vocabulary.ts; an unknown code is refused.
import { z } from 'zod';
import {
  needCodes,
  placeTypes,
  risksFromChild,
  risksToChild,
} from '../../domain/matching/vocabulary.ts';
import { compactPostcode, displayPostcode } from '../../domain/geo/distance.ts';
import { date, optionalCode, version } from '../recording/schemas.ts';

const keys = <T extends Record<string, string>>(o: T) =>
  Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

const codes = <T extends Record<string, string>>(o: T, what: string) =>
  z
    .array(z.enum(keys(o), { error: `Select only ${what} from the list` }), {
      error: `Select only ${what} from the list`,
    })
    .max(Object.keys(o).length)
    .default([]);

const text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} must be ${String(max)} characters or fewer`)
    .nullish()
    .transform((v) => (v ? v : null));

const postcode = (what: string) =>
  z
    .string()
    .refine((v) => compactPostcode(v) !== null, `Enter ${what} as a real postcode, like BD1 1HY`)
    .transform((v) => displayPostcode(compactPostcode(v) ?? v));

const DISTRICT = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/;

export const RequestInput = z.object({
  kind: z.enum(['planned', 'emergency'], {
    error: 'Select whether the placement is planned or an emergency',
  }),
  dateNeeded: date('the date the placement is needed'),
  placeTypes: z
    .array(z.enum(keys(placeTypes), { error: 'Select the types of place sought from the list' }), {
      error: 'Select at least one type of place sought',
    })
    .min(1, 'Select at least one type of place sought'),
  childrenTogether: z
    .number({ error: 'Enter how many children are to be placed together, from 1 to 6' })
    .int('Enter how many children are to be placed together, from 1 to 6')
    .min(1, 'Enter how many children are to be placed together, from 1 to 6')
    .max(6, 'Enter how many children are to be placed together, from 1 to 6')
    .default(1),
  siblingsNote: text(500, 'The note about siblings'),
  needs: codes(needCodes, 'needs'),
  risksToChild: codes(risksToChild, 'risks to the child'),
  risksFromChild: codes(risksFromChild, 'risks from the child'),
  languages: z
    .array(
      z
        .string()
        .trim()
        .min(1)
        .max(40, 'Each language must be 40 characters or fewer')
        .transform((v) => v.toLowerCase()),
    )
    .max(5, 'Enter up to 5 languages')
    .default([]),
  religion: text(60, 'Religion').transform((v) => (v === null ? null : v.toLowerCase())),
  cultureNote: text(500, 'The note about culture'),
  schoolPostcode: postcode('the school’s postcode')
    .nullish()
    .transform((v) => v ?? null),
  nearPostcodes: z
    .array(postcode('each place to be near'))
    .max(5, 'Enter up to 5 places to be near')
    .default([]),
  avoidDistricts: z
    .array(
      z
        .string()
        .trim()
        .transform((v) => v.toUpperCase())
        .refine(
          (v) => DISTRICT.test(v),
          'Enter each area to avoid as a postcode district, like BD3',
        ),
    )
    .max(10, 'Enter up to 10 areas to avoid')
    .default([]),
  notes: text(2000, 'Notes'),
});
export type RequestInput = z.output<typeof RequestInput>;

/** An edit of a request not yet placed: the whole request again, with the version it was read at. */
export const EditRequestInput = RequestInput.extend({ version });
export type EditRequestInput = z.output<typeof EditRequestInput>;

export const WithdrawInput = z.object({
  version,
  reason: z
    .string({ error: 'Enter why the request is withdrawn' })
    .trim()
    .min(1, 'Enter why the request is withdrawn')
    .max(1000, 'Why the request is withdrawn must be 1000 characters or fewer'),
});
export type WithdrawInput = z.output<typeof WithdrawInput>;

export const ApproveInput = z.object({ version });
export type ApproveInput = z.output<typeof ApproveInput>;

export const DecisionInput = z.object({
  version,
  chosenOption: z
    .string({ error: 'Select the option chosen' })
    .regex(/^(household|hub|home|supported|provider):[1-9][0-9]{0,9}$/, 'Select the option chosen'),
  reason: z
    .string({ error: 'Enter why this option was chosen' })
    .trim()
    .min(1, 'Enter why this option was chosen')
    .max(2000, 'Why this option was chosen must be 2000 characters or fewer'),
  startDate: date('the date the placement starts'),
  reasonForChange: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  /**
   * For a child not looked after on the start date (no period of care open then, none open now):
   * the placement starts a period of care with this legal status and category of need. Ignored for
   * a child already looked after.
   */
  legalStatus: optionalCode('Episodes.LS', 'Select the legal status'),
  categoryOfNeed: optionalCode('Episodes.CIN', 'Select the category of need'),
  declined: z
    .array(
      z.object({
        option: z
          .string()
          .regex(
            /^(household|hub|home|supported|provider):[1-9][0-9]{0,9}$/,
            'Select a declined option from the list',
          ),
        reason: z.string().trim().min(1, 'Enter why each declined option was declined').max(500),
      }),
    )
    .max(50)
    .default([]),
});
export type DecisionInput = z.output<typeof DecisionInput>;

export const QueueQuery = z.object({
  status: z
    .enum(['awaiting_approval', 'open', 'placed', 'withdrawn', 'all'])
    .default('open')
    .catch('open'),
  kind: z.enum(['planned', 'emergency', 'any']).default('any').catch('any'),
  placeType: z
    .enum([...keys(placeTypes), 'any'])
    .default('any')
    .catch('any'),
});
export type QueueQuery = z.output<typeof QueueQuery>;
