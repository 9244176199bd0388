// Mockingbird constellations: a hub home (two spare beds) with a liaison worker and 6–10 satellite
// households (min/max per constellation); sleepovers (planned, emergency) and get-togethers, none of
// them once the constellation has closed. Writes lock the constellation row so membership limits
// and the two hub beds hold under concurrent requests; all audited. The page is read in
// constellationView.ts; closing and a satellite leaving are in endings.ts.
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Db } from '../../db/connect.ts';
import { addMonths, formatUkDate } from '../../domain/dates/index.ts';
import { NotFoundError, requirePermission } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { childScope, type ScopeOptions } from '../children/scope.ts';
import { Refused } from '../fostering/errors.ts';
import { isFosteringWorker } from '../fostering/service.ts';
import { fullNight } from './compare.ts';

export const HUB_BEDS = 2;

export interface ConstellationListItem {
  id: number;
  name: string;
  hub: string;
  liaisonWorker: string;
  satellites: number;
  minSatellites: number;
  maxSatellites: number;
  openedOn: string;
  closedOn: string | null;
}

export async function listConstellations(db: Db, actor: Actor): Promise<ConstellationListItem[]> {
  requirePermission(actor, 'carer:read');
  const rows = await db
    .selectFrom('mockingbird_constellation as c')
    .innerJoin('fostering_household as h', 'h.id', 'c.hub_household_id')
    .innerJoin('app_user as u', 'u.id', 'c.liaison_worker_id')
    .select([
      'c.id',
      'c.name',
      'h.name as hub',
      'u.display_name',
      'c.min_satellites',
      'c.max_satellites',
      'c.opened_on',
      'c.closed_on',
    ])
    .select(
      sql<number>`(select count(*)::int from mockingbird_member m where m.constellation_id = c.id and m.left_on is null)`.as(
        'satellites',
      ),
    )
    .orderBy('c.closed_on', (ob) => ob.nullsFirst())
    .orderBy('c.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    hub: r.hub,
    liaisonWorker: r.display_name,
    satellites: r.satellites,
    minSatellites: r.min_satellites,
    maxSatellites: r.max_satellites,
    openedOn: r.opened_on,
    closedOn: r.closed_on,
  }));
}

/** Children placed with household h on the day (for the hub's free beds). */
export const openPlaced = (day: string) =>
  sql<number>`(select count(*)::int from placement p where p.fostering_household_id = h.id and p.start_date <= ${day} and (p.end_date is null or p.end_date > ${day}))`;

export interface NewConstellation {
  name: string;
  hubHouseholdId: number;
  liaisonWorkerId: number;
  openedOn: string;
  minSatellites: number;
  maxSatellites: number;
}

