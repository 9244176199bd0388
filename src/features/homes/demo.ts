// Demo rows for the homes area, added after the core demo authority (same transaction, same seed):
// - Regulation 44 visits to every in-house home, monthly for the last 12 months, with a few months
//   missed and the latest reports not yet received;
// - Regulation 45 reviews of every in-house home, one for each 6 months over the last two years,
//   with reports sent to Ofsted within 28 days; the third home's last review is 8 months old
//   (overdue);
// - a 16+ supported accommodation service for each supported-living provider, with quality visits
//   (some overdue); the demo's K3/H5 placements with that provider are linked to it and its places
//   raised to at least its occupancy today, so no service is over full;
// - weekly costs: private children's homes and their providers around £6,000 a week, the average
//   external placement cost in Bradford's 2024 budget report (~£312k a year; domain notes
//   statutory-and-practice.md §3.3, source B4). In-house homes, fostering agencies and supported
//   accommodation have no sourced figure, so they stay "not known" rather than made up;
// - disruption meetings for a few children in open placements.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { addDays, addMonths, compareDates } from '../../domain/dates/index.ts';
import type { DemoContext } from '../../platform/http/features.ts';
import { Random } from '../demo/random.ts';
import { placedInService } from './occupancy.ts';

/** Bradford 2024 budget report (B4): external placement average ~£312k a year ≈ £6,000 a week. */
export const EXTERNAL_HOME_WEEKLY = 6000;

const VISITORS = ['Alex Pemberton', 'Jo Whitcliffe', 'Sam Ackroyd'];
const RECOMMENDATIONS = [
  'Update the missing-from-home protocol for one young person.',
  'Refresh staff training on the PACE approach.',
  'Repair the kitchen extractor fan.',
  'Record young people’s views on house meetings.',
  null,
  null,
];

