// The sufficiency API's shapes (zod), shared by the pages' query parsing and OpenAPI.
import { z } from 'zod';

export const FigureView = z.object({
  key: z.string(),
  label: z.string(),
  count: z.number().int().nullable().describe('null when withheld (1–4 children)'),
  weeklyCost: z.number().int().nullable().optional().describe('Sum of known weekly costs, £'),
  costNotKnown: z.number().int().nullable().optional(),
  href: z.string().optional(),
});

export const SufficiencyView = z.object({
  today: z.string(),
  suppressed: z.boolean(),
  drillDown: z.boolean(),
  total: FigureView,
  sections: z.array(z.object({ id: z.string(), title: z.string(), figures: z.array(FigureView) })),
  capacity: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      capacity: z.number().int(),
      used: z.number().int().nullable(),
      free: z.number().int().nullable(),
      withheld: z.boolean(),
      href: z.string().optional(),
    }),
  ),
  note: z.string().nullable(),
});

const figureKey = z
  .string({ error: 'Give the figure to list, like age:16plus' })
  .regex(/^[a-z_]+(:[A-Za-z0-9_]+)?$/, 'Give the figure to list, like age:16plus');

export const FigureQuery = z.object({
  figure: figureKey,
  page: z.coerce
    .number({ error: 'Give the page as a whole number from 1' })
    .int('Give the page as a whole number from 1')
    .min(1, 'Give the page as a whole number from 1')
    .max(100_000, 'Give the page as a whole number from 1')
    .optional()
    .default(1),
});

export const FigureCsvQuery = z.object({ figure: figureKey });

export const DrillDownView = z.object({
  figure: z.string(),
  label: z.string(),
  total: z.number().int(),
  children: z.array(
    z.object({
      id: z.number().int(),
      localId: z.string(),
      name: z.string(),
      age: z.number().int(),
      placement: z.string(),
      placementDistrict: z.string().nullable(),
    }),
  ),
  notInScope: z.number().int(),
  inScope: z.number().int().describe('Children behind the figure in the caller’s scope'),
  page: z.number().int(),
  pages: z.number().int().describe('Pages of 50 children in scope, sorted by name'),
});
