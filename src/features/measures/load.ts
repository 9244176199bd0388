// Loads everything the measures (src/domain/measures) need for the whole authority as of `at`, in a
// fixed number of set-based queries (14, whatever the number of children), grouped by child in
// memory; loadMeasureFacts does the same once for several dates (trends). Facts dated after `at` are not loaded (a period, placement or allocation starting after
// it, a review held after it ...); facts that end after `at` are loaded as they are, and the
// measures read them as open on `at`.
//
// Placement location: outsideAuthority comes from the authority's postcodes (table local_postcode,
// loaded by `hearth local-postcodes`): null when the placement has no postcode or no boundary is
// loaded. Distance in miles comes from the `miles` function the caller passes (the CLI uses the
// bundled ONS postcode extract for the demo area); without one, every distance is "not known".
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { IsoDate } from '../../domain/care/index.ts';
import { addDays, addMonths } from '../../domain/dates/index.ts';
import { yearTo, type MeasureChild, type MeasureData } from '../../domain/measures/index.ts';
import { carerRef } from '../returns/export/load.ts';

/** The setting that holds the authority's population aged 0–17 (ONS mid-year estimate). */
export const POPULATION_SETTING = 'measures.child_population';

export interface LoadMeasureOptions {
  /** Straight-line miles between two postcodes, or null when either is not known. */
  miles?: (from: string, to: string) => number | null;
  /** Overrides the population setting (e.g. `hearth measures --population`). */
  childPopulation?: number | null;
}

