// One loader of the raw care record of many children (the timescales engine's input, the measures
// and the 903 export map its rows to their own shapes): the selected children, and for each table
// asked for, each child's rows as one JSON array built by PostgreSQL (one row per child, decoded by
// one JSON.parse), in a fixed number of set-based queries whatever the number of children. At
// England scale (1.3 million episodes) a row object per fact, copied into a second object, was most
// of the load and of the garbage collection (bench/README.md, "Measures").
//
// Which children: every child, a condition over `child`, or ids. Which facts: per table, none or
// more windows of dates (tables.ts says which column each cuts on); a child's rows are kept when
// they fall in (dated) or overlap (spans) any of them.
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { IsoDate } from '../../domain/dates/index.ts';
import { CARE_TABLES, type CareTable, type RowOf } from './tables.ts';

/** Which children: every child, a condition over the `child` table (e.g. childScope), or ids. */
export type ChildSelection = 'all' | Expression<SqlBool> | { ids: readonly number[] };

/** Dates from `from` to `to` (both included); either open. */
export interface Window {
  from?: IsoDate;
  to?: IsoDate;
}

/** A child's own columns, as the three loaders read them. */
export interface ChildRow {
  id: number;
  local_id: string;
  first_name: string;
  last_name: string;
  sex: 'M' | 'F' | 'U';
  date_of_birth: IsoDate;
  ethnicity: string | null;
  upn: string | null;
  uasc: boolean;
  uasc_end: IsoDate | null;
  home_postcode: string | null;
  team_id: number | null;
}

/** The tables to read: each with its windows (an empty list: every row). */
export type TableWindows<K extends CareTable> = { readonly [T in K]: readonly Window[] };

export interface CareRows<K extends CareTable> {
  /** The selected children, in child.id order. */
  children: ChildRow[];
  /** Each table's rows by child.id (a child without rows is absent). */
  rows: { [T in K]: Map<number, RowOf<T>[]> };
}

function childCondition(sel: ChildSelection): Expression<SqlBool> {
  if (sel === 'all') return sql<SqlBool>`true`;
  if (!('ids' in sel)) return sel;
  if (sel.ids.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`child.id in (${idList(sel.ids)})`;
}

function idList(ids: readonly number[]): RawBuilder<unknown> {
  return sql.join(ids.map((id) => sql.lit(Math.trunc(id))));
}

/**
 * The rows' condition on child_id: none for every child; ids are looked up by the child_id index;
 * a condition becomes a subquery (the planner hashes a large one, or looks up a small one).
 */
function rowsOf(sel: ChildSelection): RawBuilder<unknown> | null {
  if (sel === 'all') return null;
  if ('ids' in sel) return idList(sel.ids);
  return sql`select child.id from child where ${sel}`;
}

function windowCondition(table: CareTable, windows: readonly Window[]): RawBuilder<unknown> {
  const { date, end } = CARE_TABLES[table];
  const one = (w: Window): RawBuilder<unknown> => {
    const parts: RawBuilder<unknown>[] = [];
    if (w.to !== undefined) parts.push(sql`${sql.raw(date)} <= ${w.to}`);
    if (w.from !== undefined)
      parts.push(
        end === undefined
          ? sql`${sql.raw(date)} >= ${w.from}`
          : sql`(${sql.raw(end)} is null or ${sql.raw(end)} >= ${w.from})`,
      );
    return parts.length === 0 ? sql`true` : sql`(${sql.join(parts, sql` and `)})`;
  };
  if (windows.length === 0) return sql`true`;
  return sql`(${sql.join(windows.map(one), sql` or `)})`;
}

async function perChild<T extends CareTable>(
  db: Pick<Db, 'getExecutor'>,
  table: T,
  children: RawBuilder<unknown> | null,
  windows: readonly Window[],
): Promise<Map<number, RowOf<T>[]>> {
  const s = CARE_TABLES[table];
  const conditions = [windowCondition(table, windows)];
  if (s.where !== undefined) conditions.push(sql.raw(s.where));
  if (children !== null) conditions.push(sql`t.child_id in (${children})`);
  const { rows } = await sql<{ child_id: number; f: unknown }>`select t.child_id,
      json_agg(json_build_array(${sql.raw(s.columns)}) order by ${sql.raw(s.order)}) as f
    from ${sql.raw(s.from)} where ${sql.join(conditions, sql` and `)} group by t.child_id`.execute(
    db,
  );
  const out = new Map<number, RowOf<T>[]>();
  for (const r of rows)
    out.set(r.child_id, (typeof r.f === 'string' ? JSON.parse(r.f) : r.f) as RowOf<T>[]);
  return out;
}

/**
 * The selected children and, for each table in `tables`, their rows in its windows: one query for
 * the children and one per table. The rows are fresh objects on each call (callers may keep them).
 */
export async function loadCareRows<K extends CareTable>(
  db: Pick<Db, 'selectFrom' | 'getExecutor'>,
  selection: ChildSelection,
  tables: TableWindows<K>,
): Promise<CareRows<K>> {
  const names = Object.keys(tables) as K[];
  const ofChildren = rowsOf(selection);
  const none = typeof selection !== 'string' && 'ids' in selection && selection.ids.length === 0;
  // The children and every table at once: nothing waits for the children's ids.
  const [children, maps] = await Promise.all([
    db
      .selectFrom('child')
      .select([
        'id',
        'local_id',
        'first_name',
        'last_name',
        'sex',
        'date_of_birth',
        'ethnicity',
        'upn',
        'uasc',
        'uasc_end',
        'home_postcode',
        'team_id',
      ])
      .where(childCondition(selection))
      .orderBy('id')
      .execute(),
    none ? [] : Promise.all(names.map((t) => perChild(db, t, ofChildren, tables[t]))),
  ]);
  const rows = {} as Record<K, Map<number, unknown>>;
  names.forEach((t, i) => {
    rows[t] = maps[i] ?? new Map();
  });
  return { children, rows: rows as CareRows<K>['rows'] };
}