export async function createConstellation(
  db: Db,
  actor: Actor,
  input: NewConstellation,
  today: string,
): Promise<number> {
  requirePermission(actor, 'carer:write');
  if (input.openedOn > today)
    throw new Refused('The opening date must be today or in the past', 'openedOn');
  if (input.maxSatellites < input.minSatellites)
    throw new Refused(
      'The most satellite households cannot be fewer than the fewest',
      'maxSatellites',
    );
  return db.transaction().execute(async (trx) => {
    const hub = await trx
      .selectFrom('fostering_household as h')
      .select(['h.id', 'h.status', 'h.approved_places'])
      .select(openPlaced(today).as('placed'))
      .where('h.id', '=', input.hubHouseholdId)
      .forUpdate()
      .executeTakeFirst();
    if (!hub) throw new Refused('Select the hub home carer’s household', 'hubHouseholdId');
    if (hub.status !== 'approved')
      throw new Refused('The hub home must be an approved fostering household', 'hubHouseholdId');
    if (hub.approved_places - hub.placed < HUB_BEDS)
      throw new Refused(
        `The hub home needs two spare beds for sleepovers and emergencies: it has ${String(Math.max(0, hub.approved_places - hub.placed))}`,
        'hubHouseholdId',
      );
    if (await inAConstellation(trx, hub.id))
      throw new Refused('This household is already in a constellation', 'hubHouseholdId');
    const ended = await lastEnded(trx, hub.id);
    if (ended !== null && input.openedOn < ended)
      throw new Refused(
        `The opening date cannot be before the hub household left its last constellation, on ${formatUkDate(ended)}`,
        'openedOn',
      );
    if (!(await isFosteringWorker(trx, input.liaisonWorkerId)))
      throw new Refused('Select a liaison worker from the fostering service', 'liaisonWorkerId');
    const { id } = await trx
      .insertInto('mockingbird_constellation')
      .values({
        name: input.name,
        hub_household_id: hub.id,
        liaison_worker_id: input.liaisonWorkerId,
        opened_on: input.openedOn,
        min_satellites: input.minSatellites,
        max_satellites: input.maxSatellites,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, {
      action: 'create',
      recordType: 'mockingbird_constellation',
      recordId: id,
      detail: { ...input },
    });
    return id;
  });
}

/** Whether the household is the hub of an open constellation or a current member of one. */
async function inAConstellation(trx: Transaction<Database>, householdId: number): Promise<boolean> {
  const hub = await trx
    .selectFrom('mockingbird_constellation')
    .select('id')
    .where('hub_household_id', '=', householdId)
    .where('closed_on', 'is', null)
    .executeTakeFirst();
  const member = await trx
    .selectFrom('mockingbird_member')
    .select('id')
    .where('household_id', '=', householdId)
    .where('left_on', 'is', null)
    .executeTakeFirst();
  return hub !== undefined || member !== undefined;
}

/** The last day the household was in any constellation (as a satellite or a hub), or null. */
async function lastEnded(trx: Transaction<Database>, householdId: number): Promise<string | null> {
  const rows = await trx
    .selectFrom('mockingbird_member')
    .select(sql<string | null>`max(left_on)::text`.as('ended'))
    .where('household_id', '=', householdId)
    .union(
      trx
        .selectFrom('mockingbird_constellation')
        .select(sql<string | null>`max(closed_on)::text`.as('ended'))
        .where('hub_household_id', '=', householdId),
    )
    .execute();
  return rows.reduce<string | null>(
    (a, r) => (r.ended !== null && (a === null || r.ended > a) ? r.ended : a),
    null,
  );
}

/** The constellation's membership changed: its version moves on (closing checks it). */
export async function bumpVersion(trx: Transaction<Database>, id: number): Promise<void> {
  await trx
    .updateTable('mockingbird_constellation')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** The constellation's row, locked for the transaction (every Mockingbird write takes it). */
export async function lockConstellation(trx: Transaction<Database>, id: number) {
  const c = await trx
    .selectFrom('mockingbird_constellation')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!c) throw new NotFoundError();
  return c;
}

export async function addMember(
  db: Db,
  actor: Actor,
  constellationId: number,
  input: { householdId: number; joinedOn: string },
  today: string,
): Promise<void> {
  requirePermission(actor, 'carer:write');
  await db.transaction().execute(async (trx) => {
    const c = await lockConstellation(trx, constellationId);
    if (c.closed_on)
      throw new Refused(
        `This constellation closed on ${formatUkDate(c.closed_on)}: no more households can join`,
        'householdId',
      );
    if (input.joinedOn > today)
      throw new Refused('The date joined must be today or in the past', 'joinedOn');
    if (input.joinedOn < c.opened_on)
      throw new Refused('The date joined cannot be before the constellation opened', 'joinedOn');
    const h = await trx
      .selectFrom('fostering_household')
      .select(['id', 'status'])
      .where('id', '=', input.householdId)
      .executeTakeFirst();
    if (!h) throw new Refused('Select a fostering household', 'householdId');
    if (h.status !== 'approved' && h.status !== 'reg24')
      throw new Refused(
        'Only an approved (or temporarily approved) household can join',
        'householdId',
      );
    if (h.id === c.hub_household_id)
      throw new Refused(
        'The hub home is already at the centre of this constellation',
        'householdId',
      );
    if (await inAConstellation(trx, h.id))
      throw new Refused('This household is already in a constellation', 'householdId');
    // Re-joining is a new membership, after the household's earlier ones (and any hub years) ended.
    const ended = await lastEnded(trx, h.id);
    if (ended !== null && input.joinedOn < ended)
      throw new Refused(
        `The date joined cannot be before the household left its last constellation, on ${formatUkDate(ended)}`,
        'joinedOn',
      );
    const { n } = await trx
      .selectFrom('mockingbird_member')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('constellation_id', '=', c.id)
      .where('left_on', 'is', null)
      .executeTakeFirstOrThrow();
    if (n >= c.max_satellites)
      throw new Refused(
        `This constellation already has its most satellite households (${String(c.max_satellites)})`,
        'householdId',
      );
    await trx
      .insertInto('mockingbird_member')
      .values({ constellation_id: c.id, household_id: h.id, joined_on: input.joinedOn })
      .execute();
    // A form to close the constellation opened before this is now stale.
    await bumpVersion(trx, c.id);
    await audit(trx, actor, {
      action: 'create',
      recordType: 'mockingbird_member',
      recordId: c.id,
      detail: { ...input },
    });
  });
}

export async function recordSleepover(
  db: Db,
  actor: Actor,
  constellationId: number,
  input: { childId: number; kind: 'planned' | 'emergency'; startDate: string; nights: number },
  scope: ScopeOptions,
  today: string,
): Promise<void> {
  requirePermission(actor, 'carer:write');
  await db.transaction().execute(async (trx) => {
    const c = await lockConstellation(trx, constellationId);
    if (c.closed_on)
      throw new Refused(
        `This constellation closed on ${formatUkDate(c.closed_on)}: no more sleepovers can be recorded`,
        'startDate',
      );
    if (input.kind === 'planned' && input.startDate < addMonths(today, -12))
      throw new Refused('A sleepover must be within the last year or planned ahead', 'startDate');
    if (input.startDate > addMonths(today, 6))
      throw new Refused('A sleepover can be booked at most 6 months ahead', 'startDate');
    // The child must be placed with a satellite household of this constellation (or the hub) that night.
    const child = await trx
      .selectFrom('child')
      .innerJoin('placement as p', 'p.child_id', 'child.id')
      .select('child.id')
      .where('child.id', '=', input.childId)
      .where(childScope(actor, scope))
      .where('p.start_date', '<=', input.startDate)
      .where((eb) => eb.or([eb('p.end_date', 'is', null), eb('p.end_date', '>', input.startDate)]))
      .where((eb) =>
        eb.or([
          eb('p.fostering_household_id', '=', c.hub_household_id),
          eb(
            'p.fostering_household_id',
            'in',
            eb
              .selectFrom('mockingbird_member as m')
              .select('m.household_id')
              .where('m.constellation_id', '=', c.id)
              .where('m.joined_on', '<=', input.startDate)
              .where((e2) =>
                e2.or([e2('m.left_on', 'is', null), e2('m.left_on', '>', input.startDate)]),
              ),
          ),
        ]),
      )
      .executeTakeFirst();
    if (!child)
      throw new Refused(
        'Select a child placed with a household of this constellation on the first night',
        'childId',
      );
    const booked = await trx
      .selectFrom('mockingbird_sleepover')
      .select(['start_date', 'nights'])
      .where('constellation_id', '=', c.id)
      .where(sql<boolean>`start_date < ${input.startDate}::date + ${input.nights}::int`)
      .where(sql<boolean>`start_date + nights > ${input.startDate}::date`)
      .execute();
    const full = fullNight(
      booked.map((b) => ({ startDate: b.start_date, nights: b.nights })),
      input.startDate,
      input.nights,
      HUB_BEDS,
    );
    if (full) throw new Refused(`Both hub beds are taken on the night of ${full}`, 'startDate');
    await trx
      .insertInto('mockingbird_sleepover')
      .values({
        constellation_id: c.id,
        child_id: input.childId,
        kind: input.kind,
        start_date: input.startDate,
        nights: input.nights,
        recorded_by: actor.userId,
      })
      .execute();
    await audit(trx, actor, {
      action: 'create',
      recordType: 'mockingbird_sleepover',
      recordId: c.id,
      childId: input.childId,
      detail: { kind: input.kind, startDate: input.startDate, nights: input.nights },
    });
  });
}

export async function recordGetTogether(
  db: Db,
  actor: Actor,
  constellationId: number,
  input: { heldOn: string; households: number; children: number; note?: string | undefined },
  today: string,
): Promise<void> {
  requirePermission(actor, 'carer:write');
  await db.transaction().execute(async (trx) => {
    const c = await lockConstellation(trx, constellationId);
    if (c.closed_on)
      throw new Refused(
        `This constellation closed on ${formatUkDate(c.closed_on)}: no more get-togethers can be recorded`,
        'heldOn',
      );
    if (input.heldOn > today) throw new Refused('The date must be today or in the past', 'heldOn');
    if (input.heldOn < c.opened_on)
      throw new Refused('The date cannot be before the constellation opened', 'heldOn');
    await trx
      .insertInto('mockingbird_get_together')
      .values({
        constellation_id: c.id,
        held_on: input.heldOn,
        households_attending: input.households,
        children_attending: input.children,
        note: input.note ?? null,
        recorded_by: actor.userId,
      })
      .execute();
    await audit(trx, actor, {
      action: 'create',
      recordType: 'mockingbird_get_together',
      recordId: c.id,
      detail: { ...input },
    });
  });
}

/** Approved households not in any open constellation: the choices for a hub or a satellite. */
export async function freeHouseholds(db: Db): Promise<{ id: number; name: string }[]> {
  return db
    .selectFrom('fostering_household as h')
    .select(['h.id', 'h.name'])
    .where('h.status', 'in', ['approved', 'reg24'])
    .where(
      sql<boolean>`not exists (select 1 from mockingbird_member m where m.household_id = h.id and m.left_on is null)`,
    )
    .where(
      sql<boolean>`not exists (select 1 from mockingbird_constellation c where c.hub_household_id = h.id and c.closed_on is null)`,
    )
    .orderBy('h.name')
    .execute();
}