function groupBy<T extends { child_id: number }>(rows: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const list = out.get(r.child_id);
    if (list) list.push(r);
    else out.set(r.child_id, [r]);
  }
  return out;
}

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
    boundary,
  ] = await Promise.all([
    db
      .selectFrom('child')
      .select(['id', 'local_id', 'date_of_birth', 'home_postcode'])
      .where('date_of_birth', '<=', at)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('period_of_care')
      .select(['id', 'child_id', 'start_date', 'end_date', 'end_reason'])
      .where('start_date', '<=', at)
      .orderBy('start_date')
      .execute(),
    db
      .selectFrom('legal_status')
      .select(['id', 'child_id', 'period_of_care_id', 'status', 'start_date', 'end_date'])
      .where('start_date', '<=', at)
      .execute(),
    db
      .selectFrom('placement as p')
      .select([
        'p.id',
        'p.child_id',
        'p.period_of_care_id',
        'p.place_type',
        'p.place_provider',
        'p.postcode',
        'p.urn',
        'p.start_date',
        'p.end_date',
        'p.reason_for_change',
        'p.category_of_need',
        'p.fostering_household_id',
        'p.home_id',
        'p.carer_ref',
        'p.intended_to_18',
        'p.weekly_cost',
        sql<boolean>`exists (select 1 from local_postcode lp where lp.postcode = upper(replace(p.postcode, ' ', '')))`.as(
          'local',
        ),
      ])
      .where('p.start_date', '<=', at)
      .execute(),
    db
      .selectFrom('review')
      .select(['child_id', 'due_date', 'held_date', 'participation'])
      .where('held_date', '>=', from)
      .where('held_date', '<=', at)
      .execute(),
    db
      .selectFrom('visit')
      .select(['child_id', 'visit_date'])
      .where('seen', '=', true)
      .where((eb) =>
        eb.or(
          sorted.map((d) =>
            eb.and([eb('visit_date', '>=', addDays(d, -92)), eb('visit_date', '<=', d)]),
          ),
        ),
      )
      .execute(),
    db
      .selectFrom('health_assessment')
      .select(['child_id', 'kind', 'assessment_date'])
      .where('assessment_date', '>=', from)
      .where('assessment_date', '<=', at)
      .execute(),
    db
      .selectFrom('sdq')
      .select(['child_id', 'sdq_date', 'score'])
      .where('sdq_date', '>=', from)
      .where('sdq_date', '<=', at)
      .execute(),
    db
      .selectFrom('missing_episode')
      .select(['child_id', 'kind', 'start_date', 'end_date', 'return_interview_offered'])
      .where('start_date', '<=', at)
      .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', from)]))
      .execute(),
    db
      .selectFrom('care_leaver_contact')
      .select(['child_id', 'contact_date', 'in_touch', 'activity', 'accommodation'])
      .where('contact_date', '>=', contactsFrom)
      .where('contact_date', '<=', at)
      .execute(),
    db
      .selectFrom('adoption_plan')
      .select([
        'child_id',
        'decision_date',
        'placement_order_date',
        'matched_date',
        'placed_date',
        'order_granted_date',
        'decision_reversed_date',
        'adopted_by_foster_carer',
      ])
      .where('decision_date', '<=', at)
      .execute(),
    db
      .selectFrom('allocation')
      .select(['child_id', 'user_id', 'start_date', 'end_date'])
      .where('role', '=', 'social_worker')
      .where('start_date', '<=', at)
      .execute(),
    db
      .selectFrom('setting')
      .select('value')
      .where('key', '=', POPULATION_SETTING)
      .executeTakeFirst(),
    db.selectFrom('local_postcode').select('postcode').limit(1).executeTakeFirst(),
  ]);
  const hasBoundary = boundary !== undefined;
  const miles = options.miles;
  const by = {
    periods: groupBy(periods),
    legal: groupBy(legal),
    placements: groupBy(placements),
    reviews: groupBy(reviews),
    visits: groupBy(visits),
    health: groupBy(health),
    sdqs: groupBy(sdqs),
    missing: groupBy(missing),
    contacts: groupBy(contacts),
    adoptions: groupBy(adoptions),
    allocations: groupBy(allocations),
  };
  const out: MeasureChild[] = children.map((c) => {
    const home = c.home_postcode;
    return {
      id: c.local_id,
      dateOfBirth: c.date_of_birth,
      periods: (by.periods.get(c.id) ?? NONE).map((p) => ({
        id: p.id,
        start: p.start_date,
        end: p.end_date,
        endReason: p.end_reason,
      })),
      legalStatuses: (by.legal.get(c.id) ?? NONE).map((l) => ({
        id: l.id,
        periodOfCareId: l.period_of_care_id,
        status: l.status,
        start: l.start_date,
        end: l.end_date,
      })),
      placements: (by.placements.get(c.id) ?? NONE).map((p) => ({
        id: p.id,
        periodOfCareId: p.period_of_care_id,
        placeType: p.place_type,
        provider: p.place_provider,
        postcode: p.postcode,
        urn: p.urn,
        start: p.start_date,
        end: p.end_date,
        reasonForChange: p.reason_for_change,
        categoryOfNeed: p.category_of_need,
        carerRef: carerRef(p),
        miles: miles && home && p.postcode ? miles(home, p.postcode) : null,
        outsideAuthority: hasBoundary && p.postcode ? !p.local : null,
        intendedTo18: p.intended_to_18,
        weeklyCost: p.weekly_cost,
      })),
      reviews: (by.reviews.get(c.id) ?? NONE).map((r) => ({
        due: r.due_date,
        held: r.held_date,
        participation: r.participation,
      })),
      visits: (by.visits.get(c.id) ?? NONE).map((v) => ({ date: v.visit_date, seen: true })),
      health: (by.health.get(c.id) ?? NONE).map((h) => ({ kind: h.kind, date: h.assessment_date })),
      sdqs: (by.sdqs.get(c.id) ?? NONE).map((s) => ({ date: s.sdq_date, score: s.score })),
      missing: (by.missing.get(c.id) ?? NONE).map((m) => ({
        kind: m.kind,
        start: m.start_date,
        end: m.end_date,
        interviewOffered: m.return_interview_offered,
      })),
      leaverContacts: (by.contacts.get(c.id) ?? NONE).map((x) => ({
        date: x.contact_date,
        inTouch: x.in_touch,
        activity: x.activity,
        accommodation: x.accommodation,
      })),
      adoptions: (by.adoptions.get(c.id) ?? NONE).map((a) => ({
        decision: a.decision_date,
        placementOrder: a.placement_order_date,
        matched: a.matched_date,
        placed: a.placed_date,
        orderGranted: a.order_granted_date,
        reversed: a.decision_reversed_date,
        byFosterCarer: a.adopted_by_foster_carer,
      })),
      socialWorkers: (by.allocations.get(c.id) ?? NONE).map((a) => ({
        workerId: a.user_id,
        start: a.start_date,
        end: a.end_date,
      })),
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
