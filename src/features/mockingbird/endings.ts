// Ending a constellation and a satellite household's membership. Closing checks the date against
// what the constellation recorded (nothing on or after it), ends every current membership on the
// same date in the same transaction and frees the hub household (the hub's unique index covers
// open constellations only). A satellite leaving is checked against its joining date and its
// version; the answer says whether the constellation is now below its minimum (a warning only).
// Both lock the constellation row, as every Mockingbird write does, and both are audited.
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ClosureReason, SatelliteLeavingReason } from '../../db/tables/fostering.ts';
import type { Db } from '../../db/connect.ts';
import { NotFoundError, requirePermission } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { formatUkDate } from '../../domain/dates/index.ts';
import { Refused, Stale } from '../fostering/errors.ts';
import type { ClosureInput, LeavingInput } from './schemas.ts';
import { bumpVersion, lockConstellation } from './service.ts';

export const closureReasonText: Record<ClosureReason, string> = {
  hub_resigned: 'The hub home carer resigned or stepped down',
  merged: 'Merged with another constellation',
  service_decision: 'A decision of the fostering service',
  other: 'Other',
};

export const leavingReasonText: Record<SatelliteLeavingReason, string> = {
  resigned_or_deregistered: 'The household resigned or was deregistered',
  moved_constellation: 'Moved to another constellation',
  left_model: 'Left the Mockingbird model (still fostering)',
  constellation_closed: 'The constellation closed',
  other: 'Other',
};

async function currentSatellites(trx: Transaction<Database>, id: number): Promise<number> {
  const { n } = await trx
    .selectFrom('mockingbird_member')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('constellation_id', '=', id)
    .where('left_on', 'is', null)
    .executeTakeFirstOrThrow();
  return n;
}

export async function closeConstellation(
  db: Db,
  actor: Actor,
  id: number,
  input: ClosureInput,
  today: string,
): Promise<{ membersEnded: number }> {
  // Closing is the fostering service's decision: the fostering team manager's.
  requirePermission(actor, 'fostering:manage');
  return db.transaction().execute(async (trx) => {
    const c = await lockConstellation(trx, id);
    if (c.closed_on)
      throw new Refused(
        `This constellation has already closed, on ${formatUkDate(c.closed_on)}`,
        'closedOn',
      );
    if (c.version !== input.version)
      throw new Stale({
        version: c.version,
        satellites: await currentSatellites(trx, c.id),
      });
    if (input.closedOn > today)
      throw new Refused('The closing date must be today or in the past', 'closedOn');
    if (input.closedOn < c.opened_on)
      throw new Refused(
        `The closing date cannot be before the constellation opened, on ${formatUkDate(c.opened_on)}`,
        'closedOn',
      );
    // Nothing the constellation recorded may fall on or after the closing date.
    const night = await trx
      .selectFrom('mockingbird_sleepover')
      .select(sql<string>`max(start_date + nights - 1)::text`.as('last'))
      .where('constellation_id', '=', id)
      .where(sql<boolean>`start_date + nights > ${input.closedOn}::date`)
      .executeTakeFirst();
    if (night?.last)
      throw new Refused(
        `A sleepover is recorded for the night of ${formatUkDate(night.last)}: the closing date must be after the last night of every sleepover`,
        'closedOn',
      );
    const later = await trx
      .selectFrom('mockingbird_member as m')
      .innerJoin('fostering_household as h', 'h.id', 'm.household_id')
      .select(['h.name', 'm.joined_on', 'm.left_on'])
      .where('m.constellation_id', '=', id)
      .where((eb) =>
        eb.or([eb('m.joined_on', '>', input.closedOn), eb('m.left_on', '>', input.closedOn)]),
      )
      .orderBy('m.joined_on')
      .executeTakeFirst();
    if (later)
      throw new Refused(
        later.joined_on > input.closedOn
          ? `${later.name} joined on ${formatUkDate(later.joined_on)}, after the closing date`
          : `${later.name} left on ${formatUkDate(later.left_on ?? '')}, after the closing date`,
        'closedOn',
      );
    const met = await trx
      .selectFrom('mockingbird_get_together')
      .select(sql<string | null>`max(held_on)::text`.as('last'))
      .where('constellation_id', '=', id)
      .where('held_on', '>', input.closedOn)
      .executeTakeFirst();
    if (met?.last)
      throw new Refused(
        `A get-together is recorded on ${formatUkDate(met.last)}, after the closing date`,
        'closedOn',
      );
    await trx
      .updateTable('mockingbird_constellation')
      .set({
        closed_on: input.closedOn,
        closure_reason: input.reason,
        closure_detail: input.detail ?? null,
        closed_by: actor.userId,
        version: c.version + 1,
      })
      .where('id', '=', id)
      .execute();
    const ended = await trx
      .updateTable('mockingbird_member')
      .set((eb) => ({
        left_on: input.closedOn,
        leaving_reason: 'constellation_closed' as const,
        leaving_detail: null,
        left_recorded_by: actor.userId,
        version: eb('version', '+', 1),
      }))
      .where('constellation_id', '=', id)
      .where('left_on', 'is', null)
      .returning(['id', 'household_id'])
      .execute();
    await audit(trx, actor, {
      action: 'update',
      recordType: 'mockingbird_constellation',
      recordId: id,
      detail: {
        closedOn: input.closedOn,
        reason: input.reason,
        detail: input.detail ?? null,
        membersEnded: ended.map((m) => m.household_id),
      },
    });
    return { membersEnded: ended.length };
  });
}

export interface LeavingResult {
  satellites: number;
  minSatellites: number;
  /** A warning, not a refusal: the constellation now has fewer satellites than its minimum. */
  belowMinimum: boolean;
}

export async function leaveConstellation(
  db: Db,
  actor: Actor,
  constellationId: number,
  memberId: number,
  input: LeavingInput,
  today: string,
): Promise<LeavingResult> {
  requirePermission(actor, 'carer:write');
  return db.transaction().execute(async (trx) => {
    const c = await lockConstellation(trx, constellationId);
    const m = await trx
      .selectFrom('mockingbird_member')
      .selectAll()
      .where('id', '=', memberId)
      .where('constellation_id', '=', c.id)
      .forUpdate()
      .executeTakeFirst();
    if (!m) throw new NotFoundError();
    if (m.left_on)
      throw new Refused(
        `This household has already left the constellation, on ${formatUkDate(m.left_on)}`,
        'leftOn',
      );
    if (m.version !== input.version) throw new Stale({ version: m.version, joinedOn: m.joined_on });
    if (input.leftOn > today)
      throw new Refused('The date left must be today or in the past', 'leftOn');
    if (input.leftOn < m.joined_on)
      throw new Refused(
        `The date left cannot be before the household joined, on ${formatUkDate(m.joined_on)}`,
        'leftOn',
      );
    await trx
      .updateTable('mockingbird_member')
      .set({
        left_on: input.leftOn,
        leaving_reason: input.reason,
        leaving_detail: input.detail ?? null,
        left_recorded_by: actor.userId,
        version: m.version + 1,
      })
      .where('id', '=', m.id)
      .execute();
    await bumpVersion(trx, c.id);
    const n = await currentSatellites(trx, c.id);
    await audit(trx, actor, {
      action: 'update',
      recordType: 'mockingbird_member',
      recordId: m.id,
      detail: {
        constellationId: c.id,
        householdId: m.household_id,
        leftOn: input.leftOn,
        reason: input.reason,
        detail: input.detail ?? null,
        satellitesNow: n,
      },
    });
    return { satellites: n, minSatellites: c.min_satellites, belowMinimum: n < c.min_satellites };
  });
}