export async function homesDemo(db: Db, ctx: DemoContext): Promise<void> {
  const rng = new Random(ctx.seed ^ 0x4f44);
  const today = ctx.today;
  const inHouse = await db
    .selectFrom('home')
    .innerJoin('provider', 'provider.id', 'home.provider_id')
    .select(['home.id', 'home.name'])
    .where('provider.kind', '=', 'in_house')
    .orderBy('home.id')
    .execute();
  const visits: {
    home_id: number;
    visit_date: string;
    visitor: string;
    report_received: string | null;
    recommendations: string | null;
  }[] = [];
  const firstOfMonth = `${today.slice(0, 7)}-01`;
  for (const [i, h] of inHouse.entries()) {
    const visitor = VISITORS[i % VISITORS.length] ?? 'Alex Pemberton';
    for (let m = 0; m < 12; m++) {
      // The second home misses one month (month 3 back) so the flag shows; others miss ~1 in 15.
      if ((i === 1 && m === 3) || (m > 0 && rng.chance(1 / 15))) continue;
      const date = addDays(addMonths(firstOfMonth, -m), rng.int(2, 24));
      if (compareDates(date, today) > 0) continue;
      const received = addDays(date, rng.int(5, 14));
      visits.push({
        home_id: h.id,
        visit_date: date,
        visitor: `${visitor} (fictional)`,
        report_received: compareDates(received, today) <= 0 ? received : null,
        recommendations: rng.pick(RECOMMENDATIONS),
      });
    }
  }
  for (let i = 0; i < visits.length; i += 500)
    await db
      .insertInto('reg44_visit')
      .values(visits.slice(i, i + 500))
      .execute();
  // Its own random stream, so the rows after it stay as they were before reviews were added.
  await reg45Reviews(db, new Random(ctx.seed ^ 0x4f45), today, inHouse);

  // Costs: private homes about £6,000 a week (±15%), their providers the same usual fee.
  await sql`update home set weekly_cost = ${EXTERNAL_HOME_WEEKLY} * (85 + (home.id * 7919) % 31) / 100
    from provider where provider.id = home.provider_id and provider.kind = 'private'`.execute(db);
  await sql`update provider set weekly_fee = ${EXTERNAL_HOME_WEEKLY}
    where kind = 'private' and exists (select 1 from home where home.provider_id = provider.id)`.execute(
    db,
  );

  const supportedProviders = await db
    .selectFrom('provider')
    .select(['id', 'name', 'postcode', 'ofsted_urn'])
    .where('name', 'like', '%Supported Living%')
    .orderBy('id')
    .execute();
  for (const [i, p] of supportedProviders.entries()) {
    const sa = await db
      .insertInto('supported_accommodation')
      .values({
        provider_id: p.id,
        name: `${p.name.replace(/ \(fictional\)$/, '')} 16+ service (fictional)`,
        postcode: p.postcode ?? 'BD1 1AA',
        places: rng.int(4, 12),
        ofsted_urn: p.ofsted_urn,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Every 3 months for a year; every third service's last visit is 5 months ago (overdue).
    const lastGap = i % 3 === 2 ? 5 : rng.int(0, 2);
    const rows = [0, 3, 6, 9].map((k) => ({
      supported_accommodation_id: sa.id,
      visit_date: addDays(addMonths(today, -(lastGap + k)), -rng.int(0, 10)),
      visitor: 'Commissioning officer (fictional)',
      rating: rng.weighted({ good: 6, adequate: 3, concerns: 1 } as const),
      notes: null,
    }));
    await db.insertInto('quality_visit').values(rows).execute();
  }

  // Link the demo's supported accommodation placements to the service their provider runs (one per
  // provider here), then give each service at least as many places as young people in it today.
  await sql`update placement p set supported_accommodation_id = sa.id
    from supported_accommodation sa
    where p.place_type in ('K3', 'H5') and p.provider_id = sa.provider_id
      and p.supported_accommodation_id is null`.execute(db);
  await sql`update supported_accommodation sa
    set places = greatest(sa.places, ${placedInService('sa', today)})`.execute(db);

  // Disruption meetings: about one in 40 children placed now, in the last six months.
  const open = await db
    .selectFrom('placement')
    .select(['id', 'child_id', 'start_date'])
    .where('end_date', 'is', null)
    .orderBy('id')
    .execute();
  const meetings = open
    .filter(() => rng.chance(1 / 40))
    .map((p) => {
      const d = addDays(today, -rng.int(1, 180));
      return {
        child_id: p.child_id,
        placement_id: p.id,
        meeting_date: compareDates(d, p.start_date) < 0 ? p.start_date : d,
        outcome: rng.weighted({ continues: 7, not_decided: 2, ends: 1 } as const),
      };
    });
  if (meetings.length) await db.insertInto('disruption_meeting').values(meetings).execute();
}

const REVIEW_SUMMARIES = [
  'Young people say they feel safe; education attendance has improved. Staffing is stable.',
  'Good progress on health plans; two missing episodes reviewed with the police and the hub.',
  'Relationships with families well supported; the garden project is a strength.',
];
const REVIEW_ACTIONS = [
  'Review the de-escalation plan for one young person.',
  'Complete the refresh of the location risk assessment.',
  null,
];

/**
 * Regulation 45 reviews: periods of 6 months ending 1–5 months ago (the third home: 8 months ago,
 * so its next review is overdue), four per home; completed 5–20 days after the period and the
 * report sent 3–25 days after that (not yet, when that is after today).
 */
async function reg45Reviews(
  db: Db,
  rng: Random,
  today: string,
  homes: readonly { id: number }[],
): Promise<void> {
  const rows = homes.flatMap((h, i) => {
    const lastEnd = addDays(addMonths(today, i === 2 ? -8 : -rng.int(1, 5)), -rng.int(0, 10));
    return [0, 1, 2, 3].map((k) => {
      const periodEnd = addMonths(lastEnd, -6 * k);
      const completed = addDays(periodEnd, rng.int(5, 20));
      const sent = addDays(completed, rng.int(3, 25));
      return {
        home_id: h.id,
        period_start: addDays(addMonths(periodEnd, -6), 1),
        period_end: periodEnd,
        completed_on: compareDates(completed, today) <= 0 ? completed : today,
        sent_to_ofsted_on: compareDates(sent, today) <= 0 ? sent : null,
        summary: rng.pick(REVIEW_SUMMARIES),
        actions: rng.pick(REVIEW_ACTIONS),
      };
    });
  });
  if (rows.length) await db.insertInto('reg45_review').values(rows).execute();
}
