// The constellation page (and GET /api/v1/mockingbird/:id): hub, current and former satellites,
// children placed now (named only in the reader's scope), sleepovers and get-togethers, and the
// comparison with households outside constellations. A closed constellation keeps its history: its
// window is the 12 months to its closing date, it has no current satellites or children, and it
// shows why and when it closed.
import { sql } from 'kysely';
import type { ClosureReason, SatelliteLeavingReason } from '../../db/tables/fostering.ts';
import type { Db } from '../../db/connect.ts';
import { addMonths } from '../../domain/dates/index.ts';
import { NotFoundError, requirePermission } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { childScope, type ScopeOptions } from '../children/scope.ts';
import type { Group } from './compare.ts';
import { loadComparison } from './comparison.ts';
import { closureReasonText, leavingReasonText } from './endings.ts';
import { openPlaced } from './service.ts';

const NOT_RECORDED = 'Not recorded';

export interface ConstellationView {
  id: number;
  name: string;
  openedOn: string;
  closedOn: string | null;
  /** Null while open; reason null for a constellation closed before reasons were recorded. */
  closure: { reason: ClosureReason | null; reasonText: string; detail: string | null } | null;
  version: number;
  minSatellites: number;
  maxSatellites: number;
  liaisonWorker: string;
  hub: { id: number; name: string; places: number; placedNow: number; spareBeds: number };
  satellites: {
    memberId: number;
    id: number;
    name: string;
    joinedOn: string;
    carers: string;
    skillsLevel: number | null;
    version: number;
  }[];
  formerSatellites: {
    memberId: number;
    id: number;
    name: string;
    joinedOn: string;
    leftOn: string;
    /** Null for a membership ended before reasons were recorded. */
    reason: SatelliteLeavingReason | null;
    reasonText: string;
    detail: string | null;
  }[];
  belowMinimum: boolean;
  children: { id: number; name: string; household: string }[];
  otherChildren: number;
  sleepovers: {
    planned: number;
    emergency: number;
    nights: number;
    recent: {
      childId: number | null;
      child: string;
      kind: string;
      startDate: string;
      nights: number;
    }[];
  };
  getTogethers: { heldOn: string; households: number; children: number; note: string | null }[];
  comparison: { from: string; to: string; inside: Group; outside: Group };
}

