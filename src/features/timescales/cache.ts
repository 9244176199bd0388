// A per-child cache of open due items (migration 0031-due-item-cache), so a tray does not load
// every child's facts and rerun the engine on each view.
//
// Correctness: every write to a fact the engine reads bumps the child's `facts_version` through a
// statement-level trigger, in the writer's own transaction. A reader:
//   1. reads each selected child's `facts_version` (v) and, where the row is fresh
//      (`computed_version = facts_version` and `computed_on = today`), its items;
//   2. for the rest, loads the facts (read after v, so at least as new) and runs the engine;
//   3. stores those items `where facts_version = v`. A write committed (or in progress) since step 1
//      has bumped the version, so the store is skipped and the next view recomputes.
// So an item disappears as soon as the event that satisfies it is committed. The store runs under a
// savepoint: if it fails (for example a lock conflict with a writer), the request goes on with the
// items it computed and nothing is cached.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { IsoDate } from '../../domain/dates/index.ts';
import { dueItems, type AppliedExtension, type RuleId } from '../../domain/timescales/index.ts';
import { loadTimescaleInputs } from './load.ts';

export type OpenStatus = 'overdue' | 'due' | 'upcoming';

/** One open (not done) due item, as cached. */
export interface OpenItem {
  rule: RuleId;
  item: string;
  what: string;
  due: IsoDate;
  status: OpenStatus;
  basis: string;
  extension: AppliedExtension | null;
}

/** How many children's facts are loaded, computed and stored at once. */
const CHUNK = 1000;

export interface CacheStats {
  fresh: number;
  computed: number;
  stored: number;
}

/** Open items of one child's facts (done items dropped: recording the event clears an item). */
function openItemsOf(input: Parameters<typeof dueItems>[0], today: IsoDate): OpenItem[] {
  const out: OpenItem[] = [];
  for (const i of dueItems(input, today)) {
    if (i.status === 'done') continue;
    out.push({
      rule: i.rule,
      item: i.item,
      what: i.what,
      due: i.due,
      status: i.status,
      basis: i.basis,
      extension: i.extension ?? null,
    });
  }
  return out;
}

function parseItems(value: unknown): OpenItem[] {
  // jsonb comes back parsed from pg; PGlite may hand back text.
  return (typeof value === 'string' ? JSON.parse(value) : value) as OpenItem[];
}

/** Stores computed items for children whose facts are still at version `v` (see the header). */
export async function storeOpenItems(
  db: Db,
  rows: { child_id: number; v: number; items: OpenItem[] }[],
  today: IsoDate,
): Promise<number> {
  if (rows.length === 0) return 0;
  await sql`savepoint due_item_cache_store`.execute(db);
  try {
    const res = await sql`
      insert into due_item_cache as c
        (child_id, facts_version, computed_version, computed_on, items, overdue, due, upcoming)
      select r.child_id, r.v, r.v, ${today}::date, r.items,
        (select count(*) from jsonb_array_elements(r.items) e where e->>'status' = 'overdue'),
        (select count(*) from jsonb_array_elements(r.items) e where e->>'status' = 'due'),
        (select count(*) from jsonb_array_elements(r.items) e where e->>'status' = 'upcoming')
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(child_id integer, v bigint, items jsonb)
      order by r.child_id
      on conflict (child_id) do update
        set computed_version = excluded.computed_version,
            computed_on = excluded.computed_on,
            items = excluded.items,
            overdue = excluded.overdue,
            due = excluded.due,
            upcoming = excluded.upcoming
        where c.facts_version = excluded.computed_version`.execute(db);
    await sql`release savepoint due_item_cache_store`.execute(db);
    return Number(res.numAffectedRows ?? 0);
  } catch {
    await sql`rollback to savepoint due_item_cache_store`.execute(db);
    return 0;
  }
}

/**
 * Open items of every child matching `where` (a condition over `child`), by child.id. Must run in
 * a transaction (the store uses a savepoint). With `itemsWanted: false` the cache is only brought up
 * to date (for an aggregate over it in SQL) and the map is empty.
 */
export async function openChildItems(
  trx: Db,
  where: Expression<SqlBool>,
  today: IsoDate,
  opts: { itemsWanted?: boolean; stats?: CacheStats } = {},
): Promise<Map<number, OpenItem[]>> {
  const wanted = opts.itemsWanted ?? true;
  const fresh = sql<boolean>`(c.computed_on = ${today}::date and c.computed_version = c.facts_version)`;
  let query = trx
    .selectFrom('child')
    .leftJoin('due_item_cache as c', 'c.child_id', 'child.id')
    .select([
      'child.id',
      sql<number>`coalesce(c.facts_version, 0)`.as('v'),
      sql<boolean>`coalesce(${fresh}, false)`.as('fresh'),
      wanted ? sql`case when ${fresh} then c.items end`.as('items') : sql`null`.as('items'),
    ])
    .where(where);
  // Only bringing the cache up to date: fetch only the stale children.
  if (!wanted) query = query.where(sql<SqlBool>`not coalesce(${fresh}, false)`);
  const rows = await query.orderBy('child.id').execute();
  const out = new Map<number, OpenItem[]>();
  const stale: { id: number; v: number }[] = [];
  for (const r of rows) {
    if (r.fresh) {
      if (wanted) out.set(r.id, parseItems(r.items));
    } else stale.push({ id: r.id, v: r.v });
  }
  if (opts.stats && wanted) opts.stats.fresh += rows.length - stale.length;
  for (let i = 0; i < stale.length; i += CHUNK) {
    const part = stale.slice(i, i + CHUNK);
    const version = new Map(part.map((s) => [s.id, s.v]));
    const loaded = await loadTimescaleInputs(trx, { ids: part.map((s) => s.id) });
    const computed = loaded.map((c) => ({
      child_id: c.id,
      v: version.get(c.id) ?? 0,
      items: openItemsOf(c.input, today),
    }));
    const stored = await storeOpenItems(trx, computed, today);
    if (opts.stats) {
      opts.stats.computed += computed.length;
      opts.stats.stored += stored;
    }
    if (wanted) for (const c of computed) out.set(c.child_id, c.items);
  }
  return out;
}
