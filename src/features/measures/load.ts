// Loads everything the measures (src/domain/measures) need for the whole authority as of `at`, in a
// fixed number of set-based queries (14, whatever the number of children), each table grouped by
// child in SQL as a JSON array per child; loadMeasureFacts does the same once for several dates (trends). Facts dated after `at` are not loaded (a period, placement or allocation starting after
// it, a review held after it ...); facts that end after `at` are loaded as they are, and the
// measures read them as open on `at`.
//
// Placement location: outsideAuthority comes from the authority's postcodes (table local_postcode,
// loaded by `hearth local-postcodes`): null when the placement has no postcode or no boundary is
// loaded. Distance in miles comes from the `miles` function the caller passes (the CLI uses the
// bundled ONS postcode extract for the demo area); without one, every distance is "not known".
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { IsoDate, LegalStatusPeriod, PeriodOfCare } from '../../domain/care/index.ts';
import { addDays, addMonths } from '../../domain/dates/index.ts';
import {
  yearTo,
  type AdoptionFact,
  type AllocationFact,
  type HealthFact,
  type LeaverContact,
  type MeasureChild,
  type MeasureData,
  type MeasurePlacement,
  type MissingFact,
  type ReviewFact,
  type SdqFact,
  type VisitFact,
} from '../../domain/measures/index.ts';

/** The setting that holds the authority's population aged 0–17 (ONS mid-year estimate). */
export const POPULATION_SETTING = 'measures.child_population';

export interface LoadMeasureOptions {
  /** Straight-line miles between two postcodes, or null when either is not known. */
  miles?: (from: string, to: string) => number | null;
  /** Overrides the population setting (e.g. `hearth measures --population`). */
  childPopulation?: number | null;
}

/**
 * Runs a query returning (child_id, f: a JSON array of facts) and keys the arrays by child. The
 * objects are used as they come (each load builds its own, so they are not shared).
 */
async function grouped<T>(
  db: Db,
  query: RawBuilder<{ child_id: number; f: unknown }>,
  make: (fact: Fact) => T,
): Promise<Map<number, T[]>> {
  const { rows } = await query.execute(db);
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const facts = (typeof r.f === 'string' ? JSON.parse(r.f) : r.f) as Fact[];
    out.set(r.child_id, facts.map(make));
  }
  return out;
}

/**
 * One fact as a JSON array, read by position (a date is a 'YYYY-MM-DD' string). Each query's SQL
 * fixes what each position holds, so a cell is typed to fit any field (never).
 */
type Cell = never;
type Fact = readonly [
  Cell,
  Cell,
  Cell,
  Cell,
  Cell,
  Cell,
  Cell,
  Cell,
  Cell,
  Cell,
  Cell,
  Cell,
  Cell,
  Cell,
];

const NONE: never[] = [];

/** Parses the population setting: a whole number ≥ 0, else null. */
export function parsePopulation(text: string | undefined | null): number | null {
  if (text == null || !/^\s*\d+\s*$/.test(text)) return null;
  return Number(text);
}

/** Everything the measures need on `at`, in 14 set-based queries. */
export async function loadMeasureData(
  db: Db,
  at: IsoDate,
  options: LoadMeasureOptions = {},
): Promise<MeasureData> {
  // For one date the queries already read exactly what sliceAt would keep (visits: the measure
  // takes the latest seen one itself), so no second pass is needed.
  return loadMeasureFacts(db, [at], options);
}

/**
 * The facts for working out the measures on each of `dates` (at least one), loaded once: cut them
 * for one date with sliceAt (src/domain/measures/slice.ts). Used for trends.
 */