export async function readConstellation(
  db: Db,
  actor: Actor,
  id: number,
  scope: ScopeOptions,
  today: string,
): Promise<ConstellationView> {
  requirePermission(actor, 'carer:read');
  return db.transaction().execute(async (trx) => {
    const c = await trx
      .selectFrom('mockingbird_constellation as c')
      .innerJoin('fostering_household as h', 'h.id', 'c.hub_household_id')
      .innerJoin('app_user as u', 'u.id', 'c.liaison_worker_id')
      .selectAll('c')
      .select(['h.name as hub_name', 'h.approved_places', 'u.display_name'])
      .select(openPlaced(today).as('placed'))
      .where('c.id', '=', id)
      .executeTakeFirst();
    if (!c) throw new NotFoundError();
    // A closed constellation's figures run to its closing date.
    const to = c.closed_on !== null && c.closed_on < today ? c.closed_on : today;
    const from = addMonths(to, -12);
    const memberRows = await trx
      .selectFrom('mockingbird_member as m')
      .innerJoin('fostering_household as h', 'h.id', 'm.household_id')
      .select([
        'm.id as member_id',
        'h.id',
        'h.name',
        'h.skills_level',
        'm.joined_on',
        'm.left_on',
        'm.leaving_reason',
        'm.leaving_detail',
        'm.version',
      ])
      .select(
        sql<string>`coalesce((select string_agg(cr.first_name || ' ' || cr.last_name, ', ' order by cr.main_carer desc, cr.id) from carer cr where cr.household_id = h.id), '')`.as(
          'carers',
        ),
      )
      .where('m.constellation_id', '=', id)
      .orderBy('h.name')
      .orderBy('m.joined_on')
      .execute();
    const members = memberRows.filter((m) => m.left_on === null);
    const former = memberRows
      .filter((m) => m.left_on !== null)
      .sort(
        (a, b) => (b.left_on ?? '').localeCompare(a.left_on ?? '') || a.name.localeCompare(b.name),
      );
    // Children in the constellation now: with the hub or a current satellite, while it is open.
    const householdIds =
      c.closed_on === null ? [c.hub_household_id, ...members.map((m) => m.id)] : [];
    const names = new Map<number, string>([
      [c.hub_household_id, c.hub_name],
      ...members.map((m) => [m.id, m.name] as [number, string]),
    ]);
    const placed = householdIds.length
      ? await trx
          .selectFrom('placement as p')
          .innerJoin('child', 'child.id', 'p.child_id')
          .select([
            'child.id',
            'child.first_name',
            'child.preferred_name',
            'child.last_name',
            'p.fostering_household_id',
          ])
          .select(sql<boolean>`${childScope(actor, scope)}`.as('visible'))
          .where('p.fostering_household_id', 'in', householdIds)
          .where('p.start_date', '<=', today)
          .where((eb) => eb.or([eb('p.end_date', 'is', null), eb('p.end_date', '>', today)]))
          .orderBy('child.last_name')
          .execute()
      : [];
    const visible = placed.filter((p) => p.visible);
    const sleeps = await trx
      .selectFrom('mockingbird_sleepover as s')
      .innerJoin('child', 'child.id', 's.child_id')
      .select([
        's.kind',
        's.start_date',
        's.nights',
        'child.id',
        'child.first_name',
        'child.preferred_name',
        'child.last_name',
      ])
      .select(sql<boolean>`${childScope(actor, scope)}`.as('visible'))
      .where('s.constellation_id', '=', id)
      .where('s.start_date', '>=', from)
      .orderBy('s.start_date', 'desc')
      .execute();
    const gets = await trx
      .selectFrom('mockingbird_get_together')
      .select(['held_on', 'households_attending', 'children_attending', 'note'])
      .where('constellation_id', '=', id)
      .orderBy('held_on', 'desc')
      .limit(12)
      .execute();
    const groups = await loadComparison(trx, id, from, to);
    await audit(trx, actor, {
      action: 'read',
      recordType: 'mockingbird_constellation',
      recordId: id,
    });
    const name = (r: { first_name: string; preferred_name: string | null; last_name: string }) =>
      `${r.preferred_name ?? r.first_name} ${r.last_name}`;
    return {
      id: c.id,
      name: c.name,
      openedOn: c.opened_on,
      closedOn: c.closed_on,
      closure:
        c.closed_on === null
          ? null
          : {
              reason: c.closure_reason,
              reasonText: c.closure_reason ? closureReasonText[c.closure_reason] : NOT_RECORDED,
              detail: c.closure_detail,
            },
      version: c.version,
      minSatellites: c.min_satellites,
      maxSatellites: c.max_satellites,
      liaisonWorker: c.display_name,
      hub: {
        id: c.hub_household_id,
        name: c.hub_name,
        places: c.approved_places,
        placedNow: c.placed,
        spareBeds: Math.max(0, c.approved_places - c.placed),
      },
      satellites: members.map((m) => ({
        memberId: m.member_id,
        id: m.id,
        name: m.name,
        joinedOn: m.joined_on,
        carers: m.carers,
        skillsLevel: m.skills_level,
        version: m.version,
      })),
      formerSatellites: former.map((m) => ({
        memberId: m.member_id,
        id: m.id,
        name: m.name,
        joinedOn: m.joined_on,
        leftOn: m.left_on ?? '',
        reason: m.leaving_reason,
        reasonText: m.leaving_reason ? leavingReasonText[m.leaving_reason] : NOT_RECORDED,
        detail: m.leaving_detail,
      })),
      belowMinimum: c.closed_on === null && members.length < c.min_satellites,
      children: visible.map((p) => ({
        id: p.id,
        name: name(p),
        household: names.get(p.fostering_household_id ?? 0) ?? '',
      })),
      otherChildren: placed.length - visible.length,
      sleepovers: {
        planned: sleeps.filter((s) => s.kind === 'planned').length,
        emergency: sleeps.filter((s) => s.kind === 'emergency').length,
        nights: sleeps.reduce((n, s) => n + s.nights, 0),
        recent: sleeps.slice(0, 20).map((s) => ({
          childId: s.visible ? s.id : null,
          child: s.visible ? name(s) : 'A child not in your caseload',
          kind: s.kind,
          startDate: s.start_date,
          nights: s.nights,
        })),
      },
      getTogethers: gets.map((g) => ({
        heldOn: g.held_on,
        households: g.households_attending,
        children: g.children_attending,
        note: g.note,
      })),
      comparison: { from, to, ...groups },
    };
  });
}
