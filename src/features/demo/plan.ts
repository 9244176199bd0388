// The rows of a demo authority, built in memory with their ids before anything is written, so the
// writer can insert each table in large batches (PGlite is slow on single-row inserts).
import type { Insertable } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** Tables the demo fills, in an order that satisfies their foreign keys. */
export const DEMO_TABLES = [
  'team',
  'app_user',
  'provider',
  'home',
  'home_manager',
  'fostering_household',
  'carer',
  'child',
  'child_relation',
  'period_of_care',
  'legal_status',
  'placement',
  'allocation',
  'review',
  'visit',
  'health_assessment',
  'immunisation_status',
  'sdq',
  'missing_episode',
  'substance_misuse',
  'conviction',
  'pep',
  'care_proceedings',
  'adoption_plan',
  'permanence_order',
  'previous_permanence',
  'pathway_plan',
  'care_leaver_contact',
] as const satisfies readonly (keyof Database)[];

export type DemoTable = (typeof DEMO_TABLES)[number];

export type DemoRows = { [T in DemoTable]: Insertable<Database[T]>[] };

export function emptyRows(): DemoRows {
  return Object.fromEntries(DEMO_TABLES.map((t) => [t, []])) as unknown as DemoRows;
}

/** Next free id per table (the writer reads max(id) first, so a demo can join existing rows). */
export class Ids {
  private readonly next = new Map<string, number>();

  constructor(start: Partial<Record<DemoTable, number>> = {}) {
    for (const [t, n] of Object.entries(start)) this.next.set(t, n);
  }

  take(table: DemoTable): number {
    const n = this.next.get(table) ?? 1;
    this.next.set(table, n + 1);
    return n;
  }
}
