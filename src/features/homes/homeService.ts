// Children's homes run by the council: beds, occupancy now (open placements), vacancies, Ofsted
// grade, the needs their statement of purpose covers, and Regulation 44 visits. Residential managers
// see the homes they manage (home_manager); placement officers and managers see every in-house
// home. Recording needs home:write and, for a residential manager, a home they manage. A home
// outside that is "not found".
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Role } from '../../platform/access/roles.ts';
import { can, NotFoundError, requirePermission } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { ProblemError } from '../../platform/http/problem.ts';
import { OFSTED_GRADE_LABELS } from '../children/codes.ts';
import type { Reg45Status } from './reg45.ts';
import { reg45ByHome, reviewsOf, type Reg45ReviewView } from './reg45Load.ts';
import type { Reg44Input, Reg44Update } from './schemas.ts';
import { reg44Months, type MonthStatus } from './visits.ts';

/** Roles that see every in-house home; a residential manager alone sees only their own. */
const ALL_HOMES: readonly Role[] = ['placement_officer', 'team_manager', 'service_manager'];

export function onlyOwnHomes(actor: Actor): boolean {
  return !actor.system && !actor.roles.some((r) => ALL_HOMES.includes(r));
}

export interface HomeListItem {
  id: number;
  name: string;
  beds: number;
  occupied: number;
  vacancies: number;
  grade: string | null;
  specialist: boolean;
  categories: string[];
  weeklyCost: number | null;
  lastReg44Visit: string | null;
  missedMonths: number;
  reg45: Reg45Status;
}

export interface Reg44VisitView {
  id: number;
  visitDate: string;
  visitor: string;
  reportReceived: string | null;
  recommendations: string | null;
  version: number;
}

export interface HomeVisitsView extends HomeListItem {
  months: MonthStatus[];
  visits: Reg44VisitView[];
  reviews: Reg45ReviewView[];
  canRecord: boolean;
}

function homesQuery(db: Db, actor: Actor, today: string) {
  let q = db
    .selectFrom('home')
    .innerJoin('provider', 'provider.id', 'home.provider_id')
    .select([
      'home.id',
      'home.name',
      'home.beds',
      'home.grade',
      'home.specialist',
      'home.categories',
      'home.weekly_cost',
    ])
    // Children placed now, counted in one grouped scan rather than once per home.
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('placement as p')
          .select(['p.home_id'])
          .select(sql<number>`count(*)::int`.as('n'))
          .where('p.home_id', 'is not', null)
          .where('p.start_date', '<=', today)
          .where((w) => w.or([w('p.end_date', 'is', null), w('p.end_date', '>=', today)]))
          .groupBy('p.home_id')
          .as('occ'),
      (j) => j.onRef('occ.home_id', '=', 'home.id'),
    )
    .select(sql<number>`coalesce(occ.n, 0)`.as('occupied'))
    .where('provider.kind', '=', 'in_house')
    .where((eb) => eb.or([eb('home.closed_on', 'is', null), eb('home.closed_on', '>', today)]));
  if (onlyOwnHomes(actor))
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('home_manager')
          .select(sql`1`.as('one'))
          .whereRef('home_manager.home_id', '=', 'home.id')
          .where('home_manager.user_id', '=', actor.userId),
      ),
    );
  return q;
}

type HomeRow = Awaited<ReturnType<ReturnType<typeof homesQuery>['execute']>>[number];

const NO_REG45: Reg45Status = {
  lastPeriodEnd: null,
  reviewDue: null,
  reviewOverdue: false,
  reportsOverdue: 0,
};

function listItem(
  h: HomeRow,
  visitDates: string[],
  reg45: Reg45Status | undefined,
  today: string,
): HomeListItem {
  const months = reg44Months(visitDates, today);
  return {
    id: h.id,
    name: h.name,
    beds: h.beds,
    occupied: h.occupied,
    vacancies: Math.max(0, h.beds - h.occupied),
    grade: h.grade ? (OFSTED_GRADE_LABELS[h.grade] ?? h.grade) : null,
    specialist: h.specialist,
    categories: h.categories,
    weeklyCost: h.weekly_cost,
    lastReg44Visit: visitDates.reduce<string | null>((a, d) => (a === null || d > a ? d : a), null),
    missedMonths: months.filter((m) => m.status === 'missed').length,
    reg45: reg45 ?? NO_REG45,
  };
}

