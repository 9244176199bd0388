// Fostering households: the list (search by name or postcode district, filter by status) and one
// household with its carers and the children placed there now. Children are named only when the
// actor may see them (childScope, in SQL); the rest are counted.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { NotFoundError, requirePermission } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { APPROVAL_TYPE_LABELS, HOUSEHOLD_STATUS_LABELS, meaning } from '../children/codes.ts';
import { childScope, type ScopeOptions } from '../children/scope.ts';
import { postcodeDistrict } from '../children/summary.ts';

export const PAGE_SIZE = 50;

export interface HouseholdListItem {
  id: number;
  name: string;
  approvalType: string;
  status: string;
  places: number;
  placedNow: number;
  postcodeDistrict: string | null;
  supervisingWorker: string | null;
}

const openPlacements = sql<number>`(select count(*)::int from placement p where p.fostering_household_id = h.id and (p.end_date is null or p.end_date >= current_date) and p.start_date <= current_date)`;

export async function listHouseholds(
  db: Db,
  actor: Actor,
  f: {
    q?: string | undefined;
    status?: string | undefined;
    mine?: boolean | undefined;
    page: number;
  },
): Promise<{ households: HouseholdListItem[]; page: number; pageSize: number; total: number }> {
  requirePermission(actor, 'carer:read');
  return db.transaction().execute(async (trx) => {
    let q = trx
      .selectFrom('fostering_household as h')
      .leftJoin('app_user as u', 'u.id', 'h.supervising_worker_id')
      // Enquiries that withdrew before approval are left out unless asked for by their status.
      .where('h.status', f.status === 'withdrawn' ? '=' : '<>', 'withdrawn');
    if (f.q) {
      const text = f.q
        .trim()
        .toLowerCase()
        .replace(/[\\%_]/g, (c) => `\\${c}`);
      q = q.where((eb) =>
        eb.or([
          eb(eb.fn('lower', ['h.name']), 'like', `%${text}%`),
          eb(sql`lower(replace(h.postcode, ' ', ''))`, 'like', `${text.replace(/\s+/g, '')}%`),
        ]),
      );
    }
    if (f.status) q = q.where('h.status', '=', f.status as 'approved');
    if (f.mine) q = q.where('h.supervising_worker_id', '=', actor.userId);
    const total = await q
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    const rows = await q
      .select([
        'h.id',
        'h.name',
        'h.approval_type',
        'h.status',
        'h.approved_places',
        'h.postcode',
        'u.display_name',
      ])
      .select(openPlacements.as('placed'))
      .orderBy(sql`lower(h.name)`)
      .orderBy('h.id')
      .limit(PAGE_SIZE)
      .offset((f.page - 1) * PAGE_SIZE)
      .execute();
    await audit(trx, actor, { action: 'list', recordType: 'fostering_household', detail: f });
    return {
      households: rows.map((r) => ({
        id: r.id,
        name: r.name,
        approvalType: APPROVAL_TYPE_LABELS[r.approval_type] ?? r.approval_type,
        status: HOUSEHOLD_STATUS_LABELS[r.status] ?? r.status,
        places: r.approved_places,
        placedNow: r.placed,
        postcodeDistrict: postcodeDistrict(r.postcode),
        supervisingWorker: r.display_name,
      })),
      page: f.page,
      pageSize: PAGE_SIZE,
      total: Number(total.n),
    };
  });
}

export interface HouseholdView {
  id: number;
  name: string;
  approvalType: string;
  status: string;
  places: number;
  ageRange: string;
  skillsLevel: number | null;
  postcodeDistrict: string | null;
  approvalDate: string | null;
  reg24Start: string | null;
  lastReviewDate: string | null;
  supervisingWorker: { name: string; email: string | null; phone: string | null } | null;
  carers: { name: string; mainCarer: boolean }[];
  children: { id: number; name: string; placeType: string; since: string }[];
  otherChildren: number;
}

export async function readHousehold(
  db: Db,
  actor: Actor,
  id: number,
  opts: ScopeOptions,
): Promise<HouseholdView> {
  requirePermission(actor, 'carer:read');
  return db.transaction().execute(async (trx) => {
    const h = await trx
      .selectFrom('fostering_household as h')
      .leftJoin('app_user as u', 'u.id', 'h.supervising_worker_id')
      .selectAll('h')
      .select(['u.display_name', 'u.email', 'u.phone'])
      .where('h.id', '=', id)
      .executeTakeFirst();
    if (!h) throw new NotFoundError();
    const carers = await trx
      .selectFrom('carer')
      .select(['first_name', 'last_name', 'main_carer'])
      .where('household_id', '=', id)
      .orderBy('main_carer', 'desc')
      .orderBy('id')
      .execute();
    const placed = await trx
      .selectFrom('placement as p')
      .innerJoin('child', 'child.id', 'p.child_id')
      .select([
        'child.id',
        'child.first_name',
        'child.preferred_name',
        'child.last_name',
        'p.place_type',
        'p.start_date',
      ])
      .select(sql<boolean>`${childScope(actor, opts)}`.as('visible'))
      .where('p.fostering_household_id', '=', id)
      .where('p.start_date', '<=', sql<string>`current_date`)
      .where((eb) =>
        eb.or([eb('p.end_date', 'is', null), eb('p.end_date', '>=', sql<string>`current_date`)]),
      )
      .orderBy('p.start_date')
      .execute();
    await audit(trx, actor, { action: 'read', recordType: 'fostering_household', recordId: id });
    const visible = placed.filter((p) => p.visible);
    return {
      id: h.id,
      name: h.name,
      approvalType: APPROVAL_TYPE_LABELS[h.approval_type] ?? h.approval_type,
      status: HOUSEHOLD_STATUS_LABELS[h.status] ?? h.status,
      places: h.approved_places,
      ageRange: `${String(h.age_min)} to ${String(h.age_max)}`,
      skillsLevel: h.skills_level,
      postcodeDistrict: postcodeDistrict(h.postcode),
      approvalDate: h.approval_date,
      reg24Start: h.reg24_start,
      lastReviewDate: h.last_review_date,
      supervisingWorker: h.display_name
        ? { name: h.display_name, email: h.email, phone: h.phone }
        : null,
      carers: carers.map((c) => ({
        name: `${c.first_name} ${c.last_name}`,
        mainCarer: c.main_carer,
      })),
      children: visible.map((p) => ({
        id: p.id,
        name: `${p.preferred_name ?? p.first_name} ${p.last_name}`,
        placeType: `${p.place_type}: ${meaning('PLACE', p.place_type) ?? ''}`,
        since: p.start_date,
      })),
      otherChildren: placed.length - visible.length,
    };
  });
}
