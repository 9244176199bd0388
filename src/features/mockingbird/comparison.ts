// The constellation page's comparison, loaded for a window [from, to] (the 12 months to today, or
// to the closing date for a closed constellation). Households count by their spells in
// constellations during the window (a satellite from joining to leaving, a hub from opening to
// closing), so a satellite that left (say, because the household resigned) still counts as this
// constellation's: retention is not flattered by the households that went.
// - Inside: households in this constellation at any time in the window; their placement endings
//   count only while they were in it.
// - Outside: in-house households in no constellation at any time in the window.
// - Neither: households only in other constellations during the window, and an inside household's
//   endings outside its spells here.
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { compareGroups, type Group } from './compare.ts';

interface Spell {
  constellation_id: number;
  household_id: number;
  start: string;
  end: string | null;
}

export async function loadComparison(
  trx: Transaction<Database>,
  id: number,
  from: string,
  to: string,
): Promise<{ inside: Group; outside: Group }> {
  const spells: Spell[] = await trx
    .selectFrom('mockingbird_member')
    .select([
      'constellation_id',
      'household_id',
      sql<string>`joined_on::text`.as('start'),
      sql<string | null>`left_on::text`.as('end'),
    ])
    .where('joined_on', '<=', to)
    .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>', from)]))
    .unionAll(
      trx
        .selectFrom('mockingbird_constellation')
        .select([
          'id as constellation_id',
          'hub_household_id as household_id',
          sql<string>`opened_on::text`.as('start'),
          sql<string | null>`closed_on::text`.as('end'),
        ])
        .where('opened_on', '<=', to)
        .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>', from)])),
    )
    .execute();
  const ours = spells.filter((s) => s.constellation_id === id);
  const inside = new Set(ours.map((s) => s.household_id));
  const touched = new Set(spells.map((s) => s.household_id));
  const hereOn = (hid: number, day: string) =>
    ours.some((s) => s.household_id === hid && s.start <= day && (s.end === null || s.end >= day));
  const comparable = (hid: number) => inside.has(hid) || !touched.has(hid);

  const endings = await trx
    .selectFrom('placement')
    .select(['fostering_household_id', 'end_date', 'reason_for_change'])
    .where('fostering_household_id', 'is not', null)
    .where('end_date', '>=', from)
    .where('end_date', '<=', to)
    .execute();
  const approved = await trx
    .selectFrom('fostering_household as h')
    .select(['h.id'])
    .select(
      sql<
        string | null
      >`(select min(s.stage_date) from fostering_stage s where s.household_id = h.id and s.stage in ('resigned','deregistered'))`.as(
        'left_on',
      ),
    )
    .where('h.approval_date', '<=', from)
    .execute();
  return compareGroups(
    endings.flatMap((e) => {
      const hid = e.fostering_household_id;
      if (hid === null || e.end_date === null) return [];
      const counts = inside.has(hid) ? hereOn(hid, e.end_date) : !touched.has(hid);
      return counts ? [{ householdId: hid, endDate: e.end_date, reason: e.reason_for_change }] : [];
    }),
    approved
      .filter((a) => comparable(a.id) && (a.left_on === null || a.left_on >= from))
      .map((a) => ({ householdId: a.id, leftOn: a.left_on })),
    (hid) => inside.has(hid),
    from,
    to,
  );
}
