// Demo rows for the scorecard: agreed weekly costs for the demo's placements and a few targets.
//
// Weekly costs (whole pounds), before a deterministic ±10% spread per placement:
// - £100 foster care with relatives or friends (U1–U3), £150 in-house foster care (other U4–U6),
//   £250 independent fostering agency (U4–U6 with a private or voluntary provider, PR4/PR5),
//   £1,000 in-house residential, supported living and any other placement: the default weekly
//   costs of the public demand model (/work/shared/domain/demand-model.md §6, which calls them
//   placeholders for a council to override).
// - £6,000 a residential placement with a private or voluntary provider (K1, K2, R1, R2, R5, S1 with
//   PR4/PR5): Bradford's external placement average, "~£312k/yr (~£6k/week)"
//   (/work/shared/domain/statutory-and-practice.md §3.3, source B4).
// About one placement in twelve is left with no cost recorded, so the "not known" count shows.
//
// Targets: DfE adoption scorecard end-point thresholds (A1 426 days, A2 121 days; the measures'
// sources), Bradford's 2018 scorecard (3+ placements 11%, long-term stability: England 70%; B3) and
// round local targets for reviews and visits, each marked as a demo target.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { DemoContext } from '../../platform/http/features.ts';

const RESIDENTIAL = "('K1','K2','R1','R2','R5','S1')";
const EXTERNAL = "('PR4','PR5')";

export async function scorecardDemo(db: Db, ctx: DemoContext): Promise<void> {
  const seed = Math.abs(Math.trunc(ctx.seed)) % 1000;
  await sql`
    update placement set weekly_cost = round(
      (case
        when place_type in ('U1','U2','U3') then 100
        when place_type in ('U4','U5','U6') and place_provider in ${sql.raw(EXTERNAL)} then 250
        when place_type in ('U4','U5','U6') then 150
        when place_type in ${sql.raw(RESIDENTIAL)} and place_provider in ${sql.raw(EXTERNAL)} then 6000
        else 1000
      end) * (1 + (((id * 7919 + ${seed}) % 21) - 10) / 100.0))
    where weekly_cost is null and (id * 31 + ${seed}) % 12 <> 0`.execute(db);
  const note = 'Demo target';
  await db
    .insertInto('scorecard_target')
    .values([
      { measure_id: 'placements-3plus', target: 10, direction: 'at-most', amber_within: 1, note },
      {
        measure_id: 'long-term-stability',
        target: 70,
        direction: 'at-least',
        amber_within: 5,
        note,
      },
      { measure_id: 'reviews-on-time', target: 95, direction: 'at-least', amber_within: 5, note },
      { measure_id: 'visits-on-time', target: 90, direction: 'at-least', amber_within: 5, note },
      { measure_id: 'adoption-a1', target: 426, direction: 'at-most', amber_within: 60, note },
      { measure_id: 'adoption-a2', target: 121, direction: 'at-most', amber_within: 30, note },
    ])
    .onConflict((oc) => oc.column('measure_id').doNothing())
    .execute();
}
