// A work tray's items: the covered children (or households) are chosen in SQL, under the actor's
// scope, before anything is computed; their facts load in a fixed number of queries; the engine
// works out the items; done items drop out (recording the event clears an item); then the filters,
// the order (overdue first, then due in the next 14 days, then upcoming; each by due date) and the
// page. Each view is audited ('list'; a CSV download is 'export') in the same transaction.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { IsoDate } from '../../domain/dates/index.ts';
import {
  dueItems,
  type AppliedExtension,
  type DueItem,
  type TimescaleInput,
} from '../../domain/timescales/index.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { ScopeOptions } from '../children/scope.ts';
import { extendHref, householdRecordHref, recordHref } from './links.ts';
import { loadTimescaleInputs } from './load.ts';
import { loadCarerInputs } from './loadCarers.ts';
import type { TrayQuery } from './schemas.ts';
import { requireTray, TRAYS, trayChildren, trayHouseholds, type TrayId } from './trays.ts';

export const PAGE_SIZE = 50;

type OpenStatus = 'overdue' | 'due' | 'upcoming';

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
}

const RANK: Record<OpenStatus, number> = { overdue: 0, due: 1, upcoming: 2 };

interface Subject {
  type: 'child' | 'household';
  id: number;
  localId: string | null;
  name: string;
  worker: { id: number; name: string } | null;
  input: TimescaleInput;
}

async function childSubjects(db: Db, tray: TrayId, actor: Actor, opts: ScopeOptions) {
  const children = await loadTimescaleInputs(db, trayChildren(tray, actor, opts));
  const workers =
    children.length === 0
      ? []
      : await db
          .selectFrom('allocation as a')
          .innerJoin('app_user as u', 'u.id', 'a.user_id')
          .select(['a.child_id', 'u.id', 'u.display_name'])
          .where('a.role', '=', 'social_worker')
          .where(sql<boolean>`(a.end_date is null or a.end_date >= current_date)`)
          .where(
            'a.child_id',
            'in',
            children.map((c) => c.id),
          )
          .execute();
  const workerOf = new Map(workers.map((w) => [w.child_id, { id: w.id, name: w.display_name }]));
  return children.map((c): Subject => ({
    type: 'child',
    id: c.id,
    localId: c.localId,
    name: c.name,
    worker: workerOf.get(c.id) ?? null,
    input: c.input,
  }));
}

async function householdSubjects(db: Db, actor: Actor): Promise<Subject[]> {
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
    input: h.input,
  }));
}

function toRow(s: Subject, item: DueItem): TrayRow {
  const whom = s.type === 'child' ? { child: s.id } : { household: s.id };
  return {
    rule: item.rule,
    item: item.item,
    what: item.what,
    due: item.due,
    status: item.status as OpenStatus,
    basis: item.basis,
    source: item.source,
    whom: { type: s.type, id: s.id, localId: s.localId, name: s.name },
    worker: s.worker,
    extension: item.extension ?? null,
    recordHref:
      s.type === 'child' ? recordHref(item.rule, s.id) : householdRecordHref(item.rule, s.id),
    extendHref: extendHref(whom, item.rule, item.item),
  };
}

/** Every open item of the tray for this actor, in tray order (no filters, no paging). */
export async function openItems(
  db: Db,
  actor: Actor,
  tray: TrayId,
  today: IsoDate,
  opts: ScopeOptions,
): Promise<TrayRow[]> {
  const def = TRAYS[tray];
  const subjects =
    def.subject === 'household'
      ? await householdSubjects(db, actor)
      : await childSubjects(db, tray, actor, opts);
  const rules = def.rules ? new Set<string>(def.rules) : null;
  const rows: TrayRow[] = [];
  for (const s of subjects)
    for (const item of dueItems(s.input, today)) {
      if (item.status === 'done') continue;
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

function matches(row: TrayRow, f: TrayQuery): boolean {
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

function countByWorker(rows: readonly TrayRow[]): WorkerCount[] {
  const by = new Map<number, WorkerCount>();
  for (const r of rows) {
    if (r.status === 'upcoming') continue;
    const id = r.worker?.id ?? 0;
    let w = by.get(id);
    if (!w) {
      w = { workerId: id, name: r.worker?.name ?? 'Not allocated', overdue: 0, due: 0 };
      by.set(id, w);
    }
    if (r.status === 'overdue') w.overdue++;
    else w.due++;
  }
  return [...by.values()].sort(
    (a, b) => b.overdue - a.overdue || b.due - a.due || a.name.localeCompare(b.name),
  );
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
    const rows = await openItems(trx, actor, tray, today, opts);
    const counts = { overdue: 0, due: 0, upcoming: 0 };
    const filtered: TrayRow[] = [];
    for (const r of rows) {
      if (!matches(r, { ...filters, status: undefined })) continue;
      counts[r.status]++;
      if (!filters.status || r.status === filters.status) filtered.push(r);
    }
    const page = opts.all ? 1 : filters.page;
    const items = opts.all ? filtered : filtered.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    await audit(trx, actor, {
      action: opts.all ? 'export' : 'list',
      recordType: 'due-items',
      recordId: tray,
      detail: { ...filters, today, total: filtered.length },
    });
    const result: TrayResult = {
      tray,
      title: TRAYS[tray].title,
      today,
      counts,
      total: filtered.length,
      page,
      pageSize: opts.all ? filtered.length : PAGE_SIZE,
      items,
    };
    if (tray === 'team')
      result.workers = countByWorker(
        rows.filter((r) => matches(r, { ...filters, worker: undefined, status: undefined })),
      );
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
  const counts = { overdue: 0, due: 0, upcoming: 0 };
  for (const r of await openItems(db, actor, tray, today, opts)) counts[r.status]++;
  return counts;
}