export async function loadMeasureFacts(
  db: Db,
  dates: readonly IsoDate[],
  options: LoadMeasureOptions = {},
): Promise<MeasureData> {
  const sorted = [...dates].sort();
  const first = sorted[0];
  const at = sorted.at(-1);
  if (first === undefined || at === undefined) throw new Error('loadMeasureFacts: no dates');
  // Dated events are loaded only as far back as a measure reads them: the twelve months to the
  // earliest date (care leaver contacts from 3 months before that window, for birthdays early in
  // it). Visits: only seen visits in the 92 days up to each date, since the visits measure only
  // counts a last visit no more than 91 days old.
  const from = yearTo(first).start;
  const contactsFrom = addMonths(from, -3);
  // Each table comes back as one row per child holding a JSON array of facts already in the shape
  // MeasureChild wants (built by PostgreSQL, decoded by one JSON.parse per child), instead of a row
  // object per fact mapped into a second object: at England scale (1.3 million episodes) the row
  // decoding and the copies were most of the load and of the garbage collection.
  const hasBoundary =
    (await db.selectFrom('local_postcode').select('postcode').limit(1).executeTakeFirst()) !==
    undefined;
  const visitWindows = sql.join(
    sorted.map((d) => sql`(visit_date >= ${addDays(d, -92)} and visit_date <= ${d})`),
    sql` or `,
  );
  const [
    children,
    periods,
    legal,
    placements,
    reviews,
    visits,
    health,
    sdqs,
    missing,
    contacts,
    adoptions,
    allocations,
    population,
  ] = await Promise.all([
    db
      .selectFrom('child')
      .select(['id', 'local_id', 'date_of_birth', 'home_postcode'])
      .where('date_of_birth', '<=', at)
      .orderBy('id')
      .execute(),
    grouped(
      db,
      sql`select child_id, json_agg(json_build_array(id, start_date, end_date, end_reason)
        order by start_date, id) as f
        from period_of_care where start_date <= ${at} group by child_id`,
      (f): PeriodOfCare => ({ id: f[0], start: f[1], end: f[2], endReason: f[3] }),
    ),
    grouped(
      db,
      sql`select child_id, json_agg(json_build_array(id, period_of_care_id, status, start_date,
        end_date) order by id) as f
        from legal_status where start_date <= ${at} group by child_id`,
      (f): LegalStatusPeriod => ({
        id: f[0],
        periodOfCareId: f[1],
        status: f[2],
        start: f[3],
        end: f[4],
      }),
    ),
    grouped(
      db,
      sql`select p.child_id, json_agg(json_build_array(p.id, p.period_of_care_id, p.place_type,
        p.place_provider, p.postcode, p.urn, p.start_date, p.end_date, p.reason_for_change,
        p.category_of_need,
        case when p.fostering_household_id is not null then 'household:' || p.fostering_household_id
          when p.home_id is not null then 'home:' || p.home_id else p.carer_ref end,
        case when coalesce(p.postcode, '') <> '' and ${hasBoundary} then lp.postcode is null end,
        p.intended_to_18, p.weekly_cost) order by p.id) as f
        from placement p
        left join local_postcode lp on lp.postcode = upper(replace(p.postcode, ' ', ''))
        where p.start_date <= ${at} group by p.child_id`,
      (f): MeasurePlacement => ({
        id: f[0],
        periodOfCareId: f[1],
        placeType: f[2],
        provider: f[3],
        postcode: f[4],
        urn: f[5],
        start: f[6],
        end: f[7],
        reasonForChange: f[8],
        categoryOfNeed: f[9],
        carerRef: f[10],
        miles: null,
        outsideAuthority: f[11],
        intendedTo18: f[12],
        weeklyCost: f[13],
      }),
    ),
    grouped(
      db,
      sql`select child_id, json_agg(json_build_array(due_date, held_date, participation)
        order by id) as f
        from review where held_date >= ${from} and held_date <= ${at} group by child_id`,
      (f): ReviewFact => ({ due: f[0], held: f[1], participation: f[2] }),
    ),
    grouped(
      db,
      sql`select child_id, json_agg(json_build_array(visit_date) order by id) as f
        from visit where seen and (${visitWindows}) group by child_id`,
      (f): VisitFact => ({ date: f[0], seen: true }),
    ),
    grouped(
      db,
      sql`select child_id, json_agg(json_build_array(kind, assessment_date) order by id) as f
        from health_assessment where assessment_date >= ${from} and assessment_date <= ${at}
        group by child_id`,
      (f): HealthFact => ({ kind: f[0], date: f[1] }),
    ),
    grouped(
      db,
      sql`select child_id, json_agg(json_build_array(sdq_date, score) order by id) as f
        from sdq where sdq_date >= ${from} and sdq_date <= ${at} group by child_id`,
      (f): SdqFact => ({ date: f[0], score: f[1] }),
    ),
    grouped(
      db,
      sql`select child_id, json_agg(json_build_array(kind, start_date, end_date,
        return_interview_offered) order by id) as f
        from missing_episode where start_date <= ${at} and (end_date is null or end_date >= ${from})
        group by child_id`,
      (f): MissingFact => ({ kind: f[0], start: f[1], end: f[2], interviewOffered: f[3] }),
    ),
    grouped(
      db,
      sql`select child_id, json_agg(json_build_array(contact_date, in_touch, activity,
        accommodation) order by id) as f
        from care_leaver_contact where contact_date >= ${contactsFrom} and contact_date <= ${at}
        group by child_id`,
      (f): LeaverContact => ({ date: f[0], inTouch: f[1], activity: f[2], accommodation: f[3] }),
    ),
    grouped(
      db,
      sql`select child_id, json_agg(json_build_array(decision_date, placement_order_date,
        matched_date, placed_date, order_granted_date, decision_reversed_date,
        adopted_by_foster_carer) order by id) as f
        from adoption_plan where decision_date <= ${at} group by child_id`,
      (f): AdoptionFact => ({
        decision: f[0],
        placementOrder: f[1],
        matched: f[2],
        placed: f[3],
        orderGranted: f[4],
        reversed: f[5],
        byFosterCarer: f[6],
      }),
    ),
    grouped(
      db,
      sql`select child_id, json_agg(json_build_array(user_id, start_date, end_date) order by id) as f
        from allocation where role = 'social_worker' and start_date <= ${at} group by child_id`,
      (f): AllocationFact => ({ workerId: f[0], start: f[1], end: f[2] }),
    ),
    db
      .selectFrom('setting')
      .select('value')
      .where('key', '=', POPULATION_SETTING)
      .executeTakeFirst(),
  ]);
  const miles = options.miles;
  const out: MeasureChild[] = children.map((c) => {
    const home = c.home_postcode;
    const mine = placements.get(c.id) ?? NONE;
    for (const p of mine) p.miles = miles && home && p.postcode ? miles(home, p.postcode) : null;
    return {
      id: c.local_id,
      dateOfBirth: c.date_of_birth,
      periods: periods.get(c.id) ?? NONE,
      legalStatuses: legal.get(c.id) ?? NONE,
      placements: mine,
      reviews: reviews.get(c.id) ?? NONE,
      visits: visits.get(c.id) ?? NONE,
      health: health.get(c.id) ?? NONE,
      sdqs: sdqs.get(c.id) ?? NONE,
      missing: missing.get(c.id) ?? NONE,
      leaverContacts: contacts.get(c.id) ?? NONE,
      adoptions: adoptions.get(c.id) ?? NONE,
      socialWorkers: allocations.get(c.id) ?? NONE,
    };
  });
  return {
    children: out,
    childPopulation:
      options.childPopulation !== undefined
        ? options.childPopulation
        : parsePopulation(population?.value),
  };
}

/** The earliest start of a period of care in the record, or null when there is none. */
export async function earliestCare(db: Db): Promise<IsoDate | null> {
  const r = await db
    .selectFrom('period_of_care')
    .select((eb) => eb.fn.min('start_date').as('first'))
    .executeTakeFirst();
  return r?.first ?? null;
}
