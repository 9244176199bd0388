// The children list's search, filters, sort and page: from the GET form and the API query string.
import { z } from 'zod';
import { CODE_LABELS } from './codes.ts';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const optionalId = (message: string) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: message })
      .int(message)
      .positive(message)
      .max(2_147_483_647, message)
      .optional(),
  );

const LS_CODES = Object.keys(CODE_LABELS.LS) as [string, ...string[]];
const PLACE_CODES = Object.keys(CODE_LABELS.PLACE) as [string, ...string[]];

export const SORTS = ['name', 'dob', 'entered'] as const;
export type ChildSort = (typeof SORTS)[number];

export const ChildListQuery = z.object({
  q: z.preprocess(
    blankToUndefined,
    z.string().trim().max(100, 'Search must be 100 characters or fewer').optional(),
  ),
  team: optionalId('Select a team from the list'),
  worker: optionalId('Select a social worker from the list'),
  legal: z.preprocess(
    blankToUndefined,
    z.enum(LS_CODES, { error: 'Select a legal status from the list' }).optional(),
  ),
  place: z.preprocess(
    blankToUndefined,
    z.enum(PLACE_CODES, { error: 'Select a placement type from the list' }).optional(),
  ),
  area: z.preprocess(
    blankToUndefined,
    z.enum(['in', 'out'], { error: 'Select in area or out of area' }).optional(),
  ),
  sort: z.preprocess(
    blankToUndefined,
    z.enum(SORTS, { error: 'Sort by name, date of birth or date entered care' }).default('name'),
  ),
  order: z.preprocess(
    blankToUndefined,
    z.enum(['asc', 'desc'], { error: 'Order must be asc or desc' }).default('asc'),
  ),
  page: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'Page must be a whole number' })
      .int('Page must be a whole number')
      .min(1, 'Page must be 1 or more')
      .max(100_000, 'Page must be 100000 or less')
      .default(1),
  ),
});

export type ChildListFilters = z.output<typeof ChildListQuery>;
