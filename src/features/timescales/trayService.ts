// A work tray's items: the covered children (or households) are chosen in SQL, under the actor's
// scope and the child and worker filters, before anything is computed; children's open items come
// from the per-child cache (cache.ts: computed from their facts when stale, so recording the event
// clears an item at once); households' facts load in a fixed number of queries and the engine works
// out their items; then the filters, the order (overdue first, then due in the next 14 days, then
// upcoming; each by due date) and the page. The team tray counts items by worker in SQL over the
// cache; for the whole authority (a service manager) it shows only those counts until a worker or
// a child is chosen. Each view is audited ('list'; a CSV download is 'export') in the same
// transaction.
import { expressionBuilder, sql, type Expression, type SqlBool } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Db } from '../../db/connect.ts';
import type { IsoDate } from '../../domain/dates/index.ts';
import { dueItems, sourceOf, type AppliedExtension } from '../../domain/timescales/index.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { ScopeOptions } from '../children/scope.ts';
import { extendHref, householdRecordHref, recordHref } from './links.ts';
import { openChildItems, type OpenItem, type OpenStatus } from './cache.ts';
import { loadCarerInputs } from './loadCarers.ts';
import type { TrayQuery } from './schemas.ts';
import {
  requireTray,
  teamTrayScope,
  TRAYS,
  trayChildren,
  trayHouseholds,
  type TrayId,
} from './trays.ts';

export const PAGE_SIZE = 50;

export interface TrayRow {
  rule: string;
  item: string;
  what: string;
  due: IsoDate;
  status: OpenStatus;
  basis: string;
  source: string;
  whom: { type: 'child' | 'household'; id: number; localId: string | null; name: string };
  worker: { id: number; name: string } | null;
  extension: AppliedExtension | null;
  recordHref: string | null;
  extendHref: string;
}

export interface WorkerCount {
  /** 0: not allocated. */
  workerId: number;
  name: string;
  overdue: number;
  due: number;
}

export interface TrayResult {
  tray: TrayId;
  title: string;
  today: IsoDate;
  counts: Record<OpenStatus, number>;
  total: number;
  page: number;
  pageSize: number;
  items: TrayRow[];
  /** The team tray: open items counted by allocated social worker. */
  workers?: WorkerCount[];
  /** The whole authority's team tray before a worker or child is chosen: counts only, no items. */
  summary?: boolean;
}

const RANK: Record<OpenStatus, number> = { overdue: 0, due: 1, upcoming: 2 };

interface Subject {
  type: 'child' | 'household';
  id: number;
  localId: string | null;
  name: string;
  worker: { id: number; name: string } | null;
  items: readonly OpenItem[];
}

/** The child's allocated social worker now (the open allocation, else the latest ending later). */
const WORKER = sql<
  number | null
>`(select a.user_id from allocation a where a.child_id = child.id and a.role = 'social_worker' and (a.end_date is null or a.end_date >= current_date) order by a.end_date is null desc, a.start_date desc, a.id desc limit 1)`;

/** The tray's children narrowed by the filters that are about the child: worker, name or ID. */
function childCondition(
  tray: TrayId,
  actor: Actor,
  opts: ScopeOptions,
  filters: Pick<TrayQuery, 'worker' | 'child'>,
): Expression<SqlBool> {
  const eb = expressionBuilder<Database, 'child'>();
  const parts = [trayChildren(tray, actor, opts)];
  // A worker: their open allocations (an index lookup), checked again row by row by `matches`.
  if (filters.worker !== undefined)
    parts.push(
      filters.worker === 0
        ? sql<SqlBool>`${WORKER} is null`
        : sql<SqlBool>`exists (select 1 from allocation a where a.child_id = child.id and a.user_id = ${filters.worker} and a.role = 'social_worker' and (a.end_date is null or a.end_date >= current_date))`,
    );
  if (filters.child) {
    const q = filters.child.toLowerCase();
    parts.push(
      sql<SqlBool>`(lower(child.local_id) = ${q} or strpos(lower(child.first_name || ' ' || child.last_name), ${q}) > 0)`,
    );
  }
  return eb.and(parts);
}

