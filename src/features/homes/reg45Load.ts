// Reads what a home's Regulation 45 position is worked out from: its reviews' dates and its first
// record in Hearth (the earliest placement in it or Regulation 44 visit to it), for many homes in
// two queries (run in the caller's transaction). The rules are in reg45.ts.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { reg45Status, reportDue, type Reg45Status } from './reg45.ts';

export interface Reg45ReviewView {
  id: number;
  periodStart: string;
  periodEnd: string;
  completedOn: string;
  sentToOfstedOn: string | null;
  summary: string;
  actions: string | null;
  version: number;
  reportDue: string;
  reportStatus: 'sent' | 'sent_late' | 'due' | 'overdue';
}

export async function reg45ByHome(
  db: Db,
  ids: readonly number[],
  today: string,
): Promise<Map<number, Reg45Status>> {
  const out = new Map<number, Reg45Status>();
  if (ids.length === 0) return out;
  const reviews = await db
    .selectFrom('reg45_review')
    .select(['home_id', 'period_end', 'completed_on', 'sent_to_ofsted_on'])
    .where('home_id', 'in', ids)
    .execute();
  const first = await db
    .selectFrom('home as h')
    .select('h.id')
    .select(
      sql<string | null>`least(
          (select min(p.start_date) from placement p where p.home_id = h.id),
          (select min(v.visit_date) from reg44_visit v where v.home_id = h.id))::text`.as('first'),
    )
    .where('h.id', 'in', ids)
    .execute();
  const byHome = new Map<
    number,
    { periodEnd: string; completedOn: string; sentToOfstedOn: string | null }[]
  >();
  for (const r of reviews) {
    const list = byHome.get(r.home_id) ?? [];
    list.push({
      periodEnd: r.period_end,
      completedOn: r.completed_on,
      sentToOfstedOn: r.sent_to_ofsted_on,
    });
    byHome.set(r.home_id, list);
  }
  for (const h of first) out.set(h.id, reg45Status(byHome.get(h.id) ?? [], h.first, today));
  return out;
}

type Row = {
  id: number;
  period_start: string;
  period_end: string;
  completed_on: string;
  sent_to_ofsted_on: string | null;
  summary: string;
  actions: string | null;
  version: number;
};

export function reviewView(r: Row, today: string): Reg45ReviewView {
  const due = reportDue(
    { periodEnd: r.period_end, completedOn: r.completed_on, sentToOfstedOn: r.sent_to_ofsted_on },
    today,
  );
  return {
    id: r.id,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    completedOn: r.completed_on,
    sentToOfstedOn: r.sent_to_ofsted_on,
    summary: r.summary,
    actions: r.actions,
    version: r.version,
    reportDue: due.due,
    reportStatus: due.status,
  };
}

/** A home's reviews, newest period first. */
export async function reviewsOf(db: Db, homeId: number, today: string): Promise<Reg45ReviewView[]> {
  const rows = await db
    .selectFrom('reg45_review')
    .selectAll()
    .where('home_id', '=', homeId)
    .orderBy('period_end', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => reviewView(r, today));
}
