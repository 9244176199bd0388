// The languages and religions of a placement option, and the list of options, as zod schemas shared
// by the pages and the API. Each entry follows the placement request's own rules (imported from
// src/features/placements/schemas.ts, not copied): trimmed, lower case, a language up to 40
// characters, a religion or culture up to 60; so what is saved here compares equal to a request.
import { z } from 'zod';
import { candidateKinds, type CandidateKind } from '../../domain/matching/match.ts';
import { RequestInput } from '../placements/schemas.ts';

/** The kinds of option listed (a Mockingbird hub bed is its hub household's profile). */
export type ListKind = Exclude<CandidateKind, 'mockingbird_hub'>;
export const LIST_KINDS: Record<ListKind, string> = {
  in_house_fostering: candidateKinds.in_house_fostering,
  in_house_home: candidateKinds.in_house_home,
  external_home: candidateKinds.external_home,
  supported_accommodation: candidateKinds.supported_accommodation,
  ifa: candidateKinds.ifa,
};
const listKinds = Object.keys(LIST_KINDS) as [ListKind, ...ListKind[]];

export const MAX_ENTRIES = 5;

const dropBlank = (v: unknown) =>
  Array.isArray(v) ? v.filter((s) => !(typeof s === 'string' && s.trim() === '')) : v;
const unique = (v: readonly string[]) => [...new Set(v)];

export const ProfileInput = z.object({
  /** The version read (0 when nothing was recorded yet). */
  version: z.number({ error: 'Reload the page and try again' }).int().min(0),
  languages: z.preprocess(dropBlank, RequestInput.shape.languages).transform(unique),
  religions: z
    .preprocess(
      dropBlank,
      z
        .array(RequestInput.shape.religion)
        .max(MAX_ENTRIES, `Enter up to ${String(MAX_ENTRIES)} religions or cultures`)
        .default([]),
    )
    .transform((v) => unique(v.filter((r): r is string => r !== null))),
});
export type ProfileInput = z.output<typeof ProfileInput>;

const blank = (v: unknown) => (v === '' ? undefined : v);

export const OptionsQuery = z.object({
  kind: z.preprocess(
    blank,
    z.enum(listKinds, { error: 'Select a kind of placement option from the list' }).optional(),
  ),
  notRecorded: z.preprocess(
    blank,
    z
      .enum(['true', 'false'], { error: 'Select whether to show only options not recorded' })
      .optional()
      .transform((v) => v === 'true'),
  ),
  page: z.preprocess(
    blank,
    z.coerce.number().int().min(1, 'Page must be 1 or more').max(100_000).default(1),
  ),
});
export type OptionsQuery = z.output<typeof OptionsQuery>;

export const PlacementOption = z.object({
  key: z.string(),
  kind: z.enum(listKinds),
  kindLabel: z.string(),
  name: z.string(),
  postcode: z.string().nullable(),
  /** Lower case; null when nothing is recorded for the option (matching says "Not recorded"). */
  languages: z.array(z.string()).nullable(),
  religions: z.array(z.string()).nullable(),
  /** The version to send back with a change; 0 when nothing is recorded yet. */
  version: z.number().int(),
  /** Whether the caller may change it. */
  canChange: z.boolean(),
});
export type PlacementOption = z.output<typeof PlacementOption>;

export const OptionList = z.object({
  options: z.array(PlacementOption),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type OptionList = z.output<typeof OptionList>;