async function childSubjects(
  trx: Db,
  where: Expression<SqlBool>,
  today: IsoDate,
): Promise<Subject[]> {
  const children = await trx
    .selectFrom('child')
    .leftJoin('app_user as u', (j) => j.on(sql<SqlBool>`u.id = ${WORKER}`))
    .select(['child.id', 'child.local_id', 'child.first_name', 'child.last_name'])
    .select(['u.id as worker_id', 'u.display_name as worker_name'])
    .where(where)
    .orderBy('child.id')
    .execute();
  if (children.length === 0) return [];
  // The same children by id, so the tray's condition is evaluated once.
  const items = await openChildItems(
    trx,
    sql<SqlBool>`child.id in (${sql.join(children.map((c) => sql.lit(c.id)))})`,
    today,
  );
  return children.map((c): Subject => ({
    type: 'child',
    id: c.id,
    localId: c.local_id,
    name: `${c.first_name} ${c.last_name}`,
    worker: c.worker_id === null ? null : { id: c.worker_id, name: c.worker_name ?? 'Unknown' },
    items: items.get(c.id) ?? [],
  }));
}

async function householdSubjects(db: Db, actor: Actor, today: IsoDate): Promise<Subject[]> {
  const where = trayHouseholds(actor);
  if (where === null) return [];
  const [households, users] = await Promise.all([
    loadCarerInputs(db, where),
    db.selectFrom('app_user').select(['id', 'display_name']).execute(),
  ]);
  const names = new Map(users.map((u) => [u.id, u.display_name]));
  return households.map((h) => ({
    type: 'household',
    id: h.id,
    localId: null,
    name: h.name,
    worker:
      h.supervisingWorkerId === null
        ? null
        : { id: h.supervisingWorkerId, name: names.get(h.supervisingWorkerId) ?? 'Unknown' },
    items: dueItems(h.input, today).flatMap((i): OpenItem[] =>
      i.status === 'done'
        ? []
        : [
            {
              rule: i.rule,
              item: i.item,
              what: i.what,
              due: i.due,
              status: i.status,
              basis: i.basis,
              extension: i.extension ?? null,
            },
          ],
    ),
  }));
}

function toRow(s: Subject, item: OpenItem): TrayRow {
  const whom = s.type === 'child' ? { child: s.id } : { household: s.id };
  return {
    rule: item.rule,
    item: item.item,
    what: item.what,
    due: item.due,
    status: item.status,
    basis: item.basis,
    source: sourceOf(item.rule),
    whom: { type: s.type, id: s.id, localId: s.localId, name: s.name },
    worker: s.worker,
    extension: item.extension,
    recordHref:
      s.type === 'child' ? recordHref(item.rule, s.id) : householdRecordHref(item.rule, s.id),
    extendHref: extendHref(whom, item.rule, item.item),
  };
}

type Filters = Partial<Omit<TrayQuery, 'page'>>;

/**
 * Every open item of the tray for this actor, in tray order (no paging). Filters about the child
 * (worker, name or ID) are applied in SQL; the rest by `matches`. Must run in a transaction.
 */
