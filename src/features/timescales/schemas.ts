// Tray filters (page query string and API query) and the API's response shapes.
import { z } from 'zod';
import { RULES, type RuleId } from '../../domain/timescales/index.ts';
import { normaliseDate } from '../audit/schemas.ts';

export const RULE_IDS = Object.keys(RULES) as [RuleId, ...RuleId[]];
export const OPEN_STATUSES = ['overdue', 'due', 'upcoming'] as const;

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const TrayQuery = z.object({
  rule: z.preprocess(blank, z.enum(RULE_IDS, { error: 'Select a duty from the list' }).optional()),
  status: z.preprocess(
    blank,
    z
      .enum(OPEN_STATUSES, { error: 'Select overdue, due in the next 14 days or upcoming' })
      .optional(),
  ),
  worker: z.preprocess(
    blank,
    z.coerce
      .number({ error: 'Select a worker from the list' })
      .int('Select a worker from the list')
      .min(0, 'Select a worker from the list')
      .optional(),
  ),
  child: z.preprocess(blank, z.string().trim().max(100, 'Enter at most 100 characters').optional()),
  dueBefore: z.preprocess(
    (v) => (typeof blank(v) === 'string' ? normaliseDate(v as string) : undefined),
    z.iso.date('Due before must be a real date, like 27/3/2026').optional(),
  ),
  page: z.preprocess(blank, z.coerce.number().int().min(1).max(100_000).optional().default(1)),
});
export type TrayQuery = z.output<typeof TrayQuery>;

export const TrayItemSchema = z.object({
  rule: z.string(),
  item: z.string(),
  what: z.string(),
  due: z.string(),
  status: z.enum(OPEN_STATUSES),
  basis: z.string(),
  source: z.string(),
  whom: z.object({
    type: z.enum(['child', 'household']),
    id: z.number().int(),
    localId: z.string().nullable(),
    name: z.string(),
  }),
  worker: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  extension: z
    .object({
      kind: z.enum(['extension', 'exemption']),
      originalDue: z.string(),
      reason: z.string(),
      authorisedBy: z.string(),
      date: z.string(),
    })
    .nullable(),
  recordHref: z.string().nullable(),
  extendHref: z.string(),
});

export const WorkerCountSchema = z.object({
  workerId: z.number().int(),
  name: z.string(),
  overdue: z.number().int(),
  due: z.number().int(),
});

export const TrayResponse = z.object({
  tray: z.string(),
  title: z.string(),
  today: z.string(),
  counts: z.object({
    overdue: z.number().int(),
    due: z.number().int(),
    upcoming: z.number().int(),
  }),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(TrayItemSchema),
  workers: z.array(WorkerCountSchema).optional(),
  /** The whole authority's team tray before a worker or child is chosen: counts, no items. */
  summary: z.boolean().optional(),
});
