// Reading the audit trail: administrators search it; managers see who has viewed a child in their
// scope. Each search is itself audited, in the same transaction.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { NotFoundError, requirePermission } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { childInScope } from '../children/scope.ts';

export const PAGE_SIZE = 50;

export interface AuditFilters {
  /** Username (exact, any case) of the actor. */
  user?: string | undefined;
  childId?: number | undefined;
  /** UK local dates, inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  page: number;
}

export interface AuditEventView {
  id: number;
  at: string;
  actorName: string;
  actorDisplayName: string | null;
  action: string;
  recordType: string;
  recordId: string | null;
  childId: number | null;
  address: string | null;
  reason: string | null;
}

export interface AuditPage {
  events: AuditEventView[];
  page: number;
  pageSize: number;
  total: number;
}

function baseQuery(db: Db) {
  return db.selectFrom('audit_event as e').leftJoin('app_user as u', 'u.id', 'e.actor_id');
}

const columns = [
  'e.id',
  'e.at',
  'e.actor_name',
  'u.display_name',
  'e.action',
  'e.record_type',
  'e.record_id',
  'e.child_id',
  'e.address',
  'e.reason',
] as const;

type Row = {
  id: number;
  at: Date | string;
  actor_name: string;
  display_name: string | null;
  action: string;
  record_type: string;
  record_id: string | null;
  child_id: number | null;
  address: string | null;
  reason: string | null;
};

function toView(r: Row): AuditEventView {
  return {
    id: r.id,
    at: new Date(r.at).toISOString(),
    actorName: r.actor_name,
    actorDisplayName: r.display_name,
    action: r.action,
    recordType: r.record_type,
    recordId: r.record_id,
    childId: r.child_id,
    address: r.address,
    reason: r.reason,
  };
}

export async function searchAudit(db: Db, actor: Actor, f: AuditFilters): Promise<AuditPage> {
  requirePermission(actor, 'audit:read');
  return db.transaction().execute(async (trx) => {
    let q = baseQuery(trx);
    if (f.user)
      q = q.where((eb) => eb(eb.fn('lower', ['e.actor_name']), '=', f.user?.toLowerCase() ?? ''));
    if (f.childId !== undefined) q = q.where('e.child_id', '=', f.childId);
    if (f.from)
      q = q.where(
        'e.at',
        '>=',
        sql<Date>`(${f.from}::date::timestamp at time zone 'Europe/London')`,
      );
    if (f.to)
      q = q.where(
        'e.at',
        '<',
        sql<Date>`((${f.to}::date + 1)::timestamp at time zone 'Europe/London')`,
      );
    const total = await q
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const rows = await q
      .select(columns)
      .orderBy('e.id', 'desc')
      .limit(PAGE_SIZE)
      .offset((f.page - 1) * PAGE_SIZE)
      .execute();
    await audit(trx, actor, {
      action: 'list',
      recordType: 'audit_event',
      childId: f.childId ?? null,
      detail: { user: f.user, childId: f.childId, from: f.from, to: f.to, page: f.page },
    });
    return { events: rows.map(toView), page: f.page, pageSize: PAGE_SIZE, total: total.n };
  });
}

/** Who has viewed or changed a child's record. A child outside the actor's scope is not found. */
export async function childViewers(
  db: Db,
  actor: Actor,
  childId: number,
  page: number,
  opts: { teamScope: boolean },
): Promise<AuditPage> {
  requirePermission(actor, 'audit:child-viewers');
  if (!(await childInScope(db, actor, childId, opts))) throw new NotFoundError();
  return db.transaction().execute(async (trx) => {
    const q = baseQuery(trx).where('e.child_id', '=', childId);
    const total = await q
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const rows = await q
      .select(columns)
      .orderBy('e.id', 'desc')
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE)
      .execute();
    await audit(trx, actor, {
      action: 'read',
      recordType: 'child-viewers',
      recordId: childId,
      childId,
    });
    return { events: rows.map(toView), page, pageSize: PAGE_SIZE, total: total.n };
  });
}