export async function openItems(
  trx: Db,
  actor: Actor,
  tray: TrayId,
  today: IsoDate,
  opts: ScopeOptions,
  filters: Filters = {},
): Promise<TrayRow[]> {
  const def = TRAYS[tray];
  const subjects =
    def.subject === 'household'
      ? await householdSubjects(trx, actor, today)
      : await childSubjects(trx, childCondition(tray, actor, opts, filters), today);
  const rules = def.rules ? new Set<string>(def.rules) : null;
  const rows: TrayRow[] = [];
  for (const s of subjects)
    for (const item of s.items) {
      if (rules && !rules.has(item.rule)) continue;
      rows.push(toRow(s, item));
    }
  return rows.sort(
    (a, b) =>
      RANK[a.status] - RANK[b.status] ||
      (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) ||
      a.whom.name.localeCompare(b.whom.name) ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}

function matches(row: TrayRow, f: Filters): boolean {
  if (f.rule && row.rule !== f.rule) return false;
  if (f.status && row.status !== f.status) return false;
  if (f.worker !== undefined && (row.worker?.id ?? 0) !== f.worker) return false;
  if (f.dueBefore && row.due >= f.dueBefore) return false;
  if (f.child) {
    const q = f.child.toLowerCase();
    if (row.whom.localId?.toLowerCase() !== q && !row.whom.name.toLowerCase().includes(q))
      return false;
  }
  return true;
}

interface CountRow {
  worker_id: number;
  name: string;
  overdue: number;
  due: number;
  upcoming: number;
}

/** Each child's allocated social worker now, as a set (the same choice as WORKER). */
const CURRENT_WORKERS = sql`(select distinct on (a.child_id) a.child_id, a.user_id from allocation a where a.role = 'social_worker' and (a.end_date is null or a.end_date >= current_date) order by a.child_id, a.end_date is null desc, a.start_date desc, a.id desc)`;

/**
 * Open items of a child tray counted by allocated social worker, in SQL over the cache: the rule
 * and due-before filters apply; status and worker do not. Unfiltered, the per-child counts stored
 * with the items are summed, and one query also says whether any child's row is stale (then the
 * cache is brought up to date and the counts taken again).
 */
async function countsByWorker(
  trx: Db,
  tray: TrayId,
  where: Expression<SqlBool>,
  today: IsoDate,
  filters: Filters,
  wholeAuthority: boolean,
): Promise<CountRow[]> {
  const rules = TRAYS[tray].rules;
  // The whole authority joins every child's current worker as a set; a team looks each one up.
  const workers = wholeAuthority
    ? sql`left join ${CURRENT_WORKERS} w on w.child_id = child.id left join app_user u on u.id = w.user_id`
    : sql`left join app_user u on u.id = ${WORKER}`;
  if (!rules && !filters.rule && !filters.dueBefore) {
    const count = async (usable: Expression<SqlBool>) =>
      (
        await sql<CountRow & { stale: number }>`
        select coalesce(u.id, 0) as worker_id, coalesce(u.display_name, 'Not allocated') as name,
          coalesce(sum(c.overdue) filter (where ${usable}), 0)::integer as overdue,
          coalesce(sum(c.due) filter (where ${usable}), 0)::integer as due,
          coalesce(sum(c.upcoming) filter (where ${usable}), 0)::integer as upcoming,
          count(*) filter (where not coalesce(${usable}, false))::integer as stale
        from child
        left join due_item_cache c on c.child_id = child.id
        ${workers}
        where ${where}
        group by 1, 2`.execute(trx)
      ).rows;
    const first = await count(
      sql<SqlBool>`(c.computed_on = ${today}::date and c.computed_version = c.facts_version)`,
    );
    if (first.every((r) => r.stale === 0)) return first;
    await openChildItems(trx, where, today, { itemsWanted: false });
    // A row a concurrent write made stale since is counted as computed today.
    return count(sql<SqlBool>`c.computed_on = ${today}::date`);
  }
  await openChildItems(trx, where, today, { itemsWanted: false });
  const conditions = [sql<SqlBool>`c.computed_on = ${today}::date`];
  if (rules) conditions.push(sql<SqlBool>`e->>'rule' in (${sql.join(rules)})`);
  if (filters.rule) conditions.push(sql<SqlBool>`e->>'rule' = ${filters.rule}`);
  if (filters.dueBefore) conditions.push(sql<SqlBool>`e->>'due' < ${filters.dueBefore}`);
  const { rows } = await sql<CountRow>`
    select coalesce(u.id, 0) as worker_id, coalesce(u.display_name, 'Not allocated') as name,
      count(*) filter (where e->>'status' = 'overdue')::integer as overdue,
      count(*) filter (where e->>'status' = 'due')::integer as due,
      count(*) filter (where e->>'status' = 'upcoming')::integer as upcoming
    from child
    join due_item_cache c on c.child_id = child.id
    cross join lateral jsonb_array_elements(c.items) e
    ${workers}
    where ${where} and ${sql.join(conditions, sql` and `)}
    group by 1, 2`.execute(trx);
  return rows;
}

function workerTable(rows: readonly CountRow[]): WorkerCount[] {
  return rows
    .filter((r) => r.overdue + r.due > 0)
    .map((r) => ({ workerId: r.worker_id, name: r.name, overdue: r.overdue, due: r.due }))
    .sort((a, b) => b.overdue - a.overdue || b.due - a.due || a.name.localeCompare(b.name));
}

/**
 * One page of a tray (all rows when `all`), with counts by status over the tray's filters other
 * than status. Audited as 'list' (or 'export' for a download) in the same transaction.
 */
export async function readTray(
  db: Db,
  actor: Actor,
  tray: TrayId,
  filters: TrayQuery,
  today: IsoDate,
  opts: ScopeOptions & { all?: boolean },
): Promise<TrayResult> {
  requireTray(tray, actor);
  return db.transaction().execute(async (trx) => {
    const team = tray === 'team';
    // The whole authority's team view lists no items until a worker or a child is chosen.
    const summary =
      team &&
      !opts.all &&
      teamTrayScope(actor) === 'all' &&
      filters.worker === undefined &&
      !filters.child;
    // Counts by worker for a team; for the whole authority only until a worker is chosen.
    const withWorkers = team && !(teamTrayScope(actor) === 'all' && filters.worker !== undefined);
    const byWorker = withWorkers
      ? await countsByWorker(
          trx,
          tray,
          childCondition(tray, actor, opts, { child: filters.child }),
          today,
          filters,
          teamTrayScope(actor) === 'all',
        )
      : [];
    const counts = { overdue: 0, due: 0, upcoming: 0 };
    let filtered: TrayRow[] = [];
    if (summary) {
      for (const w of byWorker) {
        counts.overdue += w.overdue;
        counts.due += w.due;
        counts.upcoming += w.upcoming;
      }
    } else {
      for (const r of await openItems(trx, actor, tray, today, opts, filters)) {
        if (!matches(r, { ...filters, status: undefined })) continue;
        counts[r.status]++;
        if (!filters.status || r.status === filters.status) filtered.push(r);
      }
    }
    const total = summary
      ? filters.status
        ? counts[filters.status]
        : counts.overdue + counts.due + counts.upcoming
      : filtered.length;
    const page = opts.all ? 1 : filters.page;
    if (!opts.all) filtered = filtered.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    await audit(trx, actor, {
      action: opts.all ? 'export' : 'list',
      recordType: 'due-items',
      recordId: tray,
      detail: { ...filters, today, total },
    });
    const result: TrayResult = {
      tray,
      title: TRAYS[tray].title,
      today,
      counts,
      total,
      page,
      pageSize: opts.all ? total : PAGE_SIZE,
      items: filtered,
    };
    if (withWorkers) result.workers = workerTable(byWorker);
    if (summary) result.summary = true;
    return result;
  });
}

/** Open counts for the home page (not audited: figures about the actor's own work, no records). */
export async function trayCounts(
  db: Db,
  actor: Actor,
  tray: TrayId,
  today: IsoDate,
  opts: ScopeOptions,
): Promise<Record<OpenStatus, number>> {
  return db.transaction().execute(async (trx) => {
    const counts = { overdue: 0, due: 0, upcoming: 0 };
    if (tray === 'team') {
      for (const w of await countsByWorker(
        trx,
        tray,
        childCondition(tray, actor, opts, {}),
        today,
        {},
        teamTrayScope(actor) === 'all',
      )) {
        counts.overdue += w.overdue;
        counts.due += w.due;
        counts.upcoming += w.upcoming;
      }
      return counts;
    }
    for (const r of await openItems(trx, actor, tray, today, opts)) counts[r.status]++;
    return counts;
  });
}