async function visitDatesByHome(db: Db, ids: number[], today: string) {
  const out = new Map<number, string[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('reg44_visit')
    .select(['home_id', 'visit_date'])
    .where('home_id', 'in', ids)
    .where('visit_date', '<=', today)
    .execute();
  for (const r of rows) {
    const list = out.get(r.home_id) ?? [];
    list.push(r.visit_date);
    out.set(r.home_id, list);
  }
  return out;
}

export type HomeFlag = 'review-overdue' | 'report-overdue';

/**
 * The homes in the actor's scope (filtered in SQL). `flag` keeps only those whose Regulation 45
 * review or report is overdue: worked out by the pure rules in reg45.ts over the few in-house homes.
 */
export async function listHomes(
  db: Db,
  actor: Actor,
  today: string,
  flag?: HomeFlag,
): Promise<HomeListItem[]> {
  requirePermission(actor, 'home:read');
  return db.transaction().execute(async (trx) => {
    const homes = await homesQuery(trx, actor, today).orderBy('home.name').execute();
    const ids = homes.map((h) => h.id);
    const dates = await visitDatesByHome(trx, ids, today);
    const reg45 = await reg45ByHome(trx, ids, today);
    await audit(trx, actor, {
      action: 'list',
      recordType: 'home',
      detail: flag ? { flag } : undefined,
    });
    const items = homes.map((h) => listItem(h, dates.get(h.id) ?? [], reg45.get(h.id), today));
    if (flag === 'review-overdue') return items.filter((h) => h.reg45.reviewOverdue);
    if (flag === 'report-overdue') return items.filter((h) => h.reg45.reportsOverdue > 0);
    return items;
  });
}

/** The home if the actor may see it (in-house, open, and theirs for a residential manager). */
export async function loadHome(trx: Db, actor: Actor, id: number, today: string): Promise<HomeRow> {
  const h = await homesQuery(trx, actor, today).where('home.id', '=', id).executeTakeFirst();
  if (!h) throw new NotFoundError();
  return h;
}

export async function readHomeVisits(
  db: Db,
  actor: Actor,
  id: number,
  today: string,
): Promise<HomeVisitsView> {
  requirePermission(actor, 'home:read');
  return db.transaction().execute(async (trx) => {
    const h = await loadHome(trx, actor, id, today);
    const visits = await trx
      .selectFrom('reg44_visit')
      .selectAll()
      .where('home_id', '=', id)
      .orderBy('visit_date', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const dates = visits.filter((v) => v.visit_date <= today).map((v) => v.visit_date);
    const reg45 = await reg45ByHome(trx, [id], today);
    const reviews = await reviewsOf(trx, id, today);
    await audit(trx, actor, { action: 'read', recordType: 'home', recordId: id });
    return {
      ...listItem(h, dates, reg45.get(id), today),
      reviews,
      months: reg44Months(dates, today),
      visits: visits.map((v) => ({
        id: v.id,
        visitDate: v.visit_date,
        visitor: v.visitor,
        reportReceived: v.report_received,
        recommendations: v.recommendations,
        version: v.version,
      })),
      canRecord: can(actor, 'home:write'),
    };
  });
}

export class VisitProblems extends Error {
  readonly problems: Record<string, string>;
  constructor(problems: Record<string, string>) {
    super('The visit could not be recorded');
    this.problems = problems;
  }
}

export async function recordReg44Visit(
  db: Db,
  actor: Actor,
  homeId: number,
  input: Reg44Input,
  today: string,
): Promise<{ id: number }> {
  requirePermission(actor, 'home:write');
  return db.transaction().execute(async (trx) => {
    await loadHome(trx, actor, homeId, today);
    if (input.visitDate > today)
      throw new VisitProblems({ visitDate: 'The date of the visit must be today or in the past' });
    if (input.reportReceived !== null && input.reportReceived > today)
      throw new VisitProblems({
        reportReceived: 'The date the report was received must be today or in the past',
      });
    const row = await trx
      .insertInto('reg44_visit')
      .values({
        home_id: homeId,
        visit_date: input.visitDate,
        visitor: input.visitor,
        report_received: input.reportReceived,
        recommendations: input.recommendations,
        recorded_by: actor.system ? null : actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, {
      action: 'create',
      recordType: 'reg44_visit',
      recordId: row.id,
      detail: { homeId },
    });
    return row;
  });
}

export const CONFLICT_MESSAGE =
  'Someone else changed this visit after you opened it. Check the current values and try again.';

/** Records the report's arrival and the recommendations on a visit, with optimistic locking. */
export async function updateReg44Visit(
  db: Db,
  actor: Actor,
  homeId: number,
  visitId: number,
  input: Reg44Update,
  today: string,
): Promise<Reg44VisitView> {
  requirePermission(actor, 'home:write');
  return db.transaction().execute(async (trx) => {
    await loadHome(trx, actor, homeId, today);
    const current = await trx
      .selectFrom('reg44_visit')
      .selectAll()
      .where('id', '=', visitId)
      .where('home_id', '=', homeId)
      .executeTakeFirst();
    if (!current) throw new NotFoundError();
    const view = (v: typeof current): Reg44VisitView => ({
      id: v.id,
      visitDate: v.visit_date,
      visitor: v.visitor,
      reportReceived: v.report_received,
      recommendations: v.recommendations,
      version: v.version,
    });
    if (current.version !== input.version)
      throw new ProblemError(409, 'Conflict', CONFLICT_MESSAGE, undefined, {
        current: view(current),
      });
    if (input.reportReceived !== null && input.reportReceived < current.visit_date)
      throw new VisitProblems({
        reportReceived: 'The report cannot be received before the visit',
      });
    if (input.reportReceived !== null && input.reportReceived > today)
      throw new VisitProblems({
        reportReceived: 'The date the report was received must be today or in the past',
      });
    const updated = await trx
      .updateTable('reg44_visit')
      .set({
        report_received: input.reportReceived,
        recommendations: input.recommendations,
        version: current.version + 1,
      })
      .where('id', '=', visitId)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated)
      throw new ProblemError(409, 'Conflict', CONFLICT_MESSAGE, undefined, {
        current: view(current),
      });
    await audit(trx, actor, {
      action: 'update',
      recordType: 'reg44_visit',
      recordId: visitId,
      detail: { homeId },
    });
    return view(updated);
  });
}
